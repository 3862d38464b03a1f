package cn.kejiao.cooperation.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.kejiao.cooperation.AgreementKind;
import cn.kejiao.cooperation.AgreementSummary;
import cn.kejiao.cooperation.AgreementView;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.AreaFigures;
import cn.kejiao.cooperation.AreaTemplate;
import cn.kejiao.cooperation.FigureKind;
import cn.kejiao.cooperation.TaskState;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Agreements between regions: parties, areas of cooperation with their tasks and live figures, progress reports. */
@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Cooperation agreements")
class AgreementApiController {

	private final Agreements agreements;
	private final AreaFigures figures;

	AgreementApiController(Agreements agreements, AreaFigures figures) {
		this.agreements = agreements;
		this.figures = figures;
	}

	record PageOf<T>(List<T> items, long total, int page, int size) {
	}

	record AreaRequest(@Nullable AreaTemplate template, @Nullable String name, @Nullable Set<FigureKind> figures) {

		Agreements.NewArea area() {
			return new Agreements.NewArea(template, name, figures);
		}
	}

	record AgreementRequest(@Nullable AgreementKind kind, @Nullable String title,
			@Nullable List<AgreementView.Party> parties, @Nullable LocalDate signedOn, @Nullable String signedPlace,
			@Nullable LocalDate termStart, @Nullable LocalDate termEnd, @Nullable String summary,
			@Nullable List<AreaRequest> areas, @Nullable Boolean template) {
	}

	/** A task as the API shows it: with its area and whether it is overdue today. */
	record TaskItem(UUID id, UUID areaId, String area, String title, UUID ownerOrgId, String ownerOrgName,
			String ownerRegion, LocalDate dueOn, TaskState state, @Nullable Integer percent, @Nullable String stage,
			boolean overdue, List<AgreementView.Report> reports) {
	}

	record AreaItem(UUID id, String name, @Nullable AreaTemplate template, Set<FigureKind> figureKinds,
			List<TaskItem> tasks, List<AreaFigures.Line> figures) {
	}

	record AgreementItem(UUID id, AgreementKind kind, String title, List<AgreementView.Party> parties,
			@Nullable LocalDate signedOn, String signedPlace, @Nullable LocalDate termStart, @Nullable LocalDate termEnd,
			String summary, @Nullable String textName, LocalDate figuresFrom, LocalDate figuresTo, List<AreaItem> areas) {
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "agreement.not-party")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an agreement between two or more regions", description = "By an admin governing one of the parties. kind: FRAMEWORK, COOPERATION, CONSULTATION. parties: [{regionCode, signatory}] (signatory: the organisation that signed, e.g. 上海市科委). areas: [{template, name, figures}]; template: true and no areas gives the seven areas of the Shanghai–Chongqing template with their default figures. The text is attached on the agreement's page. 201 with the agreement.")
	AgreementItem create(@RequestBody AgreementRequest request) {
		List<Agreements.NewArea> areas = new ArrayList<>();
		if (request.areas() != null) {
			request.areas().stream().filter(java.util.Objects::nonNull).forEach(a -> areas.add(a.area()));
		}
		if (areas.isEmpty() && Boolean.TRUE.equals(request.template())) {
			Arrays.stream(AreaTemplate.values()).forEach(t -> areas.add(new Agreements.NewArea(t, null, null)));
		}
		return item(agreements.create(new Agreements.NewAgreement(request.kind(), request.title(),
				request.parties() == null ? List.of() : request.parties(), request.signedOn(), request.signedPlace(),
				request.termStart(), request.termEnd(), request.summary(), areas, null)));
	}

