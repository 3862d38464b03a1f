package cn.kejiao.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: the system time plus an offset that a test moves forward, so that a rule
 * about time passing (a lock that expires, a deadline, a notice period) is tested without waiting. Time keeps
 * flowing, so timeouts and ordering by timestamp behave as in production; {@link #reset()} (done after every
 * test by {@link ResetClock}) puts it back to the system time.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Duration> offset;
	private final ZoneId zone;

	public MutableClock() {
		this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
	}

	private MutableClock(AtomicReference<Duration> offset, ZoneId zone) {
		this.offset = offset;
		this.zone = zone;
	}

	/** Moves the time forward (or back, with a negative duration) for every reader of the clock. */
	public void advance(Duration duration) {
		offset.accumulateAndGet(duration, Duration::plus);
	}

	/** Jumps to the instant; time flows on from there. */
	public void set(Instant instant) {
		offset.set(Duration.between(Instant.now(), instant));
	}

	/** Whether the clock runs ahead of the system time (a test moved it forward). */
	public boolean ahead() {
		return offset.get().compareTo(Duration.ofMinutes(1)) > 0;
	}

	/** Back to the system time. */
	public void reset() {
		offset.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		// plus the calling thread's shift, as the application's own clock does (TimeShift)
		return Instant.now().plus(offset.get()).plus(cn.kejiao.platform.TimeShift.current());
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** The same moving time seen in another zone; advancing either moves both. */
	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(offset, zone);
	}
}
