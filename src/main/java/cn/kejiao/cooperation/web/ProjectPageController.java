package cn.kejiao.cooperation.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.cooperation.LandingMode;
import cn.kejiao.cooperation.OutcomeKind;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.ProjectAwards;
import cn.kejiao.cooperation.ProjectMilestones;
import cn.kejiao.cooperation.ProjectOutcomes;
import cn.kejiao.cooperation.ProjectQuery;
import cn.kejiao.cooperation.ProjectStage;
import cn.kejiao.cooperation.ProjectView;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.cooperation.web.ProjectPageForms.LandingForm;
import cn.kejiao.cooperation.web.ProjectPageForms.MilestoneForm;
import cn.kejiao.cooperation.web.ProjectPageForms.OutcomeForm;
import cn.kejiao.cooperation.web.ProjectPageForms.ProjectForm;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The project pages: the portfolio (a region's figures and projects, or my organisation's), one project with what
 * the reader may do on it, and the forms to create a project and to add a milestone, an outcome or a landing.
 */
@Controller
class ProjectPageController {

	private final Projects projects;
	private final ProjectMilestones milestones;
	private final ProjectOutcomes outcomes;
	private final Organisations organisations;
	private final Regions regions;
	private final Problems problems;
	private final ProjectAwards awards;
	private final Agreements agreements;

	ProjectPageController(Projects projects, ProjectMilestones milestones, ProjectOutcomes outcomes,
			Organisations organisations, Regions regions, Problems problems, ProjectAwards awards,
			Agreements agreements) {
		this.awards = awards;
		this.agreements = agreements;
		this.projects = projects;
		this.milestones = milestones;
		this.outcomes = outcomes;
		this.organisations = organisations;
		this.regions = regions;
		this.problems = problems;
	}

	@GetMapping("/projects")
	String portfolio(@RequestParam(required = false) String region, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String chain, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean overdue, Model model) {
		Actor actor = Actors.require();
		ProjectStage wanted = null;
		if (stage != null && !stage.isBlank()) {
			try {
				wanted = ProjectStage.valueOf(stage);
			}
			catch (IllegalArgumentException ex) {
				wanted = null;
			}
		}
		boolean admin = actor.isRegionAdmin() || actor.isPlatformAdmin();
		model.addAttribute("portfolio", projects.portfolio(new ProjectQuery(region, wanted, chain, q, overdue)));
		model.addAttribute("admin", admin);
		model.addAttribute("stages", ProjectStage.values());
		model.addAttribute("filter", new LinkedHashMap<>(Map.of("region", region == null ? "" : region, "stage",
				stage == null ? "" : stage, "chain", chain == null ? "" : chain, "q", q == null ? "" : q)));
		model.addAttribute("overdue", overdue);
		model.addAttribute("regionsBelow", admin ? below(actor) : List.of());
		model.addAttribute("awards", awards.open(actor));
		return "cooperation/projects/list";
	}

	private List<RegionView> below(Actor actor) {
		List<RegionView> options = new ArrayList<>();
		regions.find(actor.regionCode()).ifPresent(options::add);
		options.addAll(regions.children(actor.regionCode()));
		return options;
	}

