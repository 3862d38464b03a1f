package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.UUID;

/** An event was created (as a draft or open) or moved on to {@code state}; it starts at {@code startsAt}. */
public record EventStateChanged(UUID eventId, EventState state, Instant startsAt) {
}
