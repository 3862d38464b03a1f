package cn.kejiao.challenge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;

/**
 * Forming a challenge's panel by invitation: once applications have closed, the publisher invites experts of
 * the pool ({@link ExpertPool}) with a date the review is due; each expert accepts — promising it has no
 * conflict of interest — and joins the panel, or declines with a reason, declaring a conflict if that is why.
 * Only accepted experts score ({@link ChallengeReviews}). The publisher follows the answers; each expert finds
 * its invitations and reviews in "my reviews".
 */
@Service
public class PanelInvitations {

	static final String INVITED = "INVITED";
	static final String ACCEPTED = "ACCEPTED";
	static final String DECLINED = "DECLINED";

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final Organisations organisations;

	PanelInvitations(JdbcClient jdbc, ChallengeRows rows, Accounts accounts, AuditLog audit, Clock clock,
			ApplicationEventPublisher events, Organisations organisations) {
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.rows = rows;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Invites experts (usernames) to the panel, the review due at the end of {@code reviewDue} (a date, China
	 * time). The challenge goes into review. An expert invited already keeps its invitation; one that declined
	 * without a conflict is invited again; one that declared a conflict is not.
	 */
	@Transactional
	public List<InvitationView> invite(UUID id, @Nullable List<String> usernames, @Nullable String reviewDue) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.lockForPublisher(id, actor);
		ChallengeState inReview = rows.state(row).then(ChallengeState.Step.FORM_PANEL);
		Instant now = clock.instant();
		if (now.isBefore(row.deadline())) {
			throw KejiaoException.conflict("challenge.deadline-not-reached", ChallengeInput.local(row.deadline()));
		}
		if (usernames == null || usernames.stream().allMatch(String::isBlank)) {
			throw KejiaoException.invalid("challenge.panel-required");
		}
		if (reviewDue == null || reviewDue.isBlank()) {
			throw KejiaoException.invalid("challenge.review-due-required");
		}
		Instant due = ChallengeInput.deadline(reviewDue);
		if (!due.isAfter(now)) {
			throw KejiaoException.invalid("challenge.review-due-past");
		}
		Map<String, UserView> experts = new LinkedHashMap<>();
		for (String username : usernames) {
			if (!username.isBlank()) {
				UserView expert = accounts.find(username.strip()).filter(u -> u.roles().contains(Role.EXPERT) && u.enabled())
					.orElseThrow(() -> KejiaoException.invalid("challenge.not-an-expert", username.strip()));
				experts.put(expert.username(), expert);
			}
		}
		List<UUID> invited = new ArrayList<>();
		for (UserView expert : experts.values()) {
			Answer answer = answer(id, expert.id());
			if (answer != null && answer.conflict()) {
				throw KejiaoException.conflict("challenge.expert-declared-conflict", expert.displayName());
			}
			if (answer != null && !answer.state().equals(DECLINED) || onPanel(id, expert.id())) {
				continue;
			}
			jdbc.sql("""
					insert into challenge.invitation (challenge_id, user_id, username, display_name, organisation_id, state,
					    review_due, invited_by, invited_at)
					values (:c, :u, :username, :name, :org, 'INVITED', :due, :by, :at)
					on conflict (challenge_id, user_id) do update set state = 'INVITED', review_due = excluded.review_due,
					    reason = '', conflict = false, invited_by = excluded.invited_by, invited_at = excluded.invited_at,
					    answered_at = null""")
				.param("c", id).param("u", expert.id()).param("username", expert.username()).param("name", expert.displayName())
				.param("org", expert.organisationId(), Types.OTHER).param("due", Timestamp.from(due))
				.param("by", actor.username()).param("at", Timestamp.from(now)).update();
			invited.add(expert.id());
		}
		rows.moveTo(id, inReview);
		audit.record("challenge.experts-invited", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("experts", List.copyOf(experts.keySet()), "reviewDue", due.toString()));
		if (!invited.isEmpty()) {
			events.publishEvent(new ExpertsInvited(id, row.title(), invited, due));
		}
		return list(id);
	}

