package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A place on an instrument's waiting list, as the person waiting sees it. {@code ahead}: how many still wait before
 * it for time that overlaps its own (0 when it is next, or offered). While {@link State#OFFERED} the person may take
 * the time until {@code offerExpiresAt}; {@code reservationId} is the booking made of it once {@link State#TAKEN}.
 */
public record WaitingView(UUID id, UUID instrumentId, String instrumentTitle, Instant start, Instant end, String purpose,
		State state, int ahead, @Nullable Instant offeredAt, @Nullable Instant offerExpiresAt, @Nullable UUID reservationId,
		Instant createdAt) {

	/** WAITING in line; OFFERED the time; TAKEN (booked); LAPSED (offer not taken, or the time passed); WITHDRAWN. */
	public enum State {
		WAITING, OFFERED, TAKEN, LAPSED, WITHDRAWN;

		public boolean live() {
			return this == WAITING || this == OFFERED;
		}
	}
}
