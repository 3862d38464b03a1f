package cn.kejiao.challenge;

import static cn.kejiao.challenge.ChallengeInput.local;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * The award of a challenge: the publisher awards one or more reviewed applications, together within the
 * bounty; the result is public at once, in its notice period (公示), and final when that period ends. The
 * applicants learn of it from {@link ChallengeAwarded}.
 */
@Service
public class ChallengeAwards {

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final Announcements announcements;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	ChallengeAwards(JdbcClient jdbc, ChallengeRows rows, Announcements announcements, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.announcements = announcements;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** Awards one or more applications (amounts within the bounty); published for the notice period, then final. */
	@Transactional
	public ChallengeView award(UUID id, List<Award> awards, @Nullable String decision) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.lockForPublisher(id, actor);
		ChallengeState inNotice = rows.state(row).then(ChallengeState.Step.AWARD);
		if (awards == null || awards.isEmpty()) {
			throw KejiaoException.invalid("challenge.award-required");
		}
		long sum = 0;
		Set<UUID> seen = new HashSet<>();
		Map<UUID, Long> amounts = new LinkedHashMap<>();
		for (Award award : awards) {
			if (award.applicationId() == null || !seen.add(award.applicationId())) {
				throw KejiaoException.invalid("challenge.award-required");
			}
			long amount = Money.positiveFen(award.amount(), "amount");
			int reviews = jdbc.sql("""
					select count(r.user_id) from challenge.application a left join challenge.review r on r.application_id = a.id
					where a.id = :a and a.challenge_id = :c group by a.id""")
				.param("a", award.applicationId()).param("c", id).query(Integer.class).optional()
				.orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", award.applicationId()));
			if (reviews == 0) {
				throw KejiaoException.conflict("challenge.award-unreviewed");
			}
			sum += amount;
			amounts.put(award.applicationId(), amount);
		}
		if (sum > row.bounty()) {
			throw KejiaoException.invalid("challenge.award-above-bounty", Money.yuan(row.bounty()));
		}
		amounts.forEach((application, amount) -> jdbc.sql("update challenge.application set awarded_amount = :amount where id = :id")
			.param("amount", amount).param("id", application).update());
		Instant now = clock.instant();
		Instant noticeEnds = now.plus(Duration.ofDays(row.noticeDays()));
		String text = decision == null ? "" : decision.strip();
		jdbc.sql("""
				update challenge.challenge set decided_at = :now, notice_ends_at = :ends, decision = :decision where id = :id""")
			.param("now", Timestamp.from(now)).param("ends", Timestamp.from(noticeEnds)).param("decision", text)
			.param("id", id).update();
		rows.moveTo(id, inNotice);
		announcements.announce(id, "awarded", local(noticeEnds));
		audit.record("challenge.awarded", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("awards", amounts.entrySet().stream().map(e -> e.getKey() + "=" + Money.yuan(e.getValue())).toList(),
						"noticeEndsAt", noticeEnds.toString()));
		events.publishEvent(awarded(row, noticeEnds, amounts));
		return rows.view(id, actor);
	}

	private ChallengeAwarded awarded(ChallengeRow row, Instant noticeEnds, Map<UUID, Long> amounts) {
		record Applicant(UUID application, UUID organisation) {
		}
		List<Applicant> applicants = jdbc.sql("""
				select id, applicant_org_id from challenge.application where challenge_id = :c order by submitted_at""")
			.param("c", row.id()).query((rs, n) -> new Applicant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
		List<ChallengeAwarded.Winner> winners = applicants.stream().filter(a -> amounts.containsKey(a.application()))
			.map(a -> new ChallengeAwarded.Winner(a.organisation(), new Money(amounts.get(a.application())))).toList();
		List<UUID> others = applicants.stream().filter(a -> !amounts.containsKey(a.application()))
			.map(Applicant::organisation).toList();
		return new ChallengeAwarded(row.id(), row.title(), noticeEnds, winners, others);
	}

	/** The public result: the awarded teams and amounts, once the award is published. */
	@Transactional(readOnly = true)
	public List<RankedApplication> results(UUID id) {
		ChallengeRow row = rows.find(id).filter(r -> r.state() == ChallengeState.NOTICE)
			.orElseThrow(() -> KejiaoException.notFound("challenge.no-result", id));
		return jdbc.sql("""
				select a.id, a.applicant_name, a.applicant_region, a.awarded_amount
				from challenge.application a where a.challenge_id = :id and a.awarded_amount is not null
				order by a.awarded_amount desc""")
			.param("id", row.id())
			.query((rs, n) -> new RankedApplication(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), 0, null, 0,
					Money.yuan(rs.getLong(4))))
			.list();
	}
}
