package cn.kejiao.booking.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import cn.kejiao.booking.SharingFigures;
import cn.kejiao.platform.KejiaoException;

/**
 * What the sharing figures are asked for, as the API and the page's form send it: a region code and two ISO dates
 * (China time, both included), any of them left out. Kept as typed, so the page shows the form as it was sent.
 */
record SharingQuery(@Nullable String region, @Nullable String from, @Nullable String to) {

	/** The period, this year so far for what is left out; {@code sharing.date-invalid} for a date not ISO. */
	SharingFigures.Period period(SharingFigures figures) {
		return figures.period(date(from, "from"), date(to, "to"));
	}

	private static @Nullable LocalDate date(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("sharing.date-invalid", field, text.strip());
		}
	}
}
