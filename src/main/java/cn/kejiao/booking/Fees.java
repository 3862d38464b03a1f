package cn.kejiao.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.KejiaoException;

/**
 * What a booking costs: the booker's price group (internal for the owner's own organisation, external for any
 * other) × the actual use — hours to the minute, samples, or runs — rounded half up to the fen.
 */
@Component
class Fees {

	/** The quantity used: actual hours (two decimals) for an hourly price, else the samples or runs counted. */
	static BigDecimal quantity(Unit unit, Instant actualStart, Instant actualEnd, @Nullable BigDecimal counted) {
		if (unit == Unit.HOUR) {
			return ReservationRows.hours(actualStart, actualEnd);
		}
		if (counted == null || counted.signum() <= 0 || counted.stripTrailingZeros().scale() > 0) {
			throw KejiaoException.invalid("booking.quantity-required", unit.name());
		}
		return counted;
	}

	/** The fee in fen of a use: per hour by the minute, else per sample or run. */
	static long fee(Unit unit, long unitPriceFen, Instant actualStart, Instant actualEnd, BigDecimal quantity) {
		if (unit == Unit.HOUR) {
			long minutes = Duration.between(actualStart, actualEnd).toMinutes();
			return BigDecimal.valueOf(unitPriceFen).multiply(BigDecimal.valueOf(minutes))
				.divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).longValueExact();
		}
		return BigDecimal.valueOf(unitPriceFen).multiply(quantity).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}
}
