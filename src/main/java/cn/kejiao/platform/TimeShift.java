package cn.kejiao.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Runs a step as if it happened at another time, on the calling thread only: every clock of the application adds
 * the shift while the step runs, and no other thread (no request being served meanwhile) sees it. The demo data
 * uses it to replay what happened in the weeks before the first start (instruments booked, used and billed)
 * through the facades, with all their rules, instead of writing rows.
 */
public final class TimeShift {

	private static final ThreadLocal<Duration> SHIFT = ThreadLocal.withInitial(() -> Duration.ZERO);

	private TimeShift() {
	}

	/** Runs the step with the application's clocks showing {@code when} (flowing on from there). */
	public static <T> T at(Instant when, Clock clock, Supplier<T> step) {
		Duration previous = SHIFT.get();
		SHIFT.set(previous.plus(Duration.between(clock.instant(), when)));
		try {
			return step.get();
		}
		finally {
			SHIFT.set(previous);
		}
	}

	/** The shift of the calling thread (zero outside {@link #at}). */
	public static Duration current() {
		return SHIFT.get();
	}

	/** A clock that shows the base clock's time plus the calling thread's shift. */
	public static Clock shifting(Clock base) {
		return new Shifting(base);
	}

	private static final class Shifting extends Clock {

		private final Clock base;

		Shifting(Clock base) {
			this.base = base;
		}

		@Override
		public Instant instant() {
			return base.instant().plus(SHIFT.get());
		}

		@Override
		public ZoneId getZone() {
			return base.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new Shifting(base.withZone(zone));
		}
	}
}