	/** The expert accepts: it promises it has no conflict of interest with the challenge and joins the panel. */
	@Transactional
	public MyReview accept(UUID id, boolean noConflict) {
		Actor actor = ExpertPool.expert();
		ChallengeRow row = awaitingAnswer(id, actor);
		if (!noConflict) {
			throw KejiaoException.invalid("challenge.no-conflict-required");
		}
		answer(id, actor, ACCEPTED, false, "");
		jdbc.sql("""
				insert into challenge.panellist (challenge_id, user_id, username, display_name, organisation_id,
				    region_code, seated_at)
				values (:c, :u, :username, :name, :org, :region, :at) on conflict do nothing""")
			.param("c", id).param("u", actor.userId()).param("username", actor.username()).param("name", actor.displayName())
			.param("org", actor.organisationId(), Types.OTHER).param("region", actor.regionCode())
			.param("at", Timestamp.from(clock.instant())).update();
		audit.record("challenge.invitation-accepted", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("expert", actor.username()));
		events.publishEvent(new InvitationAnswered(id, row.title(), row.publisherOrgId(), actor.userId(), actor.displayName(),
				true, false));
		return mine(actor).stream().filter(r -> r.challengeId().equals(id)).findFirst().orElseThrow();
	}

	/** The expert declines, saying why; {@code conflict} when the reason is a conflict of interest it declares. */
	@Transactional
	public MyReview decline(UUID id, @Nullable String reason, boolean conflict) {
		Actor actor = ExpertPool.expert();
		ChallengeRow row = awaitingAnswer(id, actor);
		String why = ChallengeInput.text(reason, 1, 500, "challenge.decline-reason-required");
		answer(id, actor, DECLINED, conflict, why);
		audit.record("challenge.invitation-declined", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("expert", actor.username(), "conflict", conflict, "reason", why));
		events.publishEvent(new InvitationAnswered(id, row.title(), row.publisherOrgId(), actor.userId(), actor.displayName(),
				false, conflict));
		return mine(actor).stream().filter(r -> r.challengeId().equals(id)).findFirst().orElseThrow();
	}

	private ChallengeRow awaitingAnswer(UUID id, Actor actor) {
		ChallengeRow row = rows.get(id);
		Answer answer = answer(id, actor.userId());
		if (answer == null) {
			throw KejiaoException.notFound("challenge.invitation-not-found", id);
		}
		rows.state(row).then(ChallengeState.Step.SCORE);
		if (!answer.state().equals(INVITED)) {
			throw KejiaoException.conflict("challenge.invitation-answered");
		}
		return row;
	}

	private void answer(UUID id, Actor actor, String state, boolean conflict, String reason) {
		jdbc.sql("""
				update challenge.invitation set state = :state, conflict = :conflict, reason = :reason, answered_at = :at
				where challenge_id = :c and user_id = :u""")
			.param("state", state).param("conflict", conflict).param("reason", reason)
			.param("at", Timestamp.from(clock.instant())).param("c", id).param("u", actor.userId()).update();
	}

	private boolean onPanel(UUID id, UUID user) {
		return jdbc.sql("select count(*) from challenge.panellist where challenge_id = :c and user_id = :u").param("c", id)
			.param("u", user).query(Long.class).single() > 0;
	}

	private record Answer(String state, boolean conflict) {
	}

	private @Nullable Answer answer(UUID id, UUID user) {
		return jdbc.sql("select state, conflict from challenge.invitation where challenge_id = :c and user_id = :u")
			.param("c", id).param("u", user).query((rs, n) -> new Answer(rs.getString(1), rs.getBoolean(2))).optional()
			.orElse(null);
	}

