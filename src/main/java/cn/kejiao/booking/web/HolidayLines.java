package cn.kejiao.booking.web;

import java.util.List;
import java.util.stream.Collectors;

import cn.kejiao.booking.WorkingCalendar;
import cn.kejiao.platform.KejiaoException;

/** A year's announced days as the admin reads and writes them: one {@code date,kind,name} a line. */
final class HolidayLines {

	private HolidayLines() {
	}

	static String text(List<WorkingCalendar.Day> days) {
		return days.stream().map(day -> day.day() + "," + day.kind().name() + "," + day.name())
			.collect(Collectors.joining("\n"));
	}

	/** A year the calendar may hold: 2000–2100. */
	static int year(int year) {
		if (year < 2000 || year > 2100) {
			throw KejiaoException.invalid("booking.holiday-year", year);
		}
		return year;
	}
}
