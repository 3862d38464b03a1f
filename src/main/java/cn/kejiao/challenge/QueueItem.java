package cn.kejiao.challenge;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An application in a panellist's queue, with that panellist's own scores (null until scored). {@code label}
 * (申请人 A, B, …) names it for the panel; while the review is blind ({@link BlindReview}) the applicant's name,
 * its team and the attachment's file name are null, and {@code hasAttachment} says whether there is one.
 */
public record QueueItem(UUID applicationId, String label, @Nullable String applicantName, @Nullable String team,
		String proposal, boolean hasAttachment, @Nullable String attachmentName, @Nullable Map<String, Integer> myScores,
		@Nullable BigDecimal myTotal, @Nullable String myComment) {
}
