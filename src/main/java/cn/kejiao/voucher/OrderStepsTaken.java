package cn.kejiao.voucher;

import java.util.List;

/**
 * Several orders' steps committed together in one batch (decision 0006), told as one event: storing one event
 * publication per batch rather than per step keeps the money path's cost per step where it was. Each step is
 * inside as the event it would be alone.
 */
public record OrderStepsTaken(List<OrderAccepted> accepted, List<OrderDelivered> delivered,
		List<OrderConfirmed> confirmed) {

	public OrderStepsTaken {
		accepted = List.copyOf(accepted);
		delivered = List.copyOf(delivered);
		confirmed = List.copyOf(confirmed);
	}
}
