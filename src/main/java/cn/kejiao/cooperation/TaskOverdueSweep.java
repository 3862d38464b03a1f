package cn.kejiao.cooperation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.ChinaTime;

/**
 * Flags the tasks of agreements whose due date passed while still open (planned or in progress), once each: the
 * flag is claimed in PostgreSQL ({@code UPDATE ... WHERE overdue_flagged_at IS NULL ... FOR UPDATE SKIP LOCKED
 * RETURNING}), so several nodes sweeping at once flag a task once, and {@link TaskOverdue} is published in the same
 * transaction (its listeners run after the commit). {@code kejiao.cooperation.jobs=false} stops the
 * schedule (the tests run the sweep themselves).
 */
@Component
class TaskOverdueSweep {

	private static final Logger log = LoggerFactory.getLogger(TaskOverdueSweep.class);

	private final JdbcClient jdbc;
	private final AgreementRows rows;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final boolean enabled;

	TaskOverdueSweep(JdbcClient jdbc, AgreementRows rows, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock,
			@Value("${kejiao.cooperation.jobs:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${kejiao.cooperation.sweep-interval:PT10M}", initialDelayString = "PT2M")
	void run() {
		if (!enabled) {
			return;
		}
		try {
			int flagged = flag(null);
			if (flagged > 0) {
				log.info("Agreements: {} overdue tasks flagged", flagged);
			}
		}
		catch (RuntimeException ex) {
			log.warn("The overdue sweep of agreements failed; it runs again at the next interval", ex);
		}
	}

	/** Flags the overdue tasks (of one agreement when named) not flagged yet; how many this call flagged. */
	int flag(@Nullable UUID agreementId) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Integer flagged = transactions.execute(status -> {
			List<TaskOverdue> due = jdbc.sql("""
					update cooperation.agreement_task t set overdue_flagged_at = :now
					from (select id from cooperation.agreement_task
					      where overdue_flagged_at is null and state in ('PLANNED', 'IN_PROGRESS') and due_on < :today
					        and (cast(:agreement as uuid) is null or agreement_id = :agreement)
					      order by due_on, id limit 500 for update skip locked) due, cooperation.agreement a
					where t.id = due.id and a.id = t.agreement_id
					returning t.agreement_id, a.title, t.id, t.title, t.owner_org_id, t.owner_org_name, t.due_on""")
				.param("now", Timestamp.from(clock.instant())).param("today", today).param("agreement", agreementId)
				.query((rs, n) -> new TaskOverdue(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
						rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, LocalDate.class),
						List.of()))
				.list();
			if (due.isEmpty()) {
				return 0;
			}
			Map<UUID, List<cn.kejiao.cooperation.AgreementView.Party>> parties = rows
				.parties(due.stream().map(TaskOverdue::agreementId).distinct().toList());
			for (TaskOverdue task : due) {
				events.publishEvent(new TaskOverdue(task.agreementId(), task.agreementTitle(), task.taskId(),
						task.taskTitle(), task.ownerOrgId(), task.ownerOrgName(), task.dueOn(),
						parties.getOrDefault(task.agreementId(), List.of()).stream()
							.map(AgreementView.Party::regionCode).toList()));
			}
			return due.size();
		});
		return flagged == null ? 0 : flagged;
	}
}
