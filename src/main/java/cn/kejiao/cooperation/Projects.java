package cn.kejiao.cooperation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;

/**
 * Funded S&T projects (科技计划项目): created by an admin of the funding region (jointly funded: the first funder is
 * the managing region), led by an organisation with partners across regions, serving an industry chain; the
 * portfolio of a region and below with its figures; the stage moved by the managing admins. Who may read and manage
 * a project is {@link ProjectView}'s rule; for anyone else a project does not exist (404).
 */
@Service
public class Projects {

	/** What a funding region's admin writes to create a project. */
	public record NewProject(@Nullable String number, @Nullable String title, List<Funding> funders,
			@Nullable UUID leadOrgId, List<UUID> partnerOrgIds, @Nullable String industryChain, @Nullable String summary,
			@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable UUID agreementId,
			@Nullable UUID challengeId) {

		public NewProject {
			// a null in a list sent to the API is left out, as if not sent
			funders = funders == null ? List.of() : funders.stream().filter(java.util.Objects::nonNull).toList();
			partnerOrgIds = partnerOrgIds == null ? List.of()
					: partnerOrgIds.stream().filter(java.util.Objects::nonNull).toList();
		}
	}

	/** One funder: a region and its amount. */
	public record Funding(@Nullable String regionCode, @Nullable Money amount) {
	}

