package cn.kejiao.challenge;

import static cn.kejiao.challenge.ChallengeInput.local;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;

/**
 * The expert review of a challenge's applications: the publisher forms the panel once applications have
 * closed; each panellist scores against the {@link Rubric}, never sees another's scores and never an
 * application of its own organisation, and knows the applicants only by their labels until the award is
 * published ({@link BlindReview}); the publisher ranks the applications by their mean total.
 */
@Service
public class ChallengeReviews {

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Clock clock;
	private final BlindReview blind;
	private final ApplicationEventPublisher events;

	ChallengeReviews(JdbcClient jdbc, ChallengeRows rows, Accounts accounts, AuditLog audit, Clock clock,
			BlindReview blind, ApplicationEventPublisher events) {
		this.events = events;
		this.blind = blind;
		this.jdbc = jdbc;
		this.rows = rows;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Forms the panel once applications have closed (the deadline passed): experts by username. A panellist of
	 * an applicant's organisation stays on the panel but never sees or scores that application.
	 */
	@Transactional
	public ChallengeView panel(UUID id, List<String> usernames) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.lockForPublisher(id, actor);
		ChallengeState inReview = rows.state(row).then(ChallengeState.Step.FORM_PANEL);
		if (clock.instant().isBefore(row.deadline())) {
			throw KejiaoException.conflict("challenge.deadline-not-reached", local(row.deadline()));
		}
		if (usernames == null || usernames.isEmpty()) {
			throw KejiaoException.invalid("challenge.panel-required");
		}
		List<UserView> experts = new ArrayList<>();
		for (String username : usernames) {
			experts.add(accounts.find(username.strip()).filter(u -> u.roles().contains(Role.EXPERT))
				.orElseThrow(() -> KejiaoException.invalid("challenge.not-an-expert", username)));
		}
		jdbc.sql("delete from challenge.panellist where challenge_id = :id").param("id", id).update();
		for (UserView expert : experts) {
			jdbc.sql("""
					insert into challenge.panellist (challenge_id, user_id, username, display_name, organisation_id,
					    region_code, seated_at)
					values (:id, :user, :username, :name, :org, :region, :at) on conflict do nothing""")
				.param("id", id).param("user", expert.id()).param("username", expert.username())
				.param("name", expert.displayName()).param("org", expert.organisationId(), Types.OTHER)
				.param("region", expert.regionCode()).param("at", Timestamp.from(clock.instant())).update();
		}
		rows.moveTo(id, inReview);
		audit.record("challenge.panel-formed", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("panel", experts.stream().map(UserView::username).toList()));
		events.publishEvent(new ChallengePanelFormed(id, row.title(), experts.stream().map(UserView::username).toList()));
		return rows.view(id, actor);
	}

	/**
	 * The applications a panellist scores: all but those it has a conflict of interest with
	 * ({@link ConflictsOfInterest}), each with its own scores only.
	 */
	@Transactional(readOnly = true)
	public List<QueueItem> reviewQueue(UUID id) {
		Actor actor = Actors.require();
		return queue(rows.forPanellist(id, actor), actor);
	}

	/** The queue of a panellist; nothing for a reader who is not on the panel. */
	@Transactional(readOnly = true)
	public Optional<List<QueueItem>> queueFor(UUID id, @Nullable Actor reader) {
		if (reader == null || !rows.onPanel(id, reader)) {
			return Optional.empty();
		}
		return Optional.of(queue(rows.get(id), reader));
	}

