package cn.kejiao.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.RegionCodes;

/**
 * A commission of an S&T commissioner (科技特派员): the expert, the region that commissioned it, the side it serves
 * (an enterprise, a named village in its region, or a county) and the period; its service log and the served
 * side's rating.
 *
 * @param servedRegion the region of the served side: the enterprise's region, the village's or the county
 * @param active whether today lies in the period
 */
public record CommissionView(UUID id, UUID expertUserId, String expertName, String expertOrganisation,
		String regionCode, ServedKind servedKind, @Nullable UUID servedOrgId, String servedName, String servedRegion,
		String focus, LocalDate startsOn, LocalDate endsOn, boolean active, List<LogEntry> log, @Nullable Rating rating,
		String createdBy, Instant createdAt) {

	/** What a commissioner serves. */
	public enum ServedKind {
		ENTERPRISE, VILLAGE, COUNTY
	}

	/** What a log entry records. */
	public enum LogKind {
		VISIT, PROBLEM_SOLVED, TRAINING
	}

	/** One entry of the service log. */
	public record LogEntry(UUID id, LocalDate servedOn, LogKind kind, String description, int peopleTrained,
			String attachmentUrl, String recordedBy, Instant recordedAt) {
	}

	/** The served side's rating of the commission, once for its period. */
	public record Rating(int stars, String comment, String ratedBy, Instant ratedAt) {
	}

	public int peopleTrained() {
		return log.stream().mapToInt(LogEntry::peopleTrained).sum();
	}

	/** Admins governing the commissioning region or the served region (and the platform admin). */
	public boolean isManagedBy(Actor actor) {
		return actor.governs(regionCode) || actor.governs(servedRegion);
	}

	public boolean isCommissioner(Actor actor) {
		return expertUserId.equals(actor.userId());
	}

	/** The served enterprise's members; for a village or a county, the admins governing its region. */
	public boolean isServedSide(Actor actor) {
		return servedOrgId != null ? servedOrgId.equals(actor.organisationId())
				: actor.isRegionAdmin() && RegionCodes.isWithin(servedRegion, actor.regionCode());
	}

	public boolean isReadableBy(Actor actor) {
		return isManagedBy(actor) || isCommissioner(actor) || isServedSide(actor);
	}
}