	@GetMapping("/projects/new")
	String form(@RequestParam(required = false) UUID challenge, @RequestParam(required = false) UUID org,
			@RequestParam(required = false) UUID agreement, Model model) {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("project.admin-only");
		}
		if (agreement != null) {
			return form(ProjectForm.underAgreement(agreements.get(agreement), actor), null, model);
		}
		ProjectForm form = awards.open(actor).stream()
			.filter(a -> a.challengeId().equals(challenge) && a.organisationId().equals(org)).findFirst()
			.map(a -> ProjectForm.fromAward(a, actor.governs(a.regionCode()) ? a.regionCode() : actor.regionCode()))
			.orElse(ProjectForm.empty(actor.regionCode()));
		return form(form, null, model);
	}

	@PostMapping("/projects")
	String create(@ModelAttribute ProjectForm form, Model model, HttpServletRequest request) {
		Actors.require();
		try {
			ProjectView project = projects.create(form.project());
			return "redirect:/projects/" + project.id();
		}
		catch (KejiaoException refused) {
			return form(form, problems.refusal(refused, request), model);
		}
	}

	private String form(ProjectForm form, @Nullable String error, Model model) {
		Actor actor = Actors.require();
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("organisations", parties());
		model.addAttribute("funderRegions", funderRegions(actor));
		model.addAttribute("chains", projects.chainSuggestions());
		model.addAttribute("funderRows", IntStream.range(0, ProjectPageForms.FUNDERS).boxed().toList());
		return "cooperation/projects/form";
	}

	private List<OrganisationView> parties() {
		return organisations.verified(EnumSet.complementOf(EnumSet.of(OrganisationType.GOVERNMENT))).stream()
			.sorted(Comparator.comparing(OrganisationView::regionCode).thenComparing(OrganisationView::name)).toList();
	}

	/** The regions a funder is picked from: the admin's own, those above and below it, then the provinces. */
	private List<RegionView> funderRegions(Actor actor) {
		Map<String, RegionView> options = new LinkedHashMap<>();
		regions.find(actor.regionCode()).ifPresent(r -> options.put(r.code(), r));
		regions.ancestors(actor.regionCode()).forEach(r -> options.putIfAbsent(r.code(), r));
		regions.children(actor.regionCode()).forEach(r -> options.putIfAbsent(r.code(), r));
		regions.provinces().forEach(r -> options.putIfAbsent(r.code(), r));
		return List.copyOf(options.values());
	}

	@GetMapping("/projects/{id}")
	String show(@PathVariable UUID id, Model model) {
		Actor actor = Actors.require();
		ProjectView project = projects.get(id);
		model.addAttribute("project", project);
		model.addAttribute("manager", project.isManagedBy(actor));
		model.addAttribute("lead", project.isLedBy(actor));
		model.addAttribute("nextStages", project.stage().next().stream()
			.filter(s -> project.isManagedBy(actor) || s == ProjectStage.IN_PROGRESS && project.isLedBy(actor))
			.sorted().toList());
		model.addAttribute("agreement", agreementOf(project));
		return "cooperation/projects/show";
	}

	/** The agreement the project is carried out under, if the reader may read it. */
	private cn.kejiao.cooperation.@org.jspecify.annotations.Nullable AgreementView agreementOf(ProjectView project) {
		if (project.agreementId() == null) {
			return null;
		}
		try {
			return agreements.get(project.agreementId());
		}
		catch (KejiaoException notReadable) {
			return null;
		}
	}

	@PostMapping("/projects/{id}/stage")
	String stage(@PathVariable UUID id, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String remarks, RedirectAttributes redirect, HttpServletRequest request) {
		return problems.step(() -> projects.changeStage(id, stage == null || stage.isBlank() ? null
				: ProjectStage.valueOf(stage), remarks), "/projects/" + id, redirect, request);
	}

	@PostMapping("/projects/{id}/milestones/{milestoneId}/deliver")
	String deliver(@PathVariable UUID id, @PathVariable UUID milestoneId, @RequestParam(required = false) String note,
			RedirectAttributes redirect, HttpServletRequest request) {
		return problems.step(() -> milestones.deliver(id, milestoneId, note), "/projects/" + id, redirect, request);
	}

	@PostMapping("/projects/{id}/milestones/{milestoneId}/decision")
	String decide(@PathVariable UUID id, @PathVariable UUID milestoneId, @RequestParam(required = false) String verdict,
			@RequestParam(required = false) String remarks, RedirectAttributes redirect, HttpServletRequest request) {
		return problems.step(() -> milestones.decide(id, milestoneId, "ACCEPT".equals(verdict), remarks),
				"/projects/" + id, redirect, request);
	}

	@GetMapping("/projects/{id}/milestones/new")
	String milestoneForm(@PathVariable UUID id, Model model) {
		return part(id, "milestone", MilestoneForm.empty(), null, model);
	}

	@PostMapping("/projects/{id}/milestones")
	String addMilestone(@PathVariable UUID id, @ModelAttribute MilestoneForm form, Model model,
			HttpServletRequest request) {
		return submit(id, "milestone", form, () -> milestones.add(id, form.milestone()), model, request);
	}

	@GetMapping("/projects/{id}/outcomes/new")
	String outcomeForm(@PathVariable UUID id, Model model) {
		return part(id, "outcome", OutcomeForm.empty(), null, model);
	}

	@PostMapping("/projects/{id}/outcomes")
	String addOutcome(@PathVariable UUID id, @ModelAttribute OutcomeForm form, Model model, HttpServletRequest request) {
		return submit(id, "outcome", form, () -> outcomes.add(id, form.outcome()), model, request);
	}

	@GetMapping("/projects/{id}/landings/new")
	String landingForm(@PathVariable UUID id, Model model) {
		return part(id, "landing", LandingForm.empty(), null, model);
	}

	@PostMapping("/projects/{id}/landings")
	String land(@PathVariable UUID id, @ModelAttribute LandingForm form, Model model, HttpServletRequest request) {
		return submit(id, "landing", form, () -> outcomes.land(id, form.landing()), model, request);
	}

	/**
	 * Takes a step from one of the project's part forms: back to the project at that part's list, or the form again
	 * with what was typed and the reason it was refused.
	 */
	private String submit(UUID id, String which, Object form, Runnable step, Model model, HttpServletRequest request) {
		try {
			step.run();
			return "redirect:/projects/" + id + "#" + which + "s";
		}
		catch (KejiaoException refused) {
			return part(id, which, form, problems.refusal(refused, request), model);
		}
	}

	private String part(UUID id, String which, Object form, @Nullable String error, Model model) {
		ProjectView project = projects.get(id);
		model.addAttribute("project", project);
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("kinds", OutcomeKind.values());
		model.addAttribute("modes", LandingMode.values());
		if ("landing".equals(which)) {
			model.addAttribute("organisations", parties());
		}
		return "cooperation/projects/" + which;
	}
}
