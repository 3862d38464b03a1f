package cn.kejiao.challenge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.organisation.OrganisationType;

/**
 * A challenge as a reader sees it. {@code state} names a {@link ChallengeState}: DRAFT, OPEN, REVIEW, NOTICE
 * (award published, in its notice period), AWARDED (final). {@code status} names the {@link ChallengeStatus} a
 * reader is told (CLOSED once an open challenge's deadline has passed). The panel's names only for the publisher.
 * {@code requirements}: who may apply, in the publisher's words; {@code files}: the call's documents.
 */
public record ChallengeView(UUID id, String number, String title, String problem, List<Target> targets, String bounty,
		List<String> eligibleRegions, List<String> eligibleZones, List<OrganisationType> eligibleOrgTypes,
		Instant deadline, int noticeDays, String state, String publisherName, String regionCode, Instant createdAt,
		@Nullable Instant noticeEndsAt, String decision, long applications, List<String> panel,
		List<String> announcements, boolean manageable, String status, String requirements, List<ChallengeFile> files) {

	/** A document of the call, downloaded at {@code /challenges/files/{id}}. */
	public record ChallengeFile(UUID id, String name, long size) {
	}
}
