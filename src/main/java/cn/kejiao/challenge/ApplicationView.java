package cn.kejiao.challenge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An application (揭榜) as its team and the publisher see it, with what the publisher announced since, its receipt
 * number (回执编号, never changes) and when it was last changed (null if never).
 */
public record ApplicationView(UUID id, UUID challengeId, UUID applicantOrgId, String applicantName, String team,
		String proposal, @Nullable String attachmentName, Instant submittedAt, @Nullable String awardedAmount,
		List<String> announcements, String receipt, @Nullable Instant updatedAt) {
}
