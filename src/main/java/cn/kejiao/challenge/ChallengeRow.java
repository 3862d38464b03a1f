package cn.kejiao.challenge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Actor;

/**
 * A challenge as its row holds it, with the counts and names the pages show beside it. Amounts in fen; {@code state}
 * as stored ({@link #stateAt} says where it is now).
 */
record ChallengeRow(UUID id, String number, String title, String problem, String targetsJson, long bounty,
		List<String> eligibleRegions, List<String> eligibleZones, List<String> eligibleOrgTypes, Instant deadline,
		int noticeDays, ChallengeState state, @Nullable UUID publisherOrgId, String publisherName, String regionCode,
		Instant createdAt, @Nullable Instant noticeEndsAt, String decision, long applications, List<String> panel,
		List<Announcements.Stored> announcements, String requirements) {

	/**
	 * Who acts for the publisher: the publishing organisation, the admins governing the challenge's region and
	 * the platform admins. They alone see a draft, manage the steps and read every application.
	 */
	boolean isManagedBy(Actor actor) {
		return actor.isPlatformAdmin() || publisherOrgId != null && publisherOrgId.equals(actor.organisationId())
				|| actor.isRegionAdmin() && actor.governs(regionCode);
	}

	/** Whether the reader may see it at all: a draft only its publisher. */
	boolean isVisibleTo(@Nullable Actor reader) {
		return state != ChallengeState.DRAFT || reader != null && isManagedBy(reader);
	}

	ChallengeState stateAt(Instant now) {
		return ChallengeState.at(state, noticeEndsAt, now);
	}

	/** What a reader is told at {@code now}: {@link ChallengeStatus}. */
	ChallengeStatus statusAt(Instant now) {
		return ChallengeStatus.of(stateAt(now), deadline, now);
	}
}