	/**
	 * The invitations of the challenge and how each was answered, for its publisher; panellists put on the panel
	 * directly count as accepted.
	 */
	@Transactional(readOnly = true)
	public List<InvitationView> invitations(UUID id) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.get(id);
		if (!row.isManagedBy(actor)) {
			throw row.state() == ChallengeState.DRAFT ? KejiaoException.notFound("challenge.not-found", id)
					: KejiaoException.forbidden("challenge.publisher-only");
		}
		return list(id);
	}

	private List<InvitationView> list(UUID id) {
		return jdbc.sql("""
				select x.user_id, x.username, x.display_name, x.organisation_id, x.state, x.review_due, x.conflict, x.reason,
				       x.answered_at,
				       (select count(*) from challenge.application a where a.challenge_id = :c
				          and %s),
				       (select count(*) from challenge.review r where r.challenge_id = :c and r.user_id = x.user_id)
				from (select user_id, username, display_name, organisation_id, state, review_due, conflict, reason, answered_at,
				             invited_at
				      from challenge.invitation where challenge_id = :c
				      union all
				      select p.user_id, p.username, p.display_name, p.organisation_id, 'ACCEPTED', null, false, '', null, null
				      from challenge.panellist p where p.challenge_id = :c and not exists
				          (select 1 from challenge.invitation i where i.challenge_id = p.challenge_id and i.user_id = p.user_id)) x
				order by x.invited_at nulls first, x.username"""
			.formatted(ConflictsOfInterest.scorable("x.organisation_id", "x.user_id")))
			.param("c", id)
			.query((rs, n) -> new InvitationView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class) == null ? null : organisationName(rs.getObject(4, UUID.class)), rs.getString(5),
					ChallengeRows.instant(rs, 6), rs.getBoolean(7), rs.getString(8), ChallengeRows.instant(rs, 9), rs.getLong(10),
					rs.getLong(11)))
			.list();
	}

	private String organisationName(UUID organisationId) {
		return organisations.find(organisationId).map(OrganisationView::name).orElse("");
	}

	/**
	 * The signed-in expert's reviews: every challenge it was invited to or sits on the panel of, soonest due
	 * first, the ones waiting on it before the others.
	 */
	@Transactional(readOnly = true)
	public List<MyReview> mine(Actor expert) {
		Instant now = clock.instant();
		List<MyReview> reviews = jdbc.sql("""
				select c.id, c.number, c.title, c.publisher_name, c.state, c.notice_ends_at, coalesce(i.state, 'ACCEPTED'),
				       i.review_due, coalesce(i.conflict, false), coalesce(i.reason, ''),
				       (select count(*) from challenge.application a where a.challenge_id = c.id and %s),
				       (select count(*) from challenge.review r where r.challenge_id = c.id and r.user_id = :u)
				from challenge.challenge c
				left join challenge.invitation i on i.challenge_id = c.id and i.user_id = :u
				where i.user_id is not null
				   or exists (select 1 from challenge.panellist p where p.challenge_id = c.id and p.user_id = :u)
				order by i.review_due nulls last, c.deadline desc"""
			.formatted(ConflictsOfInterest.scorable(":org", ":u")))
			.param("u", expert.userId()).param("org", expert.organisationId(), Types.OTHER)
			.query((rs, n) -> review(rs, now)).list();
		List<MyReview> sorted = new ArrayList<>(reviews.stream().filter(MyReview::pending).toList());
		sorted.addAll(reviews.stream().filter(r -> !r.pending()).toList());
		return sorted;
	}

	/** The signed-in expert's reviews; {@code challenge.experts-only} for anyone else. */
	@Transactional(readOnly = true)
	public List<MyReview> myReviews() {
		return mine(ExpertPool.expert());
	}

	/** How many reviews wait on the expert: invitations to answer and panels with applications left to score. */
	@Transactional(readOnly = true)
	public long pendingFor(Actor expert) {
		return expert.has(Role.EXPERT) ? mine(expert).stream().filter(MyReview::pending).count() : 0;
	}

	/** How many invitations wait for the expert's answer (for the workbench). */
	@Transactional(readOnly = true)
	public long invitationsToAnswer(Actor expert) {
		return expert.has(Role.EXPERT)
				? mine(expert).stream().filter(review -> review.pending() && INVITED.equals(review.invitation())).count() : 0;
	}

	private static MyReview review(ResultSet rs, Instant now) throws SQLException {
		ChallengeState state = ChallengeState.at(ChallengeState.valueOf(rs.getString(5)), ChallengeRows.instant(rs, 6), now);
		String invitation = rs.getString(7);
		Instant due = ChallengeRows.instant(rs, 8);
		long toScore = rs.getLong(11);
		long scored = rs.getLong(12);
		boolean inReview = state == ChallengeState.REVIEW;
		boolean pending = inReview && (invitation.equals(INVITED) || invitation.equals(ACCEPTED) && scored < toScore);
		return new MyReview(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), invitation, due,
				state.name(), toScore, scored, pending, pending && due != null && now.isAfter(due), rs.getBoolean(9),
				rs.getString(10));
	}
}
