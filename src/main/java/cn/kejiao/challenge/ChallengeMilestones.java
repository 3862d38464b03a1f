package cn.kejiao.challenge;

import static cn.kejiao.challenge.ChallengeInput.text;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * The work after a final award, in milestones: the publisher plans them for an awarded team (payments together
 * within its award), the team hands in each deliverable, the publisher accepts it and records the payment.
 */
@Service
public class ChallengeMilestones {

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	ChallengeMilestones(JdbcClient jdbc, ChallengeRows rows, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.rows = rows;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public MilestoneView addMilestone(UUID id, UUID applicationId, @Nullable String title, @Nullable LocalDate dueOn,
			@Nullable Money payment) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.lockForPublisher(id, actor);
		rows.state(row).then(ChallengeState.Step.PLAN_MILESTONES);
		Long awarded = jdbc.sql("select awarded_amount from challenge.application where id = :a and challenge_id = :c")
			.param("a", applicationId).param("c", id).query(Long.class).optional().orElse(null);
		if (awarded == null) {
			throw KejiaoException.notFound("challenge.application-not-found", applicationId);
		}
		if (dueOn == null) {
			throw KejiaoException.invalid("request.missing-parameter", "dueOn");
		}
		if (dueOn.isBefore(LocalDate.now(clock.withZone(ChinaTime.ZONE)))) {
			throw KejiaoException.invalid("challenge.milestone-due-past", dueOn);
		}
		long fen = payment == null ? 0 : payment.fen();
		long planned = jdbc.sql("select coalesce(sum(payment), 0) from challenge.milestone where application_id = :a")
			.param("a", applicationId).query(Long.class).single();
		if (planned + fen > awarded) {
			throw KejiaoException.invalid("challenge.payments-above-award", Money.yuan(awarded));
		}
		UUID milestone = UUID.randomUUID();
		jdbc.sql("""
				insert into challenge.milestone (id, challenge_id, application_id, title, due_on, payment, state)
				values (:id, :c, :a, :title, :due, :payment, :state)""")
			.param("id", milestone).param("c", id).param("a", applicationId)
			.param("title", text(title, 2, 200, "challenge.title-length")).param("due", dueOn).param("payment", fen)
			.param("state", MilestoneState.PLANNED.name()).update();
		audit.record("challenge.milestone-added", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("milestone", milestone.toString()));
		return rows.milestone(milestone);
	}

	/** The awarded team hands in a milestone's deliverable. */
	@Transactional
	public MilestoneView deliver(UUID milestoneId, @Nullable String deliverable) {
		Actor actor = Actors.require();
		MilestoneView milestone = rows.milestone(milestoneId);
		UUID team = jdbc.sql("select applicant_org_id from challenge.application where id = :a")
			.param("a", milestone.applicationId()).query(UUID.class).single();
		if (!team.equals(actor.organisationId())) {
			throw KejiaoException.forbidden("challenge.team-only");
		}
		MilestoneState delivered = MilestoneState.valueOf(milestone.state()).deliver();
		jdbc.sql("update challenge.milestone set state = :state, deliverable = :d, delivered_at = :at where id = :id")
			.param("state", delivered.name()).param("d", text(deliverable, 2, 5000, "challenge.deliverable-required"))
			.param("at", Timestamp.from(clock.instant()))
			.param("id", milestoneId).update();
		audit.record("challenge.milestone-delivered", "challenge", milestone.challengeId().toString(), milestone.title(), null,
				null, null);
		ChallengeRow challenge = rows.get(milestone.challengeId());
		events.publishEvent(new MilestoneDelivered(milestoneId, challenge.id(), challenge.title(), milestone.title(),
				challenge.publisherOrgId(), challenge.regionCode()));
		return rows.milestone(milestoneId);
	}

	/** The publisher accepts a delivered milestone, and records its payment with a reference (or later). */
	@Transactional
	public MilestoneView accept(UUID milestoneId, @Nullable String paymentReference) {
		Actor actor = Actors.require();
		MilestoneView milestone = rows.milestone(milestoneId);
		rows.lockForPublisher(milestone.challengeId(), actor);
		MilestoneState accepted = MilestoneState.valueOf(milestone.state()).accept();
		String reference = paymentReference == null ? "" : paymentReference.strip();
		Instant now = clock.instant();
		jdbc.sql("""
				update challenge.milestone set state = :state, accepted_at = :at, payment_reference = :ref, paid_at = :paid
				where id = :id""")
			.param("state", accepted.name()).param("at", Timestamp.from(now)).param("ref", reference)
			.param("paid", reference.isEmpty() ? null : Timestamp.from(now), Types.TIMESTAMP)
			.param("id", milestoneId).update();
		audit.record("challenge.milestone-accepted", "challenge", milestone.challengeId().toString(), milestone.title(), null,
				null, Map.of("paymentReference", reference));
		return rows.milestone(milestoneId);
	}

	/**
	 * A challenge's milestones as the reader may follow them ({@link #followed}); nothing for anyone else, who
	 * is not shown the milestones' part of the page.
	 */
	@Transactional(readOnly = true)
	public Optional<List<MilestoneView>> milestonesFor(UUID challengeId, @Nullable Actor reader) {
		if (reader == null) {
			return Optional.empty();
		}
		return followed(rows.get(challengeId), reader);
	}

	/** A challenge's milestones as the reader may follow them ({@link #followed}); refused to anyone else. */
	@Transactional(readOnly = true)
	public List<MilestoneView> milestones(UUID challengeId, Actor reader) {
		return followed(rows.get(challengeId), reader)
			.orElseThrow(() -> KejiaoException.forbidden("challenge.publisher-only"));
	}

	/**
	 * Who follows which milestones, the one rule for the page and the API: the publisher (and the admins who
	 * act for it) every awarded team's; an awarded team only its own — its milestones, deliverables and
	 * payments are no business of another team awarded the same challenge; anyone else none (empty).
	 */
	private Optional<List<MilestoneView>> followed(ChallengeRow row, Actor reader) {
		if (row.isManagedBy(reader)) {
			return Optional.of(rows.milestones(row.id()));
		}
		if (reader.organisationId() == null) {
			return Optional.empty();
		}
		List<UUID> own = jdbc.sql("""
				select id from challenge.application where challenge_id = :c and applicant_org_id = :o
				  and awarded_amount is not null""")
			.param("c", row.id()).param("o", reader.organisationId()).query(UUID.class).list();
		if (own.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(rows.milestones(row.id()).stream().filter(m -> own.contains(m.applicationId())).toList());
	}
}
