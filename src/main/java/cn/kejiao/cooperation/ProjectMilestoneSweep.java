package cn.kejiao.cooperation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.ChinaTime;

/**
 * Flags the milestones of running projects that passed their due date (China time) without deliverables, once
 * each: every node runs the sweep, and one UPDATE ... WHERE flagged_at IS NULL RETURNING claims each milestone for
 * whichever node's statement reaches its row first (the other waits on the row lock and then finds it flagged).
 * Each claimed milestone publishes {@link ProjectMilestoneOverdue} in the same transaction.
 * {@code kejiao.cooperation.jobs=false} stops the schedule (the tests sweep themselves).
 */
@Service
public class ProjectMilestoneSweep {

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final boolean enabled;

	ProjectMilestoneSweep(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock, @Value("${kejiao.cooperation.jobs:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${kejiao.cooperation.sweep-interval:PT10M}", initialDelayString = "PT1M")
	void sweep() {
		if (enabled) {
			flagOverdue();
		}
	}

	/** Flags every milestone overdue now and not flagged before; returns how many this call flagged. */
	public int flagOverdue() {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Integer flagged = transactions.execute(status -> {
			record Claimed(UUID milestoneId, String milestoneTitle, LocalDate dueOn, UUID projectId, String number,
					String title, UUID leadOrgId, String regionCode) {
			}
			List<Claimed> claimed = jdbc.sql("""
					update cooperation.project_milestone m set flagged_at = :now
					from cooperation.project p
					where p.id = m.project_id and m.flagged_at is null and m.state in ('PLANNED', 'REJECTED')
					  and m.due_on < :today and p.stage in ('APPROVED', 'IN_PROGRESS')
					returning m.id, m.title, m.due_on, p.id, p.number, p.title, p.lead_org_id, p.region_code""")
				.param("now", Timestamp.from(clock.instant())).param("today", today)
				.query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getObject(3, LocalDate.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
						rs.getObject(7, UUID.class), rs.getString(8)))
				.list();
			for (Claimed c : claimed) {
				List<String> regions = new ArrayList<>();
				regions.add(c.regionCode());
				jdbc.sql("select region_code from cooperation.project_funder where project_id = :p order by region_code")
					.param("p", c.projectId()).query(String.class).list().stream().filter(r -> !regions.contains(r))
					.forEach(regions::add);
				events.publishEvent(new ProjectMilestoneOverdue(c.projectId(), c.number(), c.title(), c.milestoneId(),
						c.milestoneTitle(), c.dueOn(), c.leadOrgId(), regions));
			}
			return claimed.size();
		});
		return flagged == null ? 0 : flagged;
	}
}
