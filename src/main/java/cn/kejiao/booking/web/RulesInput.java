package cn.kejiao.booking.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.booking.Mode;
import cn.kejiao.booking.Rules;
import cn.kejiao.platform.KejiaoException;

/**
 * Booking rules as the API and the owner's form write them: times as {@code HH:mm} (24:00 for midnight at the end
 * of the day), days as ISO numbers (1 = Monday). A field left out keeps the value in force.
 */
record RulesInput(@Nullable String openFrom, @Nullable String openUntil, @Nullable List<Integer> openDays,
		@Nullable Boolean workingDaysOnly, @Nullable Integer slotMinutes, @Nullable Integer minMinutes,
		@Nullable Integer maxMinutes, @Nullable Integer horizonDays, @Nullable Boolean approval,
		@Nullable Boolean trainingRequired, @Nullable Integer cancelHours, @Nullable String mode) {

	/** The rules in force, written the same way. */
	static RulesInput of(Rules rules) {
		return new RulesInput(time(rules.openFrom(), false), time(rules.openUntil(), true), rules.openDays(),
				rules.workingDaysOnly(), rules.slotMinutes(), rules.minMinutes(), rules.maxMinutes(), rules.horizonDays(),
				rules.approval(), rules.trainingRequired(), rules.cancelHours(), rules.mode().name());
	}

	/** The rules to save: what was given over what is in force. */
	Rules over(Rules current) {
		return new Rules(current.instrumentId(), openFrom == null ? current.openFrom() : parse(openFrom, "openFrom"),
				openUntil == null ? current.openUntil() : parse(openUntil, "openUntil"),
				openDays == null ? current.openDays() : openDays.stream().distinct().sorted().toList(),
				workingDaysOnly == null ? current.workingDaysOnly() : workingDaysOnly,
				slotMinutes == null ? current.slotMinutes() : slotMinutes,
				minMinutes == null ? current.minMinutes() : minMinutes,
				maxMinutes == null ? current.maxMinutes() : maxMinutes,
				horizonDays == null ? current.horizonDays() : horizonDays, approval == null ? current.approval() : approval,
				trainingRequired == null ? current.trainingRequired() : trainingRequired,
				cancelHours == null ? current.cancelHours() : cancelHours,
				mode == null || mode.isBlank() ? current.mode() : mode(mode), true);
	}

	static String time(LocalTime time, boolean end) {
		return end && time.equals(LocalTime.MIDNIGHT) ? "24:00" : time.toString();
	}

	private static LocalTime parse(String text, String field) {
		String value = text.strip();
		if (value.equals("24:00") || value.equals("24:00:00")) {
			return LocalTime.MIDNIGHT;
		}
		try {
			return LocalTime.parse(value.length() == 4 ? "0" + value : value);
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("booking.rules-time", field, value);
		}
	}

	private static Mode mode(String text) {
		try {
			return Mode.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid("booking.rules-mode", text);
		}
	}

	/** The rules of an instrument, as the API answers. */
	record Answer(UUID instrumentId, String openFrom, String openUntil, List<Integer> openDays, boolean workingDaysOnly,
			int slotMinutes, int minMinutes, int maxMinutes, int horizonDays, boolean approval, boolean trainingRequired,
			int cancelHours, Mode mode, boolean configured) {

		static Answer of(Rules rules) {
			return new Answer(rules.instrumentId(), time(rules.openFrom(), false), time(rules.openUntil(), true),
					rules.openDays(), rules.workingDaysOnly(), rules.slotMinutes(), rules.minMinutes(), rules.maxMinutes(),
					rules.horizonDays(), rules.approval(), rules.trainingRequired(), rules.cancelHours(), rules.mode(),
					rules.configured());
		}
	}
}
