package cn.kejiao.cooperation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;

/**
 * Agreements between regions (合作协议, 框架协议, 会商纪要): created by an admin governing one of the parties, with
 * areas of cooperation (the Shanghai–Chongqing seven offered as {@link AreaTemplate}) and tasks under each area owned
 * by an organisation; the owner's members (and the agreement's editors) report progress on a task. Who may read,
 * edit and report is {@link AgreementView}'s rule; a reader without the right is told the agreement does not exist.
 * Every change is audited.
 */
@Service
public class Agreements {

	/** What an admin writes to create an agreement; areas may come from the template. */
	public record NewAgreement(@Nullable AgreementKind kind, @Nullable String title, List<AgreementView.Party> parties,
			@Nullable LocalDate signedOn, @Nullable String signedPlace, @Nullable LocalDate termStart,
			@Nullable LocalDate termEnd, @Nullable String summary, List<NewArea> areas,
			AgreementFiles.@Nullable Upload text) {

		public NewAgreement {
			// what a client sent as null in a list is left out, as a blank row of the form is
			parties = parties == null ? List.of() : parties.stream().filter(java.util.Objects::nonNull).toList();
			areas = areas == null ? List.of() : areas.stream().filter(java.util.Objects::nonNull).toList();
		}
	}

	/** An area: from the template (its name and default figures unless given), or named freely. */
	public record NewArea(@Nullable AreaTemplate template, @Nullable String name, @Nullable Set<FigureKind> figures) {
	}

	/** A task under an area, owned by a verified organisation, due on a date. */
	public record NewTask(@Nullable UUID areaId, @Nullable String title, @Nullable UUID ownerOrgId,
			@Nullable LocalDate dueOn) {
	}

	/** A progress report: what was done, the percent reached or the stage, the task's state after it, files. */
	public record ProgressReport(@Nullable String text, @Nullable Integer percent, @Nullable String stage,
			@Nullable TaskState state, List<AgreementFiles.Upload> files) {

		public ProgressReport {
			files = files == null ? List.of() : files.stream().filter(java.util.Objects::nonNull).toList();
		}
	}

