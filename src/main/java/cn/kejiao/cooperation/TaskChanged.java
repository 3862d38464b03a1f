package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A task of an agreement was changed or reported on (its owner, due date or state may have moved). Carries what it
 * was before the change, so a reader of its figures knows which days they changed on besides today.
 *
 * @param doneAtBefore when it was done, if it was done before the change
 * @param overdueFlaggedAtBefore when it was flagged overdue, if it was flagged before the change
 */
public record TaskChanged(UUID agreementId, UUID taskId, @Nullable Instant doneAtBefore,
		@Nullable Instant overdueFlaggedAtBefore) {
}
