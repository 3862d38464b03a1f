package cn.kejiao.challenge;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A challenge in an expert's "my reviews": its invitation (INVITED, ACCEPTED, DECLINED), by when the review is
 * due, where the challenge is, and how many of the applications the expert may score it has scored.
 * {@code pending} when it waits on the expert — an answer to the invitation, or scores while the challenge is in
 * review; {@code overdue} when that is so after the due date.
 */
public record MyReview(UUID challengeId, String number, String title, String publisherName, String invitation,
		@Nullable Instant reviewDue, String challengeState, long toScore, long scored, boolean pending, boolean overdue,
		boolean conflict, String reason) {
}
