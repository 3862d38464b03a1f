package cn.kejiao.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Formatting for templates ({@code ${@fmt.datetime(x)}}): times shown in China Standard Time. */
@Component("fmt")
public class Formats {

	public static final ZoneId CHINA = cn.kejiao.platform.ChinaTime.ZONE;
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);

	public String datetime(@Nullable Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	public String date(@Nullable Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}
}
