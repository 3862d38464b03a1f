package cn.kejiao.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;

/**
 * How an instrument may be booked, as its owner keeps it: open hours on which days (China time; on working days
 * only, following the holidays and 调休 of {@link WorkingCalendar}), slot length, shortest and longest booking,
 * how far ahead, whether the owner approves each booking, whether the booker must be trained, until when a
 * booking may be cancelled, and who operates the instrument. {@code configured} is false while the owner has
 * not set them and the defaults apply. The one check of a requested time against them is {@link #check}.
 * @param openUntil the end of the open hours; 00:00 means midnight at the end of the day
 * @param openDays ISO days of week (1 = Monday)
 */
public record Rules(UUID instrumentId, LocalTime openFrom, LocalTime openUntil, List<Integer> openDays,
		boolean workingDaysOnly, int slotMinutes, int minMinutes, int maxMinutes, int horizonDays, boolean approval,
		boolean trainingRequired, int cancelHours, Mode mode, boolean configured) {

	/** What an instrument whose owner set nothing follows: 09:00–17:00 on working days, half-hour slots, 60 days ahead. */
	static Rules defaults(UUID instrumentId, boolean approval, Mode mode) {
		return new Rules(instrumentId, LocalTime.of(9, 0), LocalTime.of(17, 0), List.of(1, 2, 3, 4, 5), true, 30, 30, 480,
				60, approval, false, 24, mode, false);
	}

	/** The open hours' length in minutes on an open day (24 hours when from 00:00 to 00:00). */
	int openMinutes() {
		int from = openFrom.toSecondOfDay() / 60;
		int until = openUntil.equals(LocalTime.MIDNIGHT) ? 24 * 60 : openUntil.toSecondOfDay() / 60;
		return until - from;
	}

	/** Refuses rules that contradict themselves, each with its own code. */
	void validate() {
		if (openMinutes() <= 0) {
			throw KejiaoException.invalid("booking.rules-hours");
		}
		if (openDays.isEmpty() || openDays.stream().anyMatch(d -> d < 1 || d > 7)) {
			throw KejiaoException.invalid("booking.rules-days");
		}
		if (slotMinutes < 5 || slotMinutes > 1440 || minMinutes % slotMinutes != 0 || maxMinutes % slotMinutes != 0
				|| minMinutes <= 0 || maxMinutes < minMinutes) {
			throw KejiaoException.invalid("booking.rules-durations", slotMinutes, minMinutes, maxMinutes);
		}
		if (horizonDays < 1 || horizonDays > 366 || cancelHours < 0 || cancelHours > 24 * 30) {
			throw KejiaoException.invalid("booking.rules-limits");
		}
	}

	/** Whether the instrument is open on the day at all (its days of week; working days only when so set). */
	boolean openOn(LocalDate day, Map<LocalDate, WorkingCalendar.Day> special) {
		if (workingDaysOnly) {
			// a make-up working Saturday (调休) opens an instrument that is open on working days
			return WorkingCalendar.isWorkingDay(day, special);
		}
		return openDays.contains(day.getDayOfWeek().getValue());
	}

	/**
	 * Checks a requested time against the rules, the most basic failure first, each with its own code: the
	 * period itself ({@code booking.period-invalid}), in the past ({@code booking.in-past}), beyond the horizon
	 * ({@code booking.too-far-ahead}), not on the slot grid ({@code booking.off-slot}), shorter or longer than
	 * allowed ({@code booking.too-short}, {@code booking.too-long}), on a holiday ({@code booking.holiday}) or a
	 * closed day ({@code booking.closed-day}), outside the open hours ({@code booking.outside-hours}). A booking
	 * may run across midnight when the instrument is open on both sides of it.
	 */
	void check(Instant start, Instant end, Instant now, Map<LocalDate, WorkingCalendar.Day> special) {
		if (!end.isAfter(start)) {
			throw KejiaoException.invalid("booking.period-invalid");
		}
		if (start.isBefore(now)) {
			throw KejiaoException.invalid("booking.in-past");
		}
		if (start.isAfter(now.plus(Duration.ofDays(horizonDays)))) {
			throw KejiaoException.invalid("booking.too-far-ahead", horizonDays);
		}
		ZonedDateTime from = start.atZone(ChinaTime.ZONE);
		ZonedDateTime until = end.atZone(ChinaTime.ZONE);
		if (!onGrid(from) || !onGrid(until)) {
			throw KejiaoException.invalid("booking.off-slot", slotMinutes);
		}
		long minutes = Duration.between(start, end).toMinutes();
		if (minutes < minMinutes) {
			throw KejiaoException.invalid("booking.too-short", minMinutes);
		}
		if (minutes > maxMinutes) {
			throw KejiaoException.invalid("booking.too-long", maxMinutes);
		}
		for (LocalDate day = from.toLocalDate(); day.atStartOfDay(ChinaTime.ZONE).isBefore(until); day = day.plusDays(1)) {
			if (!openOn(day, special)) {
				WorkingCalendar.Day holiday = special.get(day);
				if (holiday != null && holiday.kind() == WorkingCalendar.Kind.HOLIDAY) {
					throw KejiaoException.invalid("booking.holiday", day.toString(), holiday.name());
				}
				throw KejiaoException.invalid("booking.closed-day", day.toString());
			}
			ZonedDateTime dayStart = day.atStartOfDay(ChinaTime.ZONE);
			ZonedDateTime opens = dayStart.plusMinutes(openFrom.toSecondOfDay() / 60);
			ZonedDateTime closes = opens.plusMinutes(openMinutes());
			ZonedDateTime partFrom = from.isAfter(dayStart) ? from : dayStart;
			ZonedDateTime nextDay = day.plusDays(1).atStartOfDay(ChinaTime.ZONE);
			ZonedDateTime partUntil = until.isBefore(nextDay) ? until : nextDay;
			if (partFrom.isBefore(opens) || partUntil.isAfter(closes)) {
				throw KejiaoException.invalid("booking.outside-hours", openFrom.toString(), closesText());
			}
		}
	}

	String closesText() {
		return openUntil.equals(LocalTime.MIDNIGHT) ? "24:00" : openUntil.toString();
	}

	private boolean onGrid(ZonedDateTime time) {
		long sinceOpen = ChronoUnit.MINUTES.between(time.toLocalDate().atStartOfDay(ChinaTime.ZONE).plusMinutes(
				openFrom.toSecondOfDay() / 60), time);
		return time.getSecond() == 0 && time.getNano() == 0 && Math.floorMod(sinceOpen, slotMinutes) == 0;
	}

	/** The open windows of a day, China time (none when closed). */
	List<Instant[]> openWindows(LocalDate day, Map<LocalDate, WorkingCalendar.Day> special) {
		if (!openOn(day, special)) {
			return List.of();
		}
		ZonedDateTime opens = day.atStartOfDay(ChinaTime.ZONE).plusMinutes(openFrom.toSecondOfDay() / 60);
		return List.<Instant[]>of(new Instant[] { opens.toInstant(), opens.plusMinutes(openMinutes()).toInstant() });
	}
}
