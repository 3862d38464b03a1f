package cn.kejiao.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionFlow;

/**
 * The days a dashboard reads, both included (China time): {@code from} and {@code to} as ISO dates ({@code 2026-03-15})
 * or months ({@code 2026-03}: its first day for {@code from}, its last for {@code to}); left out, from the 1st of
 * January of this year to today. {@code insight.date} (400) for a text that is neither, {@code flows.span} (400) for
 * a period running backwards or longer than ten years.
 */
record InsightPeriod(LocalDate from, LocalDate to) {

	static InsightPeriod of(@Nullable String from, @Nullable String to, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDate first = from == null || from.isBlank() ? today.withDayOfYear(1) : parse(from.strip(), "from", true);
		LocalDate last = to == null || to.isBlank() ? today : parse(to.strip(), "to", false);
		RegionFlow.requireSpan(first, last);
		return new InsightPeriod(first, last);
	}

	/** This year so far. */
	static InsightPeriod thisYear(Clock clock) {
		return of(null, null, clock);
	}

	private static LocalDate parse(String text, String field, boolean start) {
		try {
			if (text.length() == 7) {
				YearMonth month = YearMonth.parse(text);
				return start ? month.atDay(1) : month.atEndOfMonth();
			}
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("insight.date", field, text);
		}
	}
}
