package cn.kejiao.challenge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.kejiao.platform.Money;

/**
 * The publisher awarded a challenge; the result is public, in its notice period until {@code noticeEndsAt}.
 *
 * @param winners the awarded organisations and their amounts
 * @param otherApplicantOrgIds the organisations that applied and were not awarded
 */
public record ChallengeAwarded(UUID challengeId, String title, Instant noticeEndsAt, List<Winner> winners,
		List<UUID> otherApplicantOrgIds) {

	public ChallengeAwarded {
		winners = List.copyOf(winners);
		otherApplicantOrgIds = List.copyOf(otherApplicantOrgIds);
	}

	public record Winner(UUID organisationId, Money amount) {
	}
}