	/** The panellist's queue, labelled in the order the applications came in, blind as {@link BlindReview} says. */
	private List<QueueItem> queue(ChallengeRow challenge, Actor panellist) {
		boolean hidden = blind.hidesApplicantsFrom(challenge, panellist);
		return jdbc.sql("""
				select a.id, a.ordinal, a.applicant_name, a.team, a.proposal, a.attachment_name, r.scores, r.total, r.comment
				from (select id, applicant_org_id, applicant_name, team, proposal, attachment_name, submitted_at,
				             row_number() over (order by submitted_at, id) as ordinal
				      from challenge.application where challenge_id = :id) a
				left join challenge.review r on r.application_id = a.id and r.user_id = :user
				where %s
				order by a.ordinal""".formatted(ConflictsOfInterest.scorable(":org", ":user")))
			.param("id", challenge.id()).param("user", panellist.userId())
			.param("org", panellist.organisationId(), Types.OTHER)
			.query((rs, n) -> new QueueItem(rs.getObject(1, UUID.class), blind.label(rs.getLong(2)),
					hidden ? null : rs.getString(3), hidden ? null : rs.getString(4), rs.getString(5), rs.getString(6) != null,
					hidden ? null : rs.getString(6), rs.getString(7) == null ? null : ChallengeRows.scores(rs.getString(7)),
					rs.getBigDecimal(8), rs.getString(9)))
			.list();
	}

	/**
	 * A panellist scores an application, criterion by criterion (whole numbers 0–100, {@link Rubric#scores});
	 * scoring again replaces its scores.
	 */
	@Transactional
	public QueueItem review(UUID id, UUID applicationId, @Nullable Map<String, ? extends Number> given,
			@Nullable String comment) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.forPanellist(id, actor);
		rows.state(row).then(ChallengeState.Step.SCORE);
		boolean scorable = jdbc.sql("select " + ConflictsOfInterest.scorable(":org", ":user")
				+ " from challenge.application a where a.id = :a and a.challenge_id = :c")
			.param("a", applicationId).param("c", id).param("org", actor.organisationId(), Types.OTHER)
			.param("user", actor.userId()).query(Boolean.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", applicationId));
		if (!scorable) {
			throw KejiaoException.forbidden("challenge.conflict-of-interest");
		}
		Map<String, Integer> scores = Rubric.STANDARD.scores(given);
		BigDecimal total = Rubric.STANDARD.total(scores);
		jdbc.sql("""
				insert into challenge.review (application_id, challenge_id, user_id, scores, total, comment, at)
				values (:a, :c, :u, cast(:scores as jsonb), :total, :comment, :at)
				on conflict (application_id, user_id) do update
				set scores = excluded.scores, total = excluded.total, comment = excluded.comment, at = excluded.at""")
			.param("a", applicationId).param("c", id).param("u", actor.userId())
			.param("scores", ChallengeRows.JSON.writeValueAsString(scores)).param("total", total)
			.param("comment", comment == null ? "" : comment.strip()).param("at", Timestamp.from(clock.instant())).update();
		audit.record("challenge.reviewed", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("application", applicationId.toString(), "panellist", actor.username()));
		return queue(row, actor).stream().filter(q -> q.applicationId().equals(applicationId)).findFirst().orElseThrow();
	}

	/** The applications ranked by their mean total, for the publisher; no panellist's own scores are shown. */
	@Transactional(readOnly = true)
	public List<RankedApplication> ranking(UUID id) {
		Actor actor = Actors.require();
		if (!rows.get(id).isManagedBy(actor)) {
			throw KejiaoException.forbidden("challenge.publisher-only");
		}
		return jdbc.sql("""
				select a.id, a.applicant_name, a.applicant_region, count(r.user_id), round(avg(r.total), 2),
				       (select count(*) from challenge.panellist p where p.challenge_id = a.challenge_id
				          and not %s),
				       a.awarded_amount
				from challenge.application a left join challenge.review r on r.application_id = a.id
				where a.challenge_id = :id
				group by a.id order by avg(r.total) desc nulls last, a.submitted_at"""
				.formatted(ConflictsOfInterest.scorable("p.organisation_id", "p.user_id")))
			.param("id", id)
			.query((rs, n) -> new RankedApplication(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getBigDecimal(5), rs.getInt(6), ChallengeRows.yuan(rs, 7)))
			.list();
	}
}
