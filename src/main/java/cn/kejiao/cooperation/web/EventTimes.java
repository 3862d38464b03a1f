package cn.kejiao.cooperation.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import cn.kejiao.platform.ChinaTime;

/** An event's time on the pages ({@code ${@eventTimes.span(start, end)}}): China time, the date once when one day. */
@Component("eventTimes")
class EventTimes {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	public String span(Instant start, Instant end) {
		ZonedDateTime from = start.atZone(ChinaTime.ZONE);
		ZonedDateTime until = end.atZone(ChinaTime.ZONE);
		return MINUTES.format(from) + "–"
				+ (from.toLocalDate().equals(until.toLocalDate()) ? TIME.format(until) : MINUTES.format(until));
	}
}
