package cn.kejiao.booking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.kejiao.platform.KejiaoException;

/**
 * A booking's life: requested → approved (or rejected) → checked in → used → billed; cancelled before use, or
 * no-show when the booker did not come. Which step is allowed from which state is this one table; the states
 * that hold their time on the instrument are {@link #HOLDS_TIME}, the same list as the exclusion constraint's.
 */
public enum BookingState {
	REQUESTED, APPROVED, REJECTED, CHECKED_IN, USED, BILLED, CANCELLED, NO_SHOW;

	/** The states whose time no other booking may overlap (booking.reservation_no_overlap). */
	public static final Set<BookingState> HOLDS_TIME = EnumSet.of(REQUESTED, APPROVED, CHECKED_IN, USED, BILLED);

	public enum Step {
		APPROVE, REJECT, CANCEL, CHECK_IN, COMPLETE, BILL, NO_SHOW
	}

	private static final Map<Step, Set<BookingState>> FROM = Map.of(
			Step.APPROVE, EnumSet.of(REQUESTED),
			Step.REJECT, EnumSet.of(REQUESTED),
			Step.CANCEL, EnumSet.of(REQUESTED, APPROVED),
			Step.CHECK_IN, EnumSet.of(APPROVED),
			Step.COMPLETE, EnumSet.of(CHECKED_IN),
			Step.BILL, EnumSet.of(USED),
			Step.NO_SHOW, EnumSet.of(APPROVED));

	public boolean allows(Step step) {
		return FROM.get(step).contains(this);
	}

	/** Refuses a step from this state with {@code booking.state} (409), naming the state. */
	void take(Step step) {
		if (!allows(step)) {
			throw KejiaoException.conflict("booking.state", name(), step.name());
		}
	}

	public boolean holdsTime() {
		return HOLDS_TIME.contains(this);
	}
}
