package cn.kejiao.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * An instrument of provider-jd (嘉定 testing agency) of a test's own, open every day around the clock in one-hour
 * slots and cancellable until its start, so that a test picks any hour a few days ahead without meeting a holiday,
 * the demo's bookings or another test's.
 */
public final class InstrumentFixture {

	public static final String OWNER = "provider-jd";

	private InstrumentFixture() {
	}

	/** A new published instrument with these rules; its id. */
	public static UUID create(Personas personas, Catalog catalog, BookingRules rules, String title, boolean approval,
			Mode mode) {
		return personas.as(OWNER, () -> {
			String unique = title + " " + Markers.unique();
			var entry = catalog.upsert(EntryType.INSTRUMENT, new EntryForm(null, unique, unique + "：面向长三角企业开放预约。",
					"显微镜", "显微镜及图像分析仪器", new BigDecimal("300"), "HOUR", Set.of("CMA"), null,
					Confidentiality.PUBLIC, null, Map.of()));
			catalog.publish(entry.id());
			rules.save(new Rules(entry.id(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, List.of(1, 2, 3, 4, 5, 6, 7), false, 60,
					60, 480, 120, approval, false, 0, mode, true));
			return entry.id();
		});
	}

	/** The day {@code days} ahead of today, China time, by the application's clock. */
	public static LocalDate daysAhead(Clock clock, int days) {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(days);
	}

	/** The hour of a day, China time. */
	public static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(ChinaTime.ZONE).toInstant();
	}

	/** A booked time as notices write it: 2026-12-08 09:00–11:00, China time. */
	public static String period(Instant start, Instant end) {
		return minutes(start) + "–" + DateTimeFormatter.ofPattern("HH:mm").format(end.atZone(ChinaTime.ZONE));
	}

	/** A time as notices write it: 2026-12-08 09:00, China time. */
	public static String minutes(Instant at) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(ChinaTime.ZONE));
	}

	/** As the API takes it: ISO-8601 with the +08:00 offset. */
	public static String iso(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).toString();
	}
}
