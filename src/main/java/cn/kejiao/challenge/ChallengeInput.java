package cn.kejiao.challenge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;

/** How the challenge steps read what people type: texts within bounds, deadlines in China time. */
final class ChallengeInput {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ChallengeInput() {
	}

	/** The stripped text, refused with {@code code} when shorter than {@code min} or longer than {@code max}. */
	static String text(@Nullable String text, int min, int max, String code) {
		String value = text == null ? "" : text.strip();
		if (value.length() < min || value.length() > max) {
			throw KejiaoException.invalid(code);
		}
		return value;
	}

	/**
	 * A deadline: a date (applications close at the end of that day in China), an ISO date-time with an offset,
	 * or a date and time without one (a form's datetime-local), taken as China time.
	 */
	static Instant deadline(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw KejiaoException.invalid("request.missing-parameter", "deadline");
		}
		String value = text.strip();
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant().minusSeconds(1);
			}
			if (value.matches(".*([+-]\\d\\d:\\d\\d|Z)$")) {
				return OffsetDateTime.parse(value).toInstant();
			}
			return LocalDateTime.parse(value).atZone(ChinaTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", "deadline");
		}
	}

	/** A moment as announcements and error messages name it: China time to the minute. */
	static String local(Instant instant) {
		return MINUTES.format(instant.atZone(ChinaTime.ZONE));
	}
}
