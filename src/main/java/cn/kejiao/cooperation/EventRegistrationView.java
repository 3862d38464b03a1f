package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A registration for an event. {@code position} is the place on the waiting list (1 is next to move up) while
 * waiting, else null; {@code arrival} the order in which registrations were taken in (the lock order).
 */
public record EventRegistrationView(UUID id, UUID eventId, String eventTitle, @Nullable String username,
		String personName, String organisation, String contact, String note, EventRegistrationState state,
		@Nullable Integer position, long arrival, Instant registeredAt, @Nullable Instant admittedAt,
		@Nullable Instant cancelledAt, @Nullable Instant checkedInAt, @Nullable String checkedInBy) {

	public boolean checkedIn() {
		return checkedInAt != null;
	}
}
