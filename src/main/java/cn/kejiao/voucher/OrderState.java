package cn.kejiao.voucher;

import java.util.EnumSet;
import java.util.Set;

import cn.kejiao.platform.KejiaoException;

/**
 * Where a service order stands, and which step may be taken from where. Every step, taken alone or in a batch
 * of many ({@link OrderSteps}), asks {@link #take(Step)} first, so the rule is written once and a step from a
 * wrong state is refused with the same code everywhere.
 */
enum OrderState {

	REQUESTED, QUOTED, ACCEPTED, DELIVERED, CONFIRMED, DISPUTED, CANCELLED;

	/** A step of an order, the states it may be taken from and the state it leads to. */
	enum Step {

		/** The provider names its price, again until the enterprise accepts. */
		QUOTE(QUOTED, REQUESTED, QUOTED),
		/** The enterprise accepts the quote; a voucher part is held. */
		ACCEPT(ACCEPTED, QUOTED),
		/** The provider delivers. */
		DELIVER(DELIVERED, ACCEPTED),
		/** The enterprise confirms the delivery; the hold is posted. */
		CONFIRM(CONFIRMED, DELIVERED),
		/** Either side cancels before delivery; the hold is voided. */
		CANCEL(CANCELLED, REQUESTED, QUOTED, ACCEPTED),
		/** The enterprise disputes the delivery instead of confirming it. */
		DISPUTE(DISPUTED, DELIVERED),
		/** The provider's region admin lets the delivery stand. */
		UPHOLD(CONFIRMED, DISPUTED),
		/** The provider's region admin cancels a disputed order. */
		OVERRULE(CANCELLED, DISPUTED),
		/** An accepted order whose hold lapsed without delivery. */
		LAPSE(CANCELLED, ACCEPTED);

		private final OrderState to;
		private final Set<OrderState> from;

		Step(OrderState to, OrderState first, OrderState... more) {
			this.to = to;
			this.from = EnumSet.of(first, more);
		}

		OrderState to() {
			return to;
		}
	}

	/** Whether the step may be taken from this state. */
	boolean allows(Step step) {
		return step.from.contains(this);
	}

	/** The state the step leads to; refused with {@code order.state} (409) where the step is not allowed. */
	OrderState take(Step step) {
		if (!allows(step)) {
			throw KejiaoException.conflict("order.state", name());
		}
		return step.to;
	}
}
