package cn.kejiao.booking.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import cn.kejiao.platform.ChinaTime;

/**
 * How the booking pages write times ({@code ${@bookingTimes.value(t)}}): China time, a slot's start as the calendar
 * sends it back ({@code 2026-12-08T09:00}) and as a person reads it.
 */
@Component("bookingTimes")
class BookingTimes {

	private static final DateTimeFormatter VALUE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ChinaTime.ZONE);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ChinaTime.ZONE);
	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

	/** A start as a form or link sends it: China time to the minute, no offset. */
	public String value(Instant at) {
		return VALUE.format(at);
	}

	public String time(Instant at) {
		return TIME.format(at);
	}

	/** 2026-12-08 09:00–11:00, with both dates when it runs over midnight. */
	public String span(Instant start, Instant end) {
		return FULL.format(start) + "–" + (DAY.format(start).equals(DAY.format(end)) ? TIME.format(end) : FULL.format(end));
	}
}