	@GetMapping
	@Operation(summary = "The agreements the caller reads", description = "For a region admin those its region is party to (its region within a party, or a party within its region); for members of an organisation those with a task of theirs; all for the platform admin. Most recently signed first, paged.")
	PageOf<AgreementSummary> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var result = agreements.list(Paging.of(page, size, 100));
		return new PageOf<>(result.getContent(), result.getTotalElements(), result.getNumber(), result.getSize());
	}

	@GetMapping("/{id}")
	@Operation(summary = "An agreement with its areas, their tasks and live figures", description = "Figures from the term's start (or signing) to today. 404 agreement.not-found for anyone who may not read it.")
	AgreementItem get(@PathVariable UUID id) {
		return item(agreements.get(id));
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "agreement.not-editor")
	@PostMapping("/{id}/areas")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an area of cooperation", description = "By an admin governing a party. {template, name, figures}.")
	AgreementItem addArea(@PathVariable UUID id, @RequestBody AreaRequest request) {
		return item(agreements.addArea(id, request.area()));
	}

	@GetMapping("/{id}/tasks")
	@Operation(summary = "The tasks of an agreement, area by area", description = "With whether each is overdue today.")
	List<TaskItem> tasks(@PathVariable UUID id) {
		AgreementView agreement = agreements.get(id);
		LocalDate today = agreements.today();
		return agreement.areas().stream().flatMap(a -> a.tasks().stream().map(t -> task(a, t, today))).toList();
	}

	record TaskRequest(@Nullable UUID areaId, @Nullable String title, @Nullable UUID ownerOrgId,
			@Nullable LocalDate dueOn) {
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "agreement.not-editor")
	@PostMapping("/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a task under an area", description = "By an admin governing a party (403 agreement.not-editor for another reader). {areaId, title, ownerOrgId, dueOn}.")
	TaskItem addTask(@PathVariable UUID id, @RequestBody TaskRequest request) {
		AgreementView.Task task = agreements.addTask(id,
				new Agreements.NewTask(request.areaId(), request.title(), request.ownerOrgId(), request.dueOn()));
		AgreementView agreement = agreements.get(id);
		return task(agreement.area(task.areaId()), task, agreements.today());
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "agreement.not-editor")
	@PutMapping("/{id}/tasks/{taskId}")
	@Operation(summary = "Change a task", description = "By an admin governing a party (403 agreement.not-editor for another reader). {areaId, title, ownerOrgId, dueOn}, all of them; a due date moved is watched afresh (flagged overdue again, once, if it passes).")
	TaskItem changeTask(@PathVariable UUID id, @PathVariable UUID taskId, @RequestBody TaskRequest request) {
		AgreementView.Task task = agreements.changeTask(id, taskId,
				new Agreements.NewTask(request.areaId(), request.title(), request.ownerOrgId(), request.dueOn()));
		AgreementView agreement = agreements.get(id);
		return task(agreement.area(task.areaId()), task, agreements.today());
	}

	record ProgressRequest(@Nullable String text, @Nullable Integer percent, @Nullable String stage,
			@Nullable TaskState state) {
	}

	@PostMapping(path = "/{id}/tasks/{taskId}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Report progress on a task, with files", description = "multipart/form-data: text, percent (0–100) or stage, state, and up to 3 files (PDF, Word, Excel, images; agreement.file-* codes otherwise). Who may: as for the JSON report.")
	TaskItem reportWithFiles(@PathVariable UUID id, @PathVariable UUID taskId,
			@RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable Integer percent,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable TaskState state,
			@RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files) throws IOException {
		AgreementView.Task task = agreements.report(id, taskId, new Agreements.ProgressReport(text, percent, stage, state,
				AgreementPageController.uploads(files)));
		AgreementView agreement = agreements.get(id);
		return task(agreement.area(task.areaId()), task, agreements.today());
	}

	@PostMapping(path = "/{id}/tasks/{taskId}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Report progress on a task", description = "By a member of the task's owner organisation or an admin governing a party (403 agreement.not-task-owner otherwise). {text, percent (0–100) or stage, state}; state defaults to IN_PROGRESS for a planned task. Files: the same path as multipart/form-data.")
	TaskItem report(@PathVariable UUID id, @PathVariable UUID taskId, @RequestBody ProgressRequest request) {
		AgreementView.Task task = agreements.report(id, taskId, new Agreements.ProgressReport(request.text(),
				request.percent(), request.stage(), request.state(), List.of()));
		AgreementView agreement = agreements.get(id);
		return task(agreement.area(task.areaId()), task, agreements.today());
	}

	@GetMapping("/{id}/figures")
	@Operation(summary = "The live figures of each area between the parties", description = "from, to: days (2026-01-31), both included; default from the term's start (or signing) to today. One line per figure kind and ordered pair of parties, the served party first; 0 where nothing happened.")
	AreaFigures.Report figures(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return figures.of(id, from, to);
	}

	private AgreementItem item(AgreementView a) {
		AreaFigures.Report report = figures.of(a, null, null);
		LocalDate today = agreements.today();
		List<AreaItem> areas = new ArrayList<>();
		for (int i = 0; i < a.areas().size(); i++) {
			AgreementView.Area area = a.areas().get(i);
			areas.add(new AreaItem(area.id(), area.name(), area.template(), area.figures(),
					area.tasks().stream().map(t -> task(area, t, today)).toList(), report.areas().get(i).lines()));
		}
		return new AgreementItem(a.id(), a.kind(), a.title(), a.parties(), a.signedOn(), a.signedPlace(), a.termStart(),
				a.termEnd(), a.summary(), a.textName(), report.from(), report.to(), areas);
	}

	private static TaskItem task(AgreementView.@Nullable Area area, AgreementView.Task t, LocalDate today) {
		return new TaskItem(t.id(), t.areaId(), area == null ? "" : area.name(), t.title(), t.ownerOrgId(),
				t.ownerOrgName(), t.ownerRegion(), t.dueOn(), t.state(), t.percent(), t.stage(), t.overdueOn(today),
				t.reports());
	}
}
