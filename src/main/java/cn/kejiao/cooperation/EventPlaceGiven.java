package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.UUID;

/** A place freed by a cancellation went to the first person on the waiting list, who is now admitted. */
public record EventPlaceGiven(UUID eventId, String eventTitle, Instant startsAt, String place, UUID registrationId,
		String username) {
}
