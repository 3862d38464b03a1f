package cn.kejiao.booking;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.voucher.InstrumentUseOrders;

/**
 * Where a booking's fee is paid: through a service order of the voucher module (hold at approval, post at billing,
 * void at cancellation), so that a voucher pays part of it exactly as for a service and no money moves any other
 * way. Only an outside organisation's use is an order; the owner's own people pay the internal price, recorded on
 * the booking as internal income, with no order and no voucher (decision 0017).
 */
@Component
class BookingFees {

	private final InstrumentUseOrders orders;

	BookingFees(InstrumentUseOrders orders) {
		this.orders = orders;
	}

	/**
	 * Refuses a grant that cannot pay for this booking before anything is booked: on an own instrument
	 * ({@code booking.grant-internal}), on an instrument without a price ({@code booking.grant-unpriced}), and
	 * whatever the voucher module's rule refuses (not the booker's own, lapsed, not accepted where the owner is or for
	 * testing, empty, the booker not an enterprise).
	 */
	void checkGrant(Reservations.Booker booker, Instrument instrument, @Nullable UUID grantId) {
		if (grantId == null) {
			return;
		}
		if (instrument.ownerOrgId().equals(booker.organisation().id())) {
			throw KejiaoException.invalid("booking.grant-internal");
		}
		Long price = instrument.priceFor(true);
		if (price == null || price <= 0) {
			throw KejiaoException.invalid("booking.grant-unpriced", instrument.title());
		}
		orders.checkGrant(grantId, instrument.ownerOrgId());
	}

	/**
	 * The booking was approved: opens its service order at the estimate (the booker's price × the booked time, or
	 * one sample or run) and holds the voucher part; the order's id, or null for an internal or unpriced use.
	 */
	@Nullable
	UUID approved(BookingView booking) {
		long estimate = estimate(booking);
		if (!booking.external() || estimate <= 0) {
			return null;
		}
		return orders.open(new InstrumentUseOrders.Use(booking.id(), booking.number(),
				Times.shortText(booking.start(), booking.end()), booking.end(), booking.bookerOrgId(), booking.ownerOrgId(),
				booking.instrumentId(), booking.instrumentTitle(), new Money(estimate), booking.grantId()));
	}

	/** What the booked time costs at the booker's price: the amount held against at approval. */
	static long estimate(BookingView booking) {
		Money price = booking.unitPrice();
		return price == null ? 0 : Fees.fee(booking.unit(), price.fen(), booking.start(), booking.end(), BigDecimal.ONE);
	}

	/** The booking was cancelled, rejected or not come to: its held voucher part goes back. */
	void cancelled(BookingView booking, String reason) {
		if (booking.orderId() != null) {
			orders.cancel(booking.id(), reason);
		}
	}

	/** The use was billed: the order is charged the actual fee, the voucher posting its part of it to the owner. */
	void billed(BookingView booking) {
		if (booking.orderId() != null) {
			orders.bill(booking.id(), booking.fee() == null ? Money.ZERO : booking.fee());
		}
	}
}
