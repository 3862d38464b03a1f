package cn.kejiao.cooperation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.cooperation.LandingMode;
import cn.kejiao.cooperation.OutcomeKind;
import cn.kejiao.cooperation.ProjectMilestones;
import cn.kejiao.cooperation.ProjectOutcomes;
import cn.kejiao.cooperation.ProjectPortfolio;
import cn.kejiao.cooperation.ProjectQuery;
import cn.kejiao.cooperation.ProjectStage;
import cn.kejiao.cooperation.ProjectView;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Funded S&T projects: the portfolio, a project, its milestones and acceptance, outcomes and landing. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Funded projects")
class ProjectApiController {


	private final Projects projects;
	private final ProjectMilestones milestones;
	private final ProjectOutcomes outcomes;

	ProjectApiController(Projects projects, ProjectMilestones milestones, ProjectOutcomes outcomes) {
		this.projects = projects;
		this.milestones = milestones;
		this.outcomes = outcomes;
	}

	record ProjectRequest(@Nullable String number, @Nullable String title, @Nullable List<Projects.Funding> funders,
			@Nullable UUID leadOrgId, @Nullable List<UUID> partnerOrgIds, @Nullable String industryChain,
			@Nullable String summary, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable UUID agreementId, @Nullable UUID challengeId) {
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "project.admin-only")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a funded project (立项)", description = "By an admin governing the first funder's region (403 project.region-forbidden). funders: [{regionCode, amount}] (amount: yuan string), the first is the managing region; jointly funded projects name several. agreementId: optional, any id for now. challengeId: optional, the challenge whose award it arises from. number: blank for the next KJXM number. 201 with the project in stage APPROVED.")
	ProjectView create(@RequestBody ProjectRequest request) {
		return projects.create(new Projects.NewProject(request.number(), request.title(),
				request.funders() == null ? List.of() : request.funders(), request.leadOrgId(),
				request.partnerOrgIds() == null ? List.of() : request.partnerOrgIds(), request.industryChain(),
				request.summary(), request.startsOn(), request.endsOn(), request.agreementId(), request.challengeId()));
	}

	@GetMapping
	@Operation(summary = "The portfolio: figures and projects", description = "For a region admin, the projects managed or funded in its region and below (region: one within it); for others, those its organisation leads or partners. Filters: stage, chain (industry chain, exact), q (title or number), overdue=true (only those with overdue milestones). Figures: projects, byStage, funding (yuan), chains, overdueMilestones, landings.")
	ProjectPortfolio list(@RequestParam(required = false) String region, @RequestParam(required = false) ProjectStage stage,
			@RequestParam(required = false) String chain, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean overdue) {
		return projects.portfolio(new ProjectQuery(region, stage, chain, q, overdue));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A project whole", description = "For the admins managing or funding it, the lead's and partners' members; 404 for anyone else.")
	ProjectView get(@PathVariable UUID id) {
		return projects.get(id);
	}

	record StageRequest(@Nullable ProjectStage stage, @Nullable String remarks) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT, Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/{id}/stage")
	@Operation(summary = "Move the project's stage", description = "APPROVED → IN_PROGRESS (also the lead) or TERMINATED; IN_PROGRESS → ACCEPTED (验收通过), FAILED or TERMINATED, by a managing admin; remarks required for FAILED and TERMINATED. 409 project.stage-not-allowed.")
	ProjectView stage(@PathVariable UUID id, @RequestBody StageRequest request) {
		return projects.changeStage(id, request.stage(), request.remarks());
	}

	@GetMapping("/{id}/milestones")
	@Operation(summary = "The project's milestones", description = "Each with deliverables, due date, state (PLANNED, DELIVERED, ACCEPTED, REJECTED), acceptance and overdue.")
	List<ProjectView.MilestoneView> milestones(@PathVariable UUID id) {
		return projects.get(id).milestones();
	}

	@ForRoles({ Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT, Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/{id}/milestones")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a milestone", description = "By the lead organisation's members or a managing admin: title, deliverables, dueOn.")
	ProjectView.MilestoneView addMilestone(@PathVariable UUID id, @RequestBody ProjectMilestones.NewMilestone request) {
		return milestones.add(id, request);
	}

	record DeliveryRequest(@Nullable String note) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "project.lead-only")
	@PostMapping("/{id}/milestones/{milestoneId}/deliver")
	@Operation(summary = "Hand in a milestone's deliverables", description = "By the lead organisation's members, with a note. 409 project.milestone-not-awaiting-delivery.")
	ProjectView.MilestoneView deliver(@PathVariable UUID id, @PathVariable UUID milestoneId,
			@RequestBody DeliveryRequest request) {
		return milestones.deliver(id, milestoneId, request.note());
	}

	record DecisionRequest(@Nullable String remarks) {
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "project.manager-only")
	@PostMapping("/{id}/milestones/{milestoneId}/accept")
	@Operation(summary = "Accept a delivered milestone (验收通过)", description = "By an admin managing or funding the project. 409 project.milestone-not-delivered.")
	ProjectView.MilestoneView accept(@PathVariable UUID id, @PathVariable UUID milestoneId,
			@RequestBody DecisionRequest request) {
		return milestones.decide(id, milestoneId, true, request.remarks());
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "project.manager-only")
	@PostMapping("/{id}/milestones/{milestoneId}/reject")
	@Operation(summary = "Reject a delivered milestone", description = "With remarks (project.remarks-required); the lead delivers again.")
	ProjectView.MilestoneView reject(@PathVariable UUID id, @PathVariable UUID milestoneId,
			@RequestBody DecisionRequest request) {
		return milestones.decide(id, milestoneId, false, request.remarks());
	}

	@GetMapping("/{id}/outcomes")
	@Operation(summary = "The project's outcomes")
	List<ProjectView.OutcomeView> outcomes(@PathVariable UUID id) {
		return outcomes.of(id);
	}

	record OutcomeRequest(@Nullable OutcomeKind kind, @Nullable String title, @Nullable UUID catalogEntryId,
			@Nullable UUID contractId, @Nullable Money amount, @Nullable Integer quantity) {
	}

	@ForRoles({ Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT, Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/{id}/outcomes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an outcome", description = "kind: PATENT, ACHIEVEMENT (catalogEntryId), CONTRACT (contractId), PRODUCT, REVENUE (amount, yuan string), JOBS (quantity). By the lead's members or a managing admin.")
	ProjectView.OutcomeView addOutcome(@PathVariable UUID id, @RequestBody OutcomeRequest request) {
		return outcomes.add(id, new ProjectOutcomes.NewOutcome(request.kind(), request.title(), request.catalogEntryId(),
				request.contractId(), request.amount(), request.quantity()));
	}

	@GetMapping("/{id}/landings")
	@Operation(summary = "Where and how the project's achievement landed (落地)")
	List<ProjectView.LandingView> landings(@PathVariable UUID id) {
		return projects.get(id).landings();
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "project.manager-only")
	@PostMapping("/{id}/landings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a landing (落地)", description = "By an admin managing the project: enterpriseId (a verified organisation), mode (LICENCE, NEW_COMPANY, INCUBATED with incubator), landedOn, note.")
	ProjectView.LandingView land(@PathVariable UUID id, @RequestBody ProjectOutcomes.NewLanding request) {
		return outcomes.land(id, request);
	}

	@GetMapping("/chains")
	@Operation(summary = "Industry chains named so far in the caller's region, for suggestions")
	List<String> chains() {
		return projects.chainSuggestions();
	}

}
