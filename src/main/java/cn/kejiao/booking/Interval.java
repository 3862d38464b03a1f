package cn.kejiao.booking;

import java.time.Instant;

/**
 * A piece of an instrument's calendar: FREE to book, TAKEN by a booking (whose, never said, except {@code mine} for
 * the reader's own), or CLOSED by its owner.
 */
public record Interval(Instant start, Instant end, Kind kind, boolean mine) {

	public enum Kind {
		FREE, TAKEN, CLOSED
	}
}
