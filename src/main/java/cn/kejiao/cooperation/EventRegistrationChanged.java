package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration for an event was made, cancelled, or admitted from the waiting list; it was made at
 * {@code registeredAt}.
 */
public record EventRegistrationChanged(UUID eventId, UUID registrationId, EventRegistrationState state,
		Instant registeredAt) {
}
