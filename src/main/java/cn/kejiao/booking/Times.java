package cn.kejiao.booking;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import cn.kejiao.platform.ChinaTime;

/** Times as messages name them: China time, to the minute. */
final class Times {

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private Times() {
	}

	static String text(Instant at) {
		return FULL.format(at.atZone(ChinaTime.ZONE));
	}

	/** 2026-12-08 09:00–11:00, or with both dates when it runs over midnight. */
	static String shortText(Instant start, Instant end) {
		ZonedDateTime from = start.atZone(ChinaTime.ZONE);
		ZonedDateTime until = end.atZone(ChinaTime.ZONE);
		return FULL.format(from) + "–" + (from.toLocalDate().equals(until.toLocalDate()) ? TIME.format(until) : FULL.format(until));
	}
}
