package cn.kejiao.trading.web;

import cn.kejiao.platform.ChinaTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import cn.kejiao.platform.KejiaoException;

/** How the auction pages read and group times: China time, a day of the calendar, a {@code datetime-local} field. */
final class AuctionTimes {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

	static String day(@Nullable Instant at) {
		return at == null ? "" : DAY.format(at);
	}

	private AuctionTimes() {
	}

	/** A time typed in a {@code datetime-local} field: China time. */
	static Instant local(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw KejiaoException.invalid("auction.field-required", field).with("field", field);
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(ChinaTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("auction.time-invalid", text.strip()).with("field", field);
		}
	}
}
