package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

/** An instrument's time became free (a booking cancelled, rejected or not come to): whoever waits for it is offered it. */
public record TimeReleased(UUID instrumentId, Instant start, Instant end) {
}