	private final AgreementRows rows;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Agreements(AgreementRows rows, Organisations organisations, Regions regions, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.rows = rows;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates an agreement between two or more regions; the actor must govern one of them
	 * ({@code agreement.not-party}, 403).
	 */
	@Transactional
	public AgreementView create(NewAgreement input) {
		Actor actor = Actors.require();
		if (input.kind() == null) {
			throw KejiaoException.invalid("agreement.kind-required");
		}
		String title = text(input.title(), 200, "agreement.title-required");
		List<AgreementView.Party> parties = parties(input.parties());
		if (!AgreementView.isEditable(actor, parties.stream().map(AgreementView.Party::regionCode).toList())) {
			throw KejiaoException.forbidden("agreement.not-party");
		}
		if (input.termStart() != null && input.termEnd() != null && input.termEnd().isBefore(input.termStart())) {
			throw KejiaoException.invalid("agreement.term-invalid");
		}
		String place = input.signedPlace() == null ? "" : input.signedPlace().strip();
		String summary = input.summary() == null ? "" : input.summary().strip();
		if (place.length() > 200 || summary.length() > 4000) {
			throw KejiaoException.invalid("agreement.too-long");
		}
		List<NewArea> areas = new ArrayList<>();
		for (NewArea area : input.areas()) {
			areas.add(area(area));
		}
		if (input.text() != null) {
			AgreementFiles.checkText(input.text());
		}
		UUID id = UUID.randomUUID();
		rows.insert(id, input.kind(), title, parties, input.signedOn(), place, input.termStart(), input.termEnd(),
				summary, actor.username(), clock.instant());
		for (NewArea area : areas) {
			rows.insertArea(id, area.template(), area.name(), area.figures());
		}
		if (input.text() != null) {
			rows.attachText(id, input.text().name(), AgreementFiles.contentType(input.text().name()),
					input.text().content(), clock.instant());
		}
		AgreementView created = rows.find(id).orElseThrow();
		audit.record("agreement.created", "agreement", id.toString(), title, parties.getFirst().regionCode(), null,
				Map.of("kind", input.kind().name(), "parties", created.partyRegions(), "areas",
						created.areas().stream().map(AgreementView.Area::name).toList()));
		return created;
	}

	/** The agreement, for those who may read it; 404 ({@code agreement.not-found}) for anyone else. */
	@Transactional(readOnly = true)
	public AgreementView get(UUID id) {
		Actor actor = Actors.require();
		return rows.find(id).filter(a -> a.isReadableBy(actor))
			.orElseThrow(() -> KejiaoException.notFound("agreement.not-found", id));
	}

	/**
	 * The agreements the actor reads, most recently signed first: all for the platform admin; for a region admin
	 * those with a party within its region or containing it; for others those with a task of their organisation.
	 */
	@Transactional(readOnly = true)
	public Page<AgreementSummary> list(Paging paging) {
		Actor actor = Actors.require();
		AgreementRows.Scope scope = new AgreementRows.Scope(actor.isPlatformAdmin(),
				actor.isRegionAdmin() ? actor.regionCode() : null, actor.organisationId());
		return new PageImpl<>(rows.list(scope, today(), paging.offset(), paging.size()), paging.pageRequest(),
				rows.count(scope));
	}

	/** Adds an area to an agreement the actor edits. */
	@Transactional
	public AgreementView addArea(UUID id, NewArea input) {
		AgreementView agreement = editable(id);
		NewArea area = area(input);
		UUID areaId = rows.insertArea(id, area.template(), area.name(), area.figures());
		audit.record("agreement.area-added", "agreement", id.toString(), agreement.title(), region(agreement), null,
				Map.of("area", area.name(), "areaId", areaId.toString(), "figures", area.figures()));
		return rows.find(id).orElseThrow();
	}

	/** Adds a task under one of the agreement's areas, owned by a verified organisation. */
	@Transactional
	public AgreementView.Task addTask(UUID id, NewTask input) {
		AgreementView agreement = editable(id);
		Checked task = checked(agreement, input);
		UUID taskId = rows.insertTask(id, input.areaId(), task.title(), task.owner().id(), task.owner().name(),
				task.owner().regionCode(), task.dueOn(), clock.instant());
		audit.record("agreement.task-added", "agreement-task", taskId.toString(), task.title(), region(agreement), null,
				Map.of("agreement", agreement.title(), "owner", task.owner().name(), "dueOn", task.dueOn().toString()));
		return rows.find(id).map(a -> a.task(taskId)).orElseThrow();
	}

	/**
	 * Changes a task's area, title, owner or due date, by the agreement's editors. A due date moved is watched
	 * afresh: if the new one passes too, the task is flagged overdue again, once.
	 */
	@Transactional
	public AgreementView.Task changeTask(UUID id, UUID taskId, NewTask input) {
		AgreementView agreement = editable(id);
		AgreementView.Task before = agreement.task(taskId);
		if (before == null) {
			throw KejiaoException.notFound("agreement.task-not-found", taskId);
		}
		Checked task = checked(agreement, input);
		TaskChanged changed = rows.changed(id, taskId);
		rows.updateTask(taskId, input.areaId(), task.title(), task.owner().id(), task.owner().name(),
				task.owner().regionCode(), task.dueOn(), !task.dueOn().equals(before.dueOn()), clock.instant());
		events.publishEvent(changed);
		audit.record("agreement.task-changed", "agreement-task", taskId.toString(), task.title(), region(agreement),
				Map.of("title", before.title(), "owner", before.ownerOrgName(), "dueOn", before.dueOn().toString()),
				Map.of("title", task.title(), "owner", task.owner().name(), "dueOn", task.dueOn().toString()));
		return rows.find(id).map(a -> a.task(taskId)).orElseThrow();
	}

	private record Checked(String title, OrganisationView owner, LocalDate dueOn) {
	}

	/** A task as the form gives it, each field checked: the area one of the agreement's, the owner verified. */
	private Checked checked(AgreementView agreement, NewTask input) {
		if (input.areaId() == null || agreement.area(input.areaId()) == null) {
			throw KejiaoException.invalid("agreement.area-not-found");
		}
		String title = text(input.title(), 300, "agreement.task-title-required");
		if (input.ownerOrgId() == null) {
			throw KejiaoException.invalid("agreement.task-owner-required");
		}
		OrganisationView owner = organisations.find(input.ownerOrgId()).filter(OrganisationView::isVerified)
			.orElseThrow(() -> KejiaoException.invalid("agreement.task-owner-not-found"));
		if (input.dueOn() == null) {
			throw KejiaoException.invalid("agreement.task-due-required");
		}
		return new Checked(title, owner, input.dueOn());
	}

	/**
	 * Reports progress on a task: its owner's members or the agreement's editors ({@code agreement.not-task-owner},
	 * 403); suspending a task is for editors ({@code agreement.suspend-editors-only}).
	 */
	@Transactional
	public AgreementView.Task report(UUID id, UUID taskId, ProgressReport input) {
		Actor actor = Actors.require();
		AgreementView agreement = readable(rows.lock(id), actor, id);
		AgreementView.Task task = agreement.task(taskId);
		if (task == null) {
			throw KejiaoException.notFound("agreement.task-not-found", taskId);
		}
		if (!task.mayReport(actor, agreement)) {
			throw KejiaoException.forbidden("agreement.not-task-owner");
		}
		String text = text(input.text(), 4000, "agreement.report-text-required");
		if (input.percent() != null && (input.percent() < 0 || input.percent() > 100)) {
			throw KejiaoException.invalid("agreement.report-percent");
		}
		String stage = input.stage() == null || input.stage().isBlank() ? null : input.stage().strip();
		if (stage != null && stage.length() > 100) {
			throw KejiaoException.invalid("agreement.too-long");
		}
		TaskState state = input.state() != null ? input.state()
				: task.state() == TaskState.PLANNED ? TaskState.IN_PROGRESS : task.state();
		if (state == TaskState.SUSPENDED && task.state() != TaskState.SUSPENDED && !agreement.isEditableBy(actor)) {
			throw KejiaoException.forbidden("agreement.suspend-editors-only");
		}
		AgreementFiles.checkReport(input.files());
		TaskChanged changed = rows.changed(id, taskId);
		rows.insertReport(id, taskId, text, input.percent(), stage, state, actor.username(), actor.displayName(),
				actor.organisationName() == null ? "" : actor.organisationName(), clock.instant(), input.files());
		events.publishEvent(changed);
		AgreementView.Task after = rows.find(id).map(a -> a.task(taskId)).orElseThrow();
		audit.record("agreement.task-reported", "agreement-task", taskId.toString(), task.title(), region(agreement),
				progress(task), progress(after));
		return after;
	}

	/** The agreement's text, for its readers. */
	@Transactional(readOnly = true)
	public AgreementFiles.Download text(UUID id) {
		get(id);
		AgreementRows.StoredFile file = rows.text(id).orElseThrow(() -> KejiaoException.notFound("agreement.file-not-found", id));
		return new AgreementFiles.Download(file.name(), file.contentType(), file.content());
	}

	/** A file of a progress report, for the agreement's readers. */
	@Transactional(readOnly = true)
	public AgreementFiles.Download reportFile(UUID id, UUID fileId) {
		get(id);
		AgreementRows.StoredFile file = rows.file(id, fileId)
			.orElseThrow(() -> KejiaoException.notFound("agreement.file-not-found", fileId));
		return new AgreementFiles.Download(file.name(), file.contentType(), file.content());
	}

	/** Today, China time: what "overdue" is measured against. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	private AgreementView editable(UUID id) {
		Actor actor = Actors.require();
		AgreementView agreement = readable(rows.lock(id), actor, id);
		if (!agreement.isEditableBy(actor)) {
			throw KejiaoException.forbidden("agreement.not-editor");
		}
		return agreement;
	}

	private static AgreementView readable(java.util.Optional<AgreementView> found, Actor actor, UUID id) {
		return found.filter(a -> a.isReadableBy(actor)).orElseThrow(() -> KejiaoException.notFound("agreement.not-found", id));
	}

	/** Two or more distinct, known regions, each with an optional signatory. */
	private List<AgreementView.Party> parties(List<AgreementView.Party> input) {
		List<AgreementView.Party> parties = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (AgreementView.Party party : input) {
			String code = party == null || party.regionCode() == null ? "" : party.regionCode().strip();
			if (code.isEmpty()) {
				continue;
			}
			if (!RegionCodes.isWellFormed(code) || !regions.exists(code)) {
				throw KejiaoException.invalid("agreement.party-region-unknown", code);
			}
			String signatory = party.signatory() == null ? "" : party.signatory().strip();
			if (signatory.length() > 100) {
				throw KejiaoException.invalid("agreement.too-long");
			}
			if (seen.add(code)) {
				parties.add(new AgreementView.Party(code, signatory));
			}
		}
		if (parties.size() < 2) {
			throw KejiaoException.invalid("agreement.parties-required");
		}
		return parties;
	}

	private static NewArea area(NewArea input) {
		String name = input.name() == null || input.name().isBlank()
				? input.template() == null ? "" : input.template().chineseName() : input.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			throw KejiaoException.invalid("agreement.area-name-required");
		}
		Set<FigureKind> figures = input.figures() != null
				? input.figures().stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet())
				: input.template() == null ? Set.of() : input.template().defaultFigures();
		return new NewArea(input.template(), name, figures);
	}

	private static String text(@Nullable String text, int max, String code) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty() || value.length() > max) {
			throw KejiaoException.invalid(code);
		}
		return value;
	}

	private static String region(AgreementView agreement) {
		return agreement.parties().getFirst().regionCode();
	}

	private static Map<String, Object> progress(AgreementView.Task task) {
		Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("state", task.state().name());
		if (task.percent() != null) {
			state.put("percent", task.percent());
		}
		if (task.stage() != null) {
			state.put("stage", task.stage());
		}
		return state;
	}
}
