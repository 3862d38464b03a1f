package cn.kejiao.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.RegionCodes;

/**
 * An agreement as its readers see it: the parties, when and where it was signed, its term, whether its text is
 * attached, and its areas with their tasks. Who may read, edit and report is decided here, once
 * ({@link #isReadableBy}, {@link #isEditableBy}, {@link Task#mayReport}).
 */
public record AgreementView(UUID id, AgreementKind kind, String title, List<Party> parties, @Nullable LocalDate signedOn,
		String signedPlace, @Nullable LocalDate termStart, @Nullable LocalDate termEnd, String summary,
		@Nullable String textName, List<Area> areas, String createdBy, Instant createdAt) {

	/** A party: a region (and everything below it), with the organisation that signed for it when named. */
	public record Party(String regionCode, String signatory) {
	}

	/** An area of cooperation: its name, the template it came from (if any), the live figures it measures, its tasks. */
	public record Area(UUID id, @Nullable AreaTemplate template, String name, Set<FigureKind> figures, List<Task> tasks) {
	}

	/** A task under an area, owned by an organisation, due on a date. */
	public record Task(UUID id, UUID areaId, String title, UUID ownerOrgId, String ownerOrgName, String ownerRegion,
			LocalDate dueOn, TaskState state, @Nullable Integer percent, @Nullable String stage,
			@Nullable Instant overdueFlaggedAt, List<Report> reports) {

		/** Due date passed while the task is still open, as of {@code today} (China time). */
		public boolean overdueOn(LocalDate today) {
			return state.isOpen() && dueOn.isBefore(today);
		}

		/** The members of the owner organisation report on their task; so do the agreement's editors. */
		public boolean mayReport(Actor actor, AgreementView agreement) {
			return ownerOrgId.equals(actor.organisationId()) || agreement.isEditableBy(actor);
		}
	}

	/** A progress report on a task, with the files attached to it. */
	public record Report(UUID id, String text, @Nullable Integer percent, @Nullable String stage, TaskState state,
			String reporterName, String reporterOrg, Instant reportedAt, List<FileRef> files) {
	}

	/** A file attached to a report: what to call it and where to fetch it. */
	public record FileRef(UUID id, String name, int size) {
	}

	/** The parties' region codes, in the agreement's order. */
	public List<String> partyRegions() {
		return parties.stream().map(Party::regionCode).toList();
	}

	/** The area of that id. */
	public @Nullable Area area(UUID areaId) {
		return areas.stream().filter(a -> a.id().equals(areaId)).findFirst().orElse(null);
	}

	/** The task of that id, in whichever area. */
	public @Nullable Task task(UUID taskId) {
		return areas.stream().flatMap(a -> a.tasks().stream()).filter(t -> t.id().equals(taskId)).findFirst()
			.orElse(null);
	}

	/**
	 * The platform admin; a region admin whose region is within a party or has a party within it; a member of an
	 * organisation that owns one of its tasks. Anyone else is told the agreement does not exist.
	 */
	public boolean isReadableBy(Actor actor) {
		if (actor.isPlatformAdmin()) {
			return true;
		}
		if (actor.isRegionAdmin() && parties.stream().anyMatch(p -> RegionCodes.isWithin(actor.regionCode(), p.regionCode())
				|| RegionCodes.isWithin(p.regionCode(), actor.regionCode()))) {
			return true;
		}
		return actor.organisationId() != null && areas.stream().flatMap(a -> a.tasks().stream())
			.anyMatch(t -> t.ownerOrgId().equals(actor.organisationId()));
	}

	/** The platform admin, or a region admin governing one of the parties: they edit areas and tasks. */
	public boolean isEditableBy(Actor actor) {
		return isEditable(actor, partyRegions());
	}

	/** Whether the actor may create or edit an agreement between these parties. */
	static boolean isEditable(Actor actor, List<String> partyRegions) {
		return actor.isPlatformAdmin() || actor.isRegionAdmin() && partyRegions.stream().anyMatch(actor::governs);
	}
}
