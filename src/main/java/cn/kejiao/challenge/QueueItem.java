package cn.kejiao.challenge;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An application in a panellist's queue, with that panellist's own scores (null until scored). */
public record QueueItem(UUID applicationId, String applicantName, String team, String proposal,
		@Nullable String attachmentName, @Nullable Map<String, Integer> myScores, @Nullable BigDecimal myTotal,
		@Nullable String myComment) {
}