	private final ProjectRows rows;
	private final Agreements agreements;
	private final Organisations organisations;
	private final Regions regions;
	private final Challenges challenges;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Projects(ProjectRows rows, Agreements agreements, Organisations organisations, Regions regions,
			Challenges challenges, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.rows = rows;
		this.agreements = agreements;
		this.organisations = organisations;
		this.regions = regions;
		this.challenges = challenges;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a project in stage APPROVED (立项). The actor must govern the first funder's region
	 * ({@code project.region-forbidden}, 403); every funder a known region with an amount, the lead a verified
	 * organisation, the period in order. A blank number is given the next one (KJXM, year, five digits).
	 */
	@Transactional
	public ProjectView create(NewProject form) {
		Actor actor = admin();
		String title = ProjectInput.text(form.title(), 1, 200, "project.title-required");
		if (form.funders().isEmpty()) {
			throw KejiaoException.invalid("project.funder-required");
		}
		Map<String, ProjectView.Funder> funders = new LinkedHashMap<>();
		for (Funding funding : form.funders()) {
			String code = funding.regionCode() == null ? "" : funding.regionCode().strip();
			if (!regions.exists(code)) {
				throw KejiaoException.invalid("project.funder-region-unknown", code);
			}
			if (funding.amount() == null) {
				throw KejiaoException.invalid("project.funder-amount-required", regions.fullName(code));
			}
			if (funders.put(code, new ProjectView.Funder(code, funding.amount())) != null) {
				throw KejiaoException.invalid("project.funder-twice", regions.fullName(code));
			}
		}
		String region = funders.keySet().iterator().next();
		if (!actor.governs(region)) {
			throw KejiaoException.forbidden("project.region-forbidden", regions.fullName(region));
		}
		if (form.leadOrgId() == null) {
			throw KejiaoException.invalid("project.lead-required");
		}
		ProjectView.Party lead = party(form.leadOrgId());
		List<ProjectView.Party> partners = new ArrayList<>();
		for (UUID partner : form.partnerOrgIds()) {
			if (!partner.equals(lead.organisationId())) {
				partners.add(party(partner));
			}
		}
		if (form.startsOn() == null || form.endsOn() == null) {
			throw KejiaoException.invalid("project.period-required");
		}
		if (form.endsOn().isBefore(form.startsOn())) {
			throw KejiaoException.invalid("project.period-order");
		}
		if (form.challengeId() != null) {
			challenges.get(form.challengeId(), actor);
		}
		if (form.agreementId() != null) {
			agreements.get(form.agreementId()); // one the actor reads, or 404 agreement.not-found
		}
		String number = form.number() == null || form.number().isBlank()
				? rows.nextNumber(LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear())
				: ProjectInput.text(form.number(), 1, 40, "project.number-required");
		if (rows.numberTaken(number)) {
			throw KejiaoException.conflict("project.number-taken", number);
		}
		UUID id = rows.insert(new ProjectRows.NewProject(number, title, region, form.agreementId(), form.challengeId(),
				lead, partners, List.copyOf(funders.values()), ProjectInput.text(form.industryChain(), 0, 60,
						"project.chain-too-long"),
				ProjectInput.text(form.summary(), 0, 4000, "project.summary-too-long"), form.startsOn(), form.endsOn(),
				actor.username()), clock.instant());
		ProjectView created = load(id);
		events.publishEvent(new ProjectStageChanged(id, ProjectStage.APPROVED, clock.instant()));
		audit.record("project.created", "project", id.toString(), number + " " + title, region, null,
				Map.of("lead", lead.name(), "funding", created.funding().yuan(), "chain", created.industryChain()));
		return created;
	}

	private ProjectView.Party party(UUID organisationId) {
		OrganisationView organisation = organisations.find(organisationId).filter(OrganisationView::isVerified)
			.orElseThrow(() -> KejiaoException.invalid("project.organisation-unknown", organisationId));
		return new ProjectView.Party(organisation.id(), organisation.name(), organisation.regionCode());
	}

	/** The project, for those who may read it ({@link ProjectView#isReadableBy}); 404 for anyone else. */
	@Transactional(readOnly = true)
	public ProjectView get(UUID id) {
		Actor actor = Actors.require();
		return readable(id, actor);
	}

	/**
	 * The projects carried out under an agreement the actor reads (404 {@code agreement.not-found} otherwise):
	 * jointly funded by its parties, newest first.
	 */
	@Transactional(readOnly = true)
	public List<ProjectSummary> ofAgreement(UUID agreementId) {
		agreements.get(agreementId);
		return rows.ofAgreement(agreementId, today());
	}

	/**
	 * The project locked for a change its managing admins or its lead's members may make: 404 for those who may not
	 * read it, {@code project.lead-or-manager-only} (403) for other readers.
	 */
	ProjectView lockedForLeadOrManager(UUID id, Actor actor) {
		rows.lock(id);
		ProjectView project = readable(id, actor);
		if (!project.isManagedBy(actor) && !project.isLedBy(actor)) {
			throw KejiaoException.forbidden("project.lead-or-manager-only");
		}
		return project;
	}

	ProjectView readable(UUID id, Actor actor) {
		return rows.find(id, today()).filter(p -> p.isReadableBy(actor))
			.orElseThrow(() -> KejiaoException.notFound("project.not-found", id));
	}

	ProjectView load(UUID id) {
		return rows.find(id, today()).orElseThrow(() -> KejiaoException.notFound("project.not-found", id));
	}

	/**
	 * The portfolio the actor sees with its figures: for a region admin, the projects managed or funded in its
	 * region and below (the query's region must lie within it: {@code auth.region-forbidden}); for the platform
	 * admin all; for anyone else those its organisation leads or partners.
	 */
	@Transactional(readOnly = true)
	public ProjectPortfolio portfolio(ProjectQuery query) {
		Actor actor = Actors.require();
		ProjectRows.Scope scope = scope(actor, query);
		Map<ProjectStage, Long> byStage = rows.byStage(scope);
		long total = byStage.values().stream().mapToLong(Long::longValue).sum();
		return new ProjectPortfolio(scope.regionPattern() == null ? "" : regionOf(actor, query), total, byStage,
				new Money(rows.funding(scope)), rows.chains(scope), rows.overdue(scope), rows.landings(scope),
				rows.summaries(scope, 500));
	}

	private ProjectRows.Scope scope(Actor actor, ProjectQuery query) {
		if (actor.isRegionAdmin() || actor.isPlatformAdmin()) {
			String region = regionOf(actor, query);
			if (!actor.governs(region)) {
				throw KejiaoException.forbidden("auth.region-forbidden", region);
			}
			return new ProjectRows.Scope(actor.isPlatformAdmin() && (query.region() == null || query.region().isBlank())
					? null : RegionCodes.likePattern(region), null, query, today());
		}
		if (actor.organisationId() == null) {
			throw KejiaoException.forbidden("project.members-only");
		}
		return new ProjectRows.Scope(null, actor.organisationId(), query, today());
	}

	private static String regionOf(Actor actor, ProjectQuery query) {
		return query.region() == null || query.region().isBlank() ? actor.regionCode() : query.region().strip();
	}

	/** The industry chains named in the actor's region so far, for the form's suggestions. */
	@Transactional(readOnly = true)
	public List<String> chainSuggestions() {
		Actor actor = Actors.require();
		List<String> named = new ArrayList<>(rows.chainsNamed(actor.isPlatformAdmin() ? null
				: RegionCodes.likePattern(actor.regionCode())));
		for (String usual : List.of("绿色铝", "三七", "乡村振兴", "高原特色农业", "新能源电池材料", "生物医药")) {
			if (!named.contains(usual)) {
				named.add(usual);
			}
		}
		return named;
	}

	/**
	 * A managing admin moves the project's stage (started, accepted 验收通过, failed, terminated) with remarks;
	 * {@code project.stage-not-allowed} (409) for a move its stage does not allow, {@code project.manager-only} (403)
	 * for a reader who does not manage it.
	 */
	@Transactional
	public ProjectView changeStage(UUID id, @Nullable ProjectStage target, @Nullable String remarks) {
		Actor actor = Actors.require();
		rows.lock(id);
		ProjectView project = readable(id, actor);
		if (!project.isManagedBy(actor) && !(project.isLedBy(actor) && target == ProjectStage.IN_PROGRESS)) {
			throw KejiaoException.forbidden("project.manager-only");
		}
		if (target == null) {
			throw KejiaoException.invalid("project.stage-required");
		}
		project.stage().moveTo(target);
		String text = ProjectInput.text(remarks, 0, 2000, "project.remarks-too-long");
		if ((target == ProjectStage.FAILED || target == ProjectStage.TERMINATED) && text.isEmpty()) {
			throw KejiaoException.invalid("project.remarks-required");
		}
		Instant now = clock.instant();
		rows.stage(id, target, text, now);
		events.publishEvent(new ProjectStageChanged(id, target, now));
		audit.record("project.stage-changed", "project", id.toString(), project.number() + " " + project.title(),
				project.regionCode(), Map.of("stage", project.stage().name()), Map.of("stage", target.name(), "remarks", text));
		return load(id);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	static Actor admin() {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("project.admin-only");
		}
		return actor;
	}
}
