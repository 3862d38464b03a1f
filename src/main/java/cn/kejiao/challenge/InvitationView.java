package cn.kejiao.challenge;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An expert's invitation to a challenge's panel as the publisher follows it: INVITED (no answer yet), ACCEPTED
 * (on the panel; {@code scored} of {@code toScore} applications scored) or DECLINED with the expert's reason and
 * whether it declared a conflict of interest. A panellist put on the panel directly has no due date.
 */
public record InvitationView(UUID userId, String username, String displayName, @Nullable String organisationName,
		String state, @Nullable Instant reviewDue, boolean conflict, String reason, @Nullable Instant answeredAt,
		long toScore, long scored) {
}
