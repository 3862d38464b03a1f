package cn.kejiao.challenge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;
import tools.jackson.databind.json.JsonMapper;

/**
 * 揭榜挂帅 challenges, from publication to the last milestone's payment. The publisher (the organisation that
 * published it, and the admins governing its region) opens it, may extend its deadline (every extension is
 * audited and announced to the applicants), forms the expert panel once applications have closed, and awards
 * it; the award is published for a notice period (公示) and final after it. Panellists score against the
 * rubric, never see one another's scores, and never score an application of their own organisation.
 */
@Service
public class Challenges {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The rubric: criterion and its weight in the total (weights add up to 100). */
	public static final Map<String, Integer> RUBRIC = rubric();

	private static Map<String, Integer> rubric() {
		Map<String, Integer> rubric = new LinkedHashMap<>();
		rubric.put("SOLUTION", 40);
		rubric.put("TEAM", 30);
		rubric.put("PLAN", 20);
		rubric.put("BUDGET", 10);
		return java.util.Collections.unmodifiableMap(rubric);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final Accounts accounts;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;
	private final cn.kejiao.notification.Notifications notifications;

	Challenges(JdbcClient jdbc, Organisations organisations, Accounts accounts, Regions regions, AuditLog audit,
			Clock clock, cn.kejiao.notification.Notifications notifications) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.accounts = accounts;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- publishing

	@Transactional
	public ChallengeView create(ChallengeForm form) {
		Actor actor = Actors.require();
		String regionCode;
		UUID publisherOrg = actor.organisationId();
		String publisherName;
		if (actor.isRegionAdmin() || actor.isPlatformAdmin()) {
			regionCode = actor.regionCode();
			publisherName = actor.organisationName() == null ? regions.fullName(regionCode) : actor.organisationName();
		}
		else if (actor.has(Role.ENTERPRISE) && publisherOrg != null) {
			OrganisationView enterprise = organisations.find(publisherOrg).filter(OrganisationView::isVerified)
				.orElseThrow(() -> KejiaoException.forbidden("challenge.publishers-only"));
			regionCode = enterprise.regionCode();
			publisherName = enterprise.name();
		}
		else {
			throw KejiaoException.forbidden("challenge.publishers-only");
		}
		String title = text(form.title(), 4, 200, "challenge.title-length");
		String problem = text(form.problem(), 10, 10000, "challenge.problem-length");
		List<Target> targets = form.targets() == null ? List.of()
				: form.targets().stream().filter(t -> t.indicator() != null && !t.indicator().isBlank()).toList();
		if (targets.isEmpty()) {
			throw KejiaoException.invalid("challenge.targets-required");
		}
		long bounty = Money.positiveFen(form.bounty(), "bounty");
		Instant deadline = deadline(form.deadline());
		List<String> eligibleRegions = form.eligibleRegions() == null ? List.of() : form.eligibleRegions().stream()
			.map(String::strip).filter(c -> !c.isEmpty()).toList();
		eligibleRegions.forEach(code -> regions.find(code).orElseThrow(() -> KejiaoException.invalid("region.not-found", code)));
		List<String> eligibleZones = form.eligibleZones() == null ? List.of() : form.eligibleZones().stream()
			.map(String::strip).filter(c -> !c.isEmpty()).toList();
		eligibleZones.forEach(regions::zone);
		List<String> orgTypes = form.eligibleOrgTypes() == null ? List.of()
				: form.eligibleOrgTypes().stream().map(Enum::name).distinct().toList();
		int noticeDays = form.noticeDays() == null ? 7 : form.noticeDays();
		if (noticeDays < 0 || noticeDays > 60) {
			throw KejiaoException.invalid("challenge.notice-days");
		}
		UUID id = UUID.randomUUID();
		long sequence = jdbc.sql("select nextval('challenge.challenge_number')").query(Long.class).single();
		String number = "JB" + LocalDate.now(clock.withZone(CHINA)).getYear() + String.format("%05d", sequence);
		jdbc.sql("""
				insert into challenge.challenge (id, number, title, problem, targets, bounty, eligible_regions, eligible_zones,
				    eligible_org_types, deadline, notice_days, state, publisher_org_id, publisher_name, region_code, posted_by,
				    created_at)
				values (:id, :number, :title, :problem, cast(:targets as jsonb), :bounty, :regions, :zones, :types, :deadline,
				    :notice, 'DRAFT', :org, :name, :region, :by, :at)""")
			.param("id", id).param("number", number).param("title", title).param("problem", problem)
			.param("targets", JSON.writeValueAsString(targets)).param("bounty", bounty)
			.param("regions", eligibleRegions.toArray(String[]::new)).param("zones", eligibleZones.toArray(String[]::new))
			.param("types", orgTypes.toArray(String[]::new)).param("deadline", Timestamp.from(deadline))
			.param("notice", noticeDays).param("org", publisherOrg, java.sql.Types.OTHER).param("name", publisherName)
			.param("region", regionCode).param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
			.update();
		ChallengeView view = view(row(id), actor);
		audit.record("challenge.created", "challenge", id.toString(), title, regionCode, null, view);
		return view;
	}

	/** Publishes a draft: applications are taken until the deadline. */
	@Transactional
	public ChallengeView open(UUID id) {
		Actor actor = Actors.require();
		Row row = lockPublished(id, actor);
		requireState(row, "DRAFT");
		if (!row.deadline().isAfter(clock.instant())) {
			throw KejiaoException.invalid("challenge.deadline-past");
		}
		jdbc.sql("update challenge.challenge set state = 'OPEN', opened_at = :at where id = :id")
			.param("at", Timestamp.from(clock.instant())).param("id", id).update();
		audit.record("challenge.opened", "challenge", id.toString(), row.title(), row.regionCode(), null, null);
		return view(row(id), actor);
	}

	/** Moves the deadline later; audited, and announced to every applicant. */
	@Transactional
	public ChallengeView extend(UUID id, @Nullable String newDeadline, @Nullable String reason) {
		Actor actor = Actors.require();
		Row row = lockPublished(id, actor);
		requireState(row, "OPEN");
		Instant deadline = deadline(newDeadline);
		if (!deadline.isAfter(row.deadline())) {
			throw KejiaoException.invalid("challenge.extension-earlier");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw KejiaoException.invalid("challenge.reason-required");
		}
		jdbc.sql("update challenge.challenge set deadline = :deadline where id = :id")
			.param("deadline", Timestamp.from(deadline)).param("id", id).update();
		String text = "揭榜截止时间由 " + local(row.deadline()) + " 延长至 " + local(deadline) + "。原因：" + why;
		announce(id, text);
		// every applicant is told, in the application and by e-mail
		jdbc.sql("select applicant_org_id from challenge.application where challenge_id = :c").param("c", id)
			.query(UUID.class).list()
			.forEach(org -> notifications.tell(org, "challenge", "榜单“" + row.title() + "”延长了揭榜截止时间", text,
					"/challenges/" + id, null));
		audit.record("challenge.deadline-extended", "challenge", id.toString(), row.title(), row.regionCode(),
				Map.of("deadline", row.deadline().toString()), Map.of("deadline", deadline.toString(), "reason", why));
		return view(row(id), actor);
	}

	// ---- applying (揭榜)

	@Transactional
	public ApplicationView apply(UUID challengeId, @Nullable String team, @Nullable String proposal,
			@Nullable String attachmentName, byte @Nullable [] attachment) {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			throw KejiaoException.forbidden("challenge.organisations-only");
		}
		Row row = find(challengeId).filter(r -> !r.state().equals("DRAFT"))
			.orElseThrow(() -> KejiaoException.notFound("challenge.not-found", challengeId));
		jdbc.sql("select 1 from challenge.challenge where id = :id for share").param("id", challengeId).query().rowSet();
		if (!row.state().equals("OPEN") || !clock.instant().isBefore(row.deadline())) {
			throw KejiaoException.conflict("challenge.closed-for-applications", local(row.deadline()));
		}
		OrganisationView applicant = organisations.find(actor.organisationId()).filter(OrganisationView::isVerified)
			.orElseThrow(() -> KejiaoException.forbidden("challenge.organisations-only"));
		if (applicant.id().equals(row.publisherOrgId())) {
			throw KejiaoException.forbidden("challenge.own-challenge");
		}
		if (!eligible(row, applicant)) {
			throw KejiaoException.forbidden("challenge.not-eligible");
		}
		String teamText = text(team, 2, 2000, "challenge.team-required");
		String proposalText = text(proposal, 10, 20000, "challenge.proposal-length");
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into challenge.application (id, challenge_id, applicant_org_id, applicant_name, applicant_region, team,
				    proposal, attachment_name, attachment, submitted_by, submitted_at)
				values (:id, :challenge, :org, :name, :region, :team, :proposal, :fileName, :file, :by, :at)
				on conflict (challenge_id, applicant_org_id) do nothing""")
			.param("id", id).param("challenge", challengeId).param("org", applicant.id()).param("name", applicant.name())
			.param("region", applicant.regionCode()).param("team", teamText).param("proposal", proposalText)
			.param("fileName", attachment == null || attachment.length == 0 ? null : attachmentName, java.sql.Types.VARCHAR)
			.param("file", attachment == null || attachment.length == 0 ? null : attachment, java.sql.Types.BINARY)
			.param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
			.update();
		if (inserted == 0) {
			throw KejiaoException.conflict("challenge.already-applied");
		}
		audit.record("challenge.applied", "challenge", challengeId.toString(), row.title(), row.regionCode(), null,
				Map.of("applicant", applicant.name()));
		return application(id, actor);
	}

	private boolean eligible(Row row, OrganisationView applicant) {
		if (!row.eligibleOrgTypes().isEmpty() && !row.eligibleOrgTypes().contains(applicant.type().name())) {
			return false;
		}
		if (row.eligibleRegions().isEmpty() && row.eligibleZones().isEmpty()) {
			return true;
		}
		return row.eligibleRegions().stream().anyMatch(code -> RegionCodes.isWithin(applicant.regionCode(), code))
				|| row.eligibleZones().stream().anyMatch(zone -> regions.zoneCovers(zone, applicant.regionCode()));
	}

	// ---- the panel

	/**
	 * Forms the panel once applications have closed (the deadline passed): experts by username. A panellist of
	 * an applicant's organisation stays on the panel but never sees or scores that application.
	 */
	@Transactional
	public ChallengeView panel(UUID id, List<String> usernames) {
		Actor actor = Actors.require();
		Row row = lockPublished(id, actor);
		if (!row.state().equals("OPEN") && !row.state().equals("REVIEW")) {
			throw KejiaoException.conflict("challenge.state", row.state());
		}
		if (clock.instant().isBefore(row.deadline())) {
			throw KejiaoException.conflict("challenge.deadline-not-reached", local(row.deadline()));
		}
		if (usernames == null || usernames.isEmpty()) {
			throw KejiaoException.invalid("challenge.panel-required");
		}
		List<UserView> experts = new ArrayList<>();
		for (String username : usernames) {
			UserView user = accounts.find(username.strip())
				.filter(u -> u.roles().contains(Role.EXPERT))
				.orElseThrow(() -> KejiaoException.invalid("challenge.not-an-expert", username));
			experts.add(user);
		}
		jdbc.sql("delete from challenge.panellist where challenge_id = :id").param("id", id).update();
		for (UserView expert : experts) {
			jdbc.sql("""
					insert into challenge.panellist (challenge_id, user_id, username, display_name, organisation_id)
					values (:id, :user, :username, :name, :org) on conflict do nothing""")
				.param("id", id).param("user", expert.id()).param("username", expert.username())
				.param("name", expert.displayName()).param("org", expert.organisationId(), java.sql.Types.OTHER).update();
		}
		jdbc.sql("update challenge.challenge set state = 'REVIEW' where id = :id").param("id", id).update();
		audit.record("challenge.panel-formed", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("panel", experts.stream().map(UserView::username).toList()));
		return view(row(id), actor);
	}

	/** The applications a panellist scores: all but those of its own organisation, each with its own scores only. */
	@Transactional(readOnly = true)
	public List<QueueItem> reviewQueue(UUID id) {
		Actor actor = Actors.require();
		requirePanellist(id, actor);
		return jdbc.sql("""
				select a.id, a.applicant_name, a.team, a.proposal, a.attachment_name, r.scores, r.total, r.comment
				from challenge.application a
				left join challenge.review r on r.application_id = a.id and r.user_id = :user
				where a.challenge_id = :id and a.applicant_org_id is distinct from :org
				order by a.submitted_at""")
			.param("id", id).param("user", actor.userId()).param("org", actor.organisationId(), java.sql.Types.OTHER)
			.query((rs, n) -> new QueueItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6) == null ? null : scores(rs.getString(6)), rs.getBigDecimal(7), rs.getString(8)))
			.list();
	}

	/** A panellist scores an application, criterion by criterion (0–100); scoring again replaces its scores. */
	@Transactional
	public QueueItem review(UUID id, UUID applicationId, @Nullable Map<String, Integer> scores, @Nullable String comment) {
		Actor actor = Actors.require();
		Row row = requirePanellist(id, actor);
		if (!row.state().equals("REVIEW")) {
			throw KejiaoException.conflict("challenge.state", row.state());
		}
		UUID applicantOrg = jdbc.sql("select applicant_org_id from challenge.application where id = :a and challenge_id = :c")
			.param("a", applicationId).param("c", id).query(UUID.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", applicationId));
		if (applicantOrg.equals(actor.organisationId())) {
			throw KejiaoException.forbidden("challenge.conflict-of-interest");
		}
		if (scores == null || !scores.keySet().equals(RUBRIC.keySet())) {
			throw KejiaoException.invalid("challenge.scores-incomplete", String.join(", ", RUBRIC.keySet()));
		}
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<String, Integer> criterion : RUBRIC.entrySet()) {
			Integer score = scores.get(criterion.getKey());
			if (score == null || score < 0 || score > 100) {
				throw KejiaoException.invalid("challenge.score-range", criterion.getKey());
			}
			total = total.add(BigDecimal.valueOf((long) score * criterion.getValue()));
		}
		total = total.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
		jdbc.sql("""
				insert into challenge.review (application_id, challenge_id, user_id, scores, total, comment, at)
				values (:a, :c, :u, cast(:scores as jsonb), :total, :comment, :at)
				on conflict (application_id, user_id) do update
				set scores = excluded.scores, total = excluded.total, comment = excluded.comment, at = excluded.at""")
			.param("a", applicationId).param("c", id).param("u", actor.userId()).param("scores", JSON.writeValueAsString(scores))
			.param("total", total).param("comment", comment == null ? "" : comment.strip())
			.param("at", Timestamp.from(clock.instant())).update();
		audit.record("challenge.reviewed", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("application", applicationId.toString(), "panellist", actor.username()));
		return reviewQueue(id).stream().filter(q -> q.applicationId().equals(applicationId)).findFirst().orElseThrow();
	}

	/** The applications ranked by their mean total, for the publisher; no panellist's own scores are shown. */
	@Transactional(readOnly = true)
	public List<RankedApplication> ranking(UUID id) {
		Actor actor = Actors.require();
		Row row = find(id).orElseThrow(() -> KejiaoException.notFound("challenge.not-found", id));
		if (!mayPublish(row, actor)) {
			throw KejiaoException.forbidden("challenge.publisher-only");
		}
		return jdbc.sql("""
				select a.id, a.applicant_name, a.applicant_region, count(r.user_id), round(avg(r.total), 2),
				       (select count(*) from challenge.panellist p where p.challenge_id = a.challenge_id
				          and p.organisation_id = a.applicant_org_id),
				       a.awarded_amount
				from challenge.application a left join challenge.review r on r.application_id = a.id
				where a.challenge_id = :id
				group by a.id order by avg(r.total) desc nulls last, a.submitted_at""")
			.param("id", id)
			.query((rs, n) -> new RankedApplication(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getBigDecimal(5), rs.getInt(6),
					rs.getObject(7, Long.class) == null ? null : Money.yuan(rs.getLong(7))))
			.list();
	}

	// ---- the award

	/** Awards one or more applications (amounts within the bounty); published for the notice period, then final. */
	@Transactional
	public ChallengeView award(UUID id, List<Award> awards, @Nullable String decision) {
		Actor actor = Actors.require();
		Row row = lockPublished(id, actor);
		requireState(row, "REVIEW");
		if (awards == null || awards.isEmpty()) {
			throw KejiaoException.invalid("challenge.award-required");
		}
		long sum = 0;
		Set<UUID> seen = new java.util.HashSet<>();
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
				update challenge.challenge set state = 'NOTICE', decided_at = :now, notice_ends_at = :ends, decision = :decision
				where id = :id""")
			.param("now", Timestamp.from(now)).param("ends", Timestamp.from(noticeEnds)).param("decision", text)
			.param("id", id).update();
		announce(id, "揭榜结果已公示，公示期至 " + local(noticeEnds) + "。");
		audit.record("challenge.awarded", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("awards", amounts.entrySet().stream().map(e -> e.getKey() + "=" + Money.yuan(e.getValue())).toList(),
						"noticeEndsAt", noticeEnds.toString()));
		return view(row(id), actor);
	}

	// ---- milestones

	@Transactional
	public MilestoneView addMilestone(UUID id, UUID applicationId, @Nullable String title, @Nullable LocalDate dueOn,
			@Nullable Object payment) {
		Actor actor = Actors.require();
		Row row = lockPublished(id, actor);
		if (!state(row).equals("AWARDED")) {
			throw KejiaoException.conflict("challenge.not-final");
		}
		Long awarded = jdbc.sql("select awarded_amount from challenge.application where id = :a and challenge_id = :c")
			.param("a", applicationId).param("c", id).query(Long.class).optional().orElse(null);
		if (awarded == null) {
			throw KejiaoException.notFound("challenge.application-not-found", applicationId);
		}
		if (dueOn == null) {
			throw KejiaoException.invalid("request.missing-parameter", "dueOn");
		}
		long fen = payment == null ? 0 : Money.fen(payment, "payment");
		long planned = jdbc.sql("select coalesce(sum(payment), 0) from challenge.milestone where application_id = :a")
			.param("a", applicationId).query(Long.class).single();
		if (planned + fen > awarded) {
			throw KejiaoException.invalid("challenge.payments-above-award", Money.yuan(awarded));
		}
		UUID milestone = UUID.randomUUID();
		jdbc.sql("""
				insert into challenge.milestone (id, challenge_id, application_id, title, due_on, payment, state)
				values (:id, :c, :a, :title, :due, :payment, 'PLANNED')""")
			.param("id", milestone).param("c", id).param("a", applicationId).param("title", text(title, 2, 200, "challenge.title-length"))
			.param("due", dueOn).param("payment", fen).update();
		audit.record("challenge.milestone-added", "challenge", id.toString(), row.title(), row.regionCode(), null,
				Map.of("milestone", milestone.toString()));
		return milestone(milestone);
	}

	/** The awarded team hands in a milestone's deliverable. */
	@Transactional
	public MilestoneView deliver(UUID milestoneId, @Nullable String deliverable) {
		Actor actor = Actors.require();
		MilestoneView milestone = milestone(milestoneId);
		UUID team = jdbc.sql("select applicant_org_id from challenge.application where id = :a")
			.param("a", milestone.applicationId()).query(UUID.class).single();
		if (!team.equals(actor.organisationId())) {
			throw KejiaoException.forbidden("challenge.team-only");
		}
		if (!milestone.state().equals("PLANNED")) {
			throw KejiaoException.conflict("challenge.milestone-state", milestone.state());
		}
		jdbc.sql("update challenge.milestone set state = 'DELIVERED', deliverable = :d, delivered_at = :at where id = :id")
			.param("d", text(deliverable, 2, 5000, "challenge.deliverable-required")).param("at", Timestamp.from(clock.instant()))
			.param("id", milestoneId).update();
		audit.record("challenge.milestone-delivered", "challenge", milestone.challengeId().toString(), milestone.title(), null,
				null, null);
		return milestone(milestoneId);
	}

	/** The publisher accepts a delivered milestone, and records its payment with a reference (or later). */
	@Transactional
	public MilestoneView accept(UUID milestoneId, @Nullable String paymentReference) {
		Actor actor = Actors.require();
		MilestoneView milestone = milestone(milestoneId);
		lockPublished(milestone.challengeId(), actor);
		if (!milestone.state().equals("DELIVERED")) {
			throw KejiaoException.conflict("challenge.milestone-state", milestone.state());
		}
		String reference = paymentReference == null ? "" : paymentReference.strip();
		Instant now = clock.instant();
		jdbc.sql("""
				update challenge.milestone set state = 'ACCEPTED', accepted_at = :at, payment_reference = :ref, paid_at = :paid
				where id = :id""")
			.param("at", Timestamp.from(now)).param("ref", reference)
			.param("paid", reference.isEmpty() ? null : Timestamp.from(now), java.sql.Types.TIMESTAMP)
			.param("id", milestoneId).update();
		audit.record("challenge.milestone-accepted", "challenge", milestone.challengeId().toString(), milestone.title(), null,
				null, Map.of("paymentReference", reference));
		return milestone(milestoneId);
	}

	// ---- reading

	/** A published challenge (anyone), or a draft for its publisher. */
	@Transactional(readOnly = true)
	public ChallengeView get(UUID id, @Nullable Actor reader) {
		Row row = find(id).filter(r -> !r.state().equals("DRAFT") || reader != null && mayPublish(r, reader))
			.orElseThrow(() -> KejiaoException.notFound("challenge.not-found", id));
		return view(row, reader);
	}

	@Transactional(readOnly = true)
	public List<ChallengeView> list(@Nullable Actor reader) {
		return jdbc.sql(SELECT + " order by created_at desc limit 500").query(Challenges::row).list().stream()
			.filter(r -> !r.state().equals("DRAFT") || reader != null && mayPublish(r, reader)).map(r -> view(r, reader))
			.toList();
	}

	/** The public result: the awarded teams and amounts, once the award is published. */
	@Transactional(readOnly = true)
	public List<RankedApplication> results(UUID id) {
		Row row = find(id).filter(r -> r.state().equals("NOTICE"))
			.orElseThrow(() -> KejiaoException.notFound("challenge.no-result", id));
		return jdbc.sql("""
				select a.id, a.applicant_name, a.applicant_region, 0, null, 0, a.awarded_amount
				from challenge.application a where a.challenge_id = :id and a.awarded_amount is not null
				order by a.awarded_amount desc""")
			.param("id", row.id())
			.query((rs, n) -> new RankedApplication(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), 0, null, 0,
					Money.yuan(rs.getLong(7))))
			.list();
	}

	/** The caller's organisation's application, with the challenge's announcements. */
	@Transactional(readOnly = true)
	public ApplicationView application(UUID applicationId, Actor reader) {
		ApplicationView view = jdbc.sql("""
				select a.id, a.challenge_id, a.applicant_org_id, a.applicant_name, a.team, a.proposal, a.attachment_name,
				       a.submitted_at, a.awarded_amount
				from challenge.application a where a.id = :id""")
			.param("id", applicationId)
			.query((rs, n) -> new ApplicationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getTimestamp(8).toInstant(), rs.getObject(9, Long.class) == null ? null : Money.yuan(rs.getLong(9)),
					announcements(rs.getObject(2, UUID.class))))
			.optional().orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", applicationId));
		Row row = row(view.challengeId());
		if (!view.applicantOrgId().equals(reader.organisationId()) && !mayPublish(row, reader)) {
			throw KejiaoException.notFound("challenge.application-not-found", applicationId);
		}
		return view;
	}

	/** The largest attachment an application may carry, on the pages and over the API alike. */
	public static final int MAX_ATTACHMENT = 20 * 1024 * 1024;

	/** An application's attachment, as it was handed in. */
	public record Attachment(String name, byte[] content) {
	}

	/**
	 * An application's attachment: for the applicant's organisation, the publisher (and the platform admins)
	 * and the panel's experts — a panellist of the applicant's organisation is one of the applicants.
	 */
	@Transactional(readOnly = true)
	public Attachment attachment(UUID applicationId, Actor reader) {
		record Found(UUID challengeId, UUID applicant, @Nullable String name, byte @Nullable [] content) {
		}
		Found found = jdbc.sql("select challenge_id, applicant_org_id, attachment_name, attachment from challenge.application where id = :id")
			.param("id", applicationId)
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBytes(4)))
			.optional().orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", applicationId));
		boolean allowed = found.applicant().equals(reader.organisationId()) || mayPublish(row(found.challengeId()), reader)
				|| onPanel(found.challengeId(), reader);
		if (!allowed || found.content() == null) {
			throw KejiaoException.notFound("challenge.attachment-not-found", applicationId);
		}
		return new Attachment(found.name() == null ? "attachment" : found.name(), found.content());
	}

	/** Applications of the caller's organisation, with their announcements. */
	@Transactional(readOnly = true)
	public List<ApplicationView> myApplications(Actor reader) {
		if (reader.organisationId() == null) {
			return List.of();
		}
		return jdbc.sql("select id from challenge.application where applicant_org_id = :org order by submitted_at desc")
			.param("org", reader.organisationId()).query(UUID.class).list().stream().map(id -> application(id, reader))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<MilestoneView> milestones(UUID challengeId, Actor reader) {
		Row row = find(challengeId).orElseThrow(() -> KejiaoException.notFound("challenge.not-found", challengeId));
		boolean team = reader.organisationId() != null && jdbc.sql("""
				select count(*) from challenge.application where challenge_id = :c and applicant_org_id = :o
				  and awarded_amount is not null""")
			.param("c", challengeId).param("o", reader.organisationId()).query(Long.class).single() > 0;
		if (!team && !mayPublish(row, reader)) {
			throw KejiaoException.forbidden("challenge.publisher-only");
		}
		return jdbc.sql(SELECT_MILESTONE + " where challenge_id = :c order by due_on").param("c", challengeId)
			.query(Challenges::milestoneRow).list();
	}

	// ---- helpers

	private List<String> announcements(UUID challengeId) {
		return jdbc.sql("select text from challenge.announcement where challenge_id = :c order by id").param("c", challengeId)
			.query(String.class).list();
	}

	private void announce(UUID challengeId, String text) {
		jdbc.sql("insert into challenge.announcement (challenge_id, text, at) values (:c, :t, :at)")
			.param("c", challengeId).param("t", text).param("at", Timestamp.from(clock.instant())).update();
	}

	private Row requirePanellist(UUID id, Actor actor) {
		Row row = find(id).orElseThrow(() -> KejiaoException.notFound("challenge.not-found", id));
		if (!onPanel(id, actor)) {
			throw KejiaoException.forbidden("challenge.panellists-only");
		}
		return row;
	}

	private boolean onPanel(UUID challengeId, Actor actor) {
		return jdbc.sql("select count(*) from challenge.panellist where challenge_id = :c and user_id = :u")
			.param("c", challengeId).param("u", actor.userId()).query(Long.class).single() > 0;
	}

	static boolean mayPublish(Row row, Actor actor) {
		return actor.isPlatformAdmin() || row.publisherOrgId() != null && row.publisherOrgId().equals(actor.organisationId())
				|| actor.isRegionAdmin() && actor.governs(row.regionCode());
	}

	private Row lockPublished(UUID id, Actor actor) {
		Row row = jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(Challenges::row).optional()
			.orElseThrow(() -> KejiaoException.notFound("challenge.not-found", id));
		if (!mayPublish(row, actor)) {
			if (row.state().equals("DRAFT")) {
				throw KejiaoException.notFound("challenge.not-found", id);
			}
			throw KejiaoException.forbidden("challenge.publisher-only");
		}
		return row;
	}

	private static void requireState(Row row, String state) {
		if (!row.state().equals(state)) {
			throw KejiaoException.conflict("challenge.state", row.state());
		}
	}

	/** The state a reader sees: a published award is final (AWARDED) once its notice period has passed. */
	private String state(Row row) {
		if (row.state().equals("NOTICE") && row.noticeEndsAt() != null && !clock.instant().isBefore(row.noticeEndsAt())) {
			return "AWARDED";
		}
		return row.state();
	}

	private Instant deadline(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw KejiaoException.invalid("request.missing-parameter", "deadline");
		}
		try {
			if (text.strip().length() == 10) {
				// a date: the end of that day in China
				return LocalDate.parse(text.strip()).plusDays(1).atStartOfDay(CHINA).toInstant().minusSeconds(1);
			}
			if (text.matches(".*([+-]\\d\\d:\\d\\d|Z)$")) {
				return java.time.OffsetDateTime.parse(text.strip()).toInstant();
			}
			// a date and time without an offset (a form's datetime-local): China time
			return java.time.LocalDateTime.parse(text.strip()).atZone(CHINA).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", "deadline");
		}
	}

	private static String local(Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(CHINA));
	}

	private static String text(@Nullable String text, int min, int max, String code) {
		String value = text == null ? "" : text.strip();
		if (value.length() < min || value.length() > max) {
			throw KejiaoException.invalid(code);
		}
		return value;
	}

	private static Map<String, Integer> scores(String json) {
		Map<String, Integer> scores = new LinkedHashMap<>();
		JSON.readTree(json).properties().forEach(e -> scores.put(e.getKey(), e.getValue().asInt()));
		return scores;
	}

	private MilestoneView milestone(UUID id) {
		return jdbc.sql(SELECT_MILESTONE + " where id = :id").param("id", id).query(Challenges::milestoneRow).optional()
			.orElseThrow(() -> KejiaoException.notFound("challenge.milestone-not-found", id));
	}

	private static final String SELECT_MILESTONE = """
			select id, challenge_id, application_id, title, due_on, payment, state, deliverable, delivered_at, accepted_at,
			       paid_at, payment_reference from challenge.milestone""";

	private static MilestoneView milestoneRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new MilestoneView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getObject(5, LocalDate.class), Money.yuan(rs.getLong(6)), rs.getString(7), rs.getString(8),
				instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getString(12));
	}

	private static @Nullable Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private ChallengeView view(Row row, @Nullable Actor reader) {
		List<Target> targets = new ArrayList<>();
		JSON.readTree(row.targetsJson()).forEach(t -> targets.add(new Target(t.path("indicator").asString(""),
				t.path("target").asString(""))));
		boolean manageable = reader != null && mayPublish(row, reader);
		return new ChallengeView(row.id(), row.number(), row.title(), row.problem(), targets, Money.yuan(row.bounty()),
				row.eligibleRegions(), row.eligibleZones(), row.eligibleOrgTypes().stream().map(OrganisationType::valueOf).toList(),
				row.deadline(), row.noticeDays(), state(row), row.publisherName(), row.regionCode(), row.createdAt(),
				row.noticeEndsAt(), row.decision(), row.applications(), manageable ? row.panel() : List.of(), row.announcements(),
				manageable);
	}

	private java.util.Optional<Row> find(UUID id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Challenges::row).optional();
	}

	private Row row(UUID id) {
		return find(id).orElseThrow();
	}

	record Row(UUID id, String number, String title, String problem, String targetsJson, long bounty,
			List<String> eligibleRegions, List<String> eligibleZones, List<String> eligibleOrgTypes, Instant deadline,
			int noticeDays, String state, @Nullable UUID publisherOrgId, String publisherName, String regionCode,
			Instant createdAt, @Nullable Instant noticeEndsAt, String decision, long applications, List<String> panel,
			List<String> announcements) {
	}

	private static final String SELECT = """
			select id, number, title, problem, targets, bounty, eligible_regions, eligible_zones, eligible_org_types,
			       deadline, notice_days, state, publisher_org_id, publisher_name, region_code, created_at, notice_ends_at,
			       decision,
			       (select count(*) from challenge.application a where a.challenge_id = c.id),
			       array(select p.display_name from challenge.panellist p where p.challenge_id = c.id order by p.username),
			       array(select n.text from challenge.announcement n where n.challenge_id = c.id order by n.id)
			from challenge.challenge c""";

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getLong(6), List.of((String[]) rs.getArray(7).getArray()), List.of((String[]) rs.getArray(8).getArray()),
				List.of((String[]) rs.getArray(9).getArray()), rs.getTimestamp(10).toInstant(), rs.getInt(11), rs.getString(12),
				rs.getObject(13, UUID.class), rs.getString(14), rs.getString(15), rs.getTimestamp(16).toInstant(),
				instant(rs, 17), rs.getString(18), rs.getLong(19), List.of((String[]) rs.getArray(20).getArray()),
				List.of((String[]) rs.getArray(21).getArray()));
	}
}
