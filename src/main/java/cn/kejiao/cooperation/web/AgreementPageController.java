package cn.kejiao.cooperation.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.cooperation.AgreementFiles;
import cn.kejiao.cooperation.AgreementKind;
import cn.kejiao.cooperation.AgreementView;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.cooperation.AreaFigures;
import cn.kejiao.cooperation.AreaTemplate;
import cn.kejiao.cooperation.FigureKind;
import cn.kejiao.cooperation.TaskState;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.RegionLevel;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The agreement pages: the list of agreements the reader is party to, one agreement with its parties, areas, tasks
 * and each area's live figures for a period, the new-agreement form, the task form and the progress report form.
 */
@Controller
class AgreementPageController {

	private final Agreements agreements;
	private final AreaFigures figures;
	private final Organisations organisations;
	private final Regions regions;
	private final Problems problems;
	private final Projects projects;

	AgreementPageController(Agreements agreements, AreaFigures figures, Organisations organisations, Regions regions,
			Problems problems, Projects projects) {
		this.projects = projects;
		this.agreements = agreements;
		this.figures = figures;
		this.organisations = organisations;
		this.regions = regions;
		this.problems = problems;
	}

	@GetMapping("/agreements")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Actor actor = Actors.require();
		var result = agreements.list(Paging.of(page, 20, 20));
		model.addAttribute("agreements", result.getContent());
		model.addAttribute("page", result);
		model.addAttribute("mayCreate", actor.isRegionAdmin() || actor.isPlatformAdmin());
		return "cooperation/agreements/list";
	}

	@GetMapping("/agreements/new")
	String form(Model model) {
		Actor actor = mayCreate();
		return form(AgreementPageForm.empty(actor.isPlatformAdmin() ? "" : actor.regionCode()), null, model);
	}

	@PostMapping("/agreements")
	String create(@ModelAttribute AgreementPageForm form,
			@RequestParam(name = "text", required = false) @Nullable MultipartFile text, Model model,
			HttpServletRequest request) throws IOException {
		mayCreate();
		try {
			AgreementFiles.Upload upload = text == null || text.isEmpty() ? null
					: new AgreementFiles.Upload(name(text), text.getBytes());
			AgreementView agreement = agreements.create(form.agreement(upload));
			return "redirect:/agreements/" + agreement.id() + "?created";
		}
		catch (KejiaoException refused) {
			return form(form, problems.refusal(refused, request), model);
		}
	}

	private String form(AgreementPageForm form, @Nullable String error, Model model) {
		// provinces and prefectures; the counties of the admin's own prefecture (or its county), where county
		// bureaus sign too; and whatever was typed before a refusal
		String own = Actors.require().regionCode();
		Set<String> counties = new LinkedHashSet<>();
		regions.find(own).ifPresent(region -> {
			if (region.level() == RegionLevel.COUNTY) {
				counties.add(region.code());
			}
			else if (region.level() == RegionLevel.PREFECTURE) {
				regions.children(region.code()).forEach(county -> counties.add(county.code()));
			}
		});
		for (int i = 0; i < AgreementPageForm.PARTIES; i++) {
			String typed = form.regionAt(i);
			if (typed != null && !typed.isBlank() && regions.find(typed).map(r -> r.level() == RegionLevel.COUNTY)
				.orElse(false)) {
				counties.add(typed);
			}
		}
		List<RegionView> options = new ArrayList<>();
		for (RegionView province : regions.provinces()) {
			options.add(province);
			for (RegionView prefecture : regions.children(province.code())) {
				options.add(prefecture);
				counties.stream().filter(code -> RegionCodes.isWithin(code, prefecture.code()) && !code.equals(prefecture.code()))
					.map(regions::get).forEach(options::add);
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("kinds", AgreementKind.values());
		model.addAttribute("templates", AreaTemplate.values());
		model.addAttribute("regionOptions", options);
		model.addAttribute("rows", java.util.stream.IntStream.range(0, AgreementPageForm.PARTIES).boxed().toList());
		return "cooperation/agreements/form";
	}

	@GetMapping("/agreements/{id}")
	String show(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model, HttpServletRequest request) {
		Actor actor = Actors.require();
		AgreementView agreement = agreements.get(id);
		AreaFigures.Report report;
		try {
			report = figures.of(agreement, AgreementPageForm.date(from), AgreementPageForm.date(to));
		}
		catch (KejiaoException refused) {
			model.addAttribute("periodError", problems.refusal(refused, request));
			report = figures.of(agreement, null, null);
		}
		model.addAttribute("agreement", agreement);
		model.addAttribute("figures", report);
		model.addAttribute("today", agreements.today());
		model.addAttribute("editor", agreement.isEditableBy(actor));
		model.addAttribute("templates", AreaTemplate.values());
		model.addAttribute("figureKinds", FigureKind.values());
		model.addAttribute("projects", projects.ofAgreement(id));
		model.addAttribute("mayFund", actor.isPlatformAdmin()
				|| (actor.isRegionAdmin() && agreement.partyRegions().stream().anyMatch(actor::governs)));
		return "cooperation/agreements/show";
	}

	@PostMapping("/agreements/{id}/areas")
	String addArea(@PathVariable UUID id, @RequestParam(required = false) @Nullable String template,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(name = "figure", required = false) @Nullable List<String> figureNames,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			AreaTemplate from = template == null || template.isBlank() ? null : AreaTemplate.valueOf(template);
			EnumSet<FigureKind> kinds = EnumSet.noneOf(FigureKind.class);
			if (figureNames != null) {
				figureNames.forEach(f -> kinds.add(FigureKind.valueOf(f)));
			}
			agreements.addArea(id, new Agreements.NewArea(from, name, figureNames == null && from != null ? null : kinds));
			redirect.addFlashAttribute("message", "area-added");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", problems.refusal(KejiaoException.invalid("agreement.area-name-required"), request));
		}
		return "redirect:/agreements/" + id + "#areas";
	}

	@GetMapping("/agreements/{id}/tasks/new")
	String taskForm(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID area, Model model) {
		AgreementView agreement = agreements.get(id);
		if (!agreement.isEditableBy(Actors.require())) {
			throw KejiaoException.forbidden("agreement.not-editor");
		}
		return taskForm(agreement, new TaskPageForm(area == null ? "" : area.toString(), "", "", ""), null, model);
	}

	/** The task form as typed. */
	record TaskPageForm(@Nullable String area, @Nullable String title, @Nullable String owner, @Nullable String dueOn) {
	}

	@PostMapping("/agreements/{id}/tasks")
	String addTask(@PathVariable UUID id, @ModelAttribute TaskPageForm form, Model model, HttpServletRequest request) {
		AgreementView agreement = agreements.get(id);
		try {
			AgreementView.Task task = agreements.addTask(id, new Agreements.NewTask(uuid(form.area()), form.title(),
					uuid(form.owner()), AgreementPageForm.date(form.dueOn())));
			return "redirect:/agreements/" + id + "#task-" + task.id();
		}
		catch (KejiaoException refused) {
			if (refused.status().value() == 404) {
				throw refused;
			}
			return taskForm(agreement, form, problems.refusal(refused, request), model);
		}
	}

	@GetMapping("/agreements/{id}/tasks/{taskId}/edit")
	String editTaskForm(@PathVariable UUID id, @PathVariable UUID taskId, Model model) {
		AgreementView agreement = agreements.get(id);
		if (!agreement.isEditableBy(Actors.require())) {
			throw KejiaoException.forbidden("agreement.not-editor");
		}
		AgreementView.Task task = agreement.task(taskId);
		if (task == null) {
			throw KejiaoException.notFound("agreement.task-not-found", taskId);
		}
		model.addAttribute("task", task);
		return taskForm(agreement, new TaskPageForm(task.areaId().toString(), task.title(), task.ownerOrgId().toString(),
				task.dueOn().toString()), null, model);
	}

	@PostMapping("/agreements/{id}/tasks/{taskId}")
	String changeTask(@PathVariable UUID id, @PathVariable UUID taskId, @ModelAttribute TaskPageForm form, Model model,
			HttpServletRequest request) {
		AgreementView agreement = agreements.get(id);
		try {
			agreements.changeTask(id, taskId, new Agreements.NewTask(uuid(form.area()), form.title(), uuid(form.owner()),
					AgreementPageForm.date(form.dueOn())));
			return "redirect:/agreements/" + id + "#task-" + taskId;
		}
		catch (KejiaoException refused) {
			if (refused.status().value() == 404) {
				throw refused;
			}
			model.addAttribute("task", agreement.task(taskId));
			return taskForm(agreement, form, problems.refusal(refused, request), model);
		}
	}

	private String taskForm(AgreementView agreement, TaskPageForm form, @Nullable String error, Model model) {
		List<OrganisationView> owners = organisations.verified(EnumSet.allOf(OrganisationType.class)).stream()
			.filter(o -> agreement.partyRegions().stream().anyMatch(p -> RegionCodes.isWithin(o.regionCode(), p)))
			.sorted(Comparator.comparing(OrganisationView::regionCode).thenComparing(OrganisationView::name)).toList();
		model.addAttribute("agreement", agreement);
		model.addAttribute("form", form);
		model.addAttribute("owners", owners);
		model.addAttribute("error", error);
		return "cooperation/agreements/task-form";
	}

	@GetMapping("/agreements/{id}/tasks/{taskId}/report")
	String reportForm(@PathVariable UUID id, @PathVariable UUID taskId, Model model) {
		return reportForm(id, taskId, new ReportPageForm("", "", "", ""), null, model);
	}

	/** The progress report as typed. */
	record ReportPageForm(@Nullable String text, @Nullable String percent, @Nullable String stage,
			@Nullable String state) {
	}

	@PostMapping("/agreements/{id}/tasks/{taskId}/report")
	String report(@PathVariable UUID id, @PathVariable UUID taskId, @ModelAttribute ReportPageForm form,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletRequest request) throws IOException {
		try {
			Integer percent = null;
			if (form.percent() != null && !form.percent().isBlank()) {
				try {
					percent = Integer.valueOf(form.percent().strip().replace("%", ""));
				}
				catch (NumberFormatException ex) {
					throw KejiaoException.invalid("agreement.report-percent");
				}
			}
			TaskState state = form.state() == null || form.state().isBlank() ? null : TaskState.valueOf(form.state());
			agreements.report(id, taskId, new Agreements.ProgressReport(form.text(), percent, form.stage(), state,
					uploads(files)));
			redirect.addFlashAttribute("message", "reported");
			return "redirect:/agreements/" + id + "#task-" + taskId;
		}
		catch (KejiaoException refused) {
			if (refused.status().value() == 404) {
				throw refused;
			}
			return reportForm(id, taskId, form, problems.refusal(refused, request), model);
		}
	}

	private String reportForm(UUID id, UUID taskId, ReportPageForm form, @Nullable String error, Model model) {
		Actor actor = Actors.require();
		AgreementView agreement = agreements.get(id);
		AgreementView.Task task = agreement.task(taskId);
		if (task == null) {
			throw KejiaoException.notFound("agreement.task-not-found", taskId);
		}
		if (!task.mayReport(actor, agreement)) {
			throw KejiaoException.forbidden("agreement.not-task-owner");
		}
		model.addAttribute("agreement", agreement);
		model.addAttribute("task", task);
		model.addAttribute("area", agreement.area(task.areaId()));
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("today", agreements.today());
		model.addAttribute("states", agreement.isEditableBy(actor) ? TaskState.values()
				: new TaskState[] { TaskState.IN_PROGRESS, TaskState.DONE });
		model.addAttribute("maxFiles", AgreementFiles.MAX_REPORT_FILES);
		return "cooperation/agreements/report-form";
	}

	@GetMapping("/agreements/{id}/text")
	ResponseEntity<byte[]> text(@PathVariable UUID id) {
		AgreementFiles.Download file = agreements.text(id);
		return Downloads.file(file.name(), MediaType.parseMediaType(file.contentType()), file.content());
	}

	@GetMapping("/agreements/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID fileId) {
		AgreementFiles.Download file = agreements.reportFile(id, fileId);
		return Downloads.file(file.name(), MediaType.parseMediaType(file.contentType()), file.content());
	}

	private Actor mayCreate() {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("agreement.not-party");
		}
		return actor;
	}

	/** The files a form or a request sent, empty parts left out (the API's reports read them the same way). */
	static List<AgreementFiles.Upload> uploads(@Nullable List<MultipartFile> files) throws IOException {
		List<AgreementFiles.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty()) {
				uploads.add(new AgreementFiles.Upload(name(file), file.getBytes()));
			}
		}
		return uploads;
	}

	private static String name(MultipartFile file) {
		return file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
	}

	private static @Nullable UUID uuid(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
