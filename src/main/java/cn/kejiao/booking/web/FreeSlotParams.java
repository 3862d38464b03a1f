package cn.kejiao.booking.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import cn.kejiao.booking.FreeSlots;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.region.Regions;
import cn.kejiao.region.ZoneView;

/**
 * The free-slot search as the page and the API take it: words, a region (a region code, or a cooperation zone by its
 * code or name: 长三角), a zone, a day (tomorrow when none), from and to (China time, 09:00–17:00 when none) and how
 * many minutes (60 when none). A value that cannot be read is refused naming the field.
 */
record FreeSlotParams(@Nullable String q, @Nullable String region, @Nullable String zone, @Nullable String date,
		@Nullable String from, @Nullable String to, @Nullable Integer minutes) {

	FreeSlots.Query toQuery(Regions regions, LocalDate today) {
		String regionCode = blank(region);
		String zoneCode = blank(zone);
		if (regionCode != null && !regions.exists(regionCode)) {
			String typed = regionCode;
			ZoneView named = regions.zones().stream()
				.filter(z -> z.code().equalsIgnoreCase(typed) || z.name().equals(typed) || z.nameEn().equalsIgnoreCase(typed))
				.findFirst().orElseThrow(() -> KejiaoException.invalid("request.invalid-parameter", "region"));
			zoneCode = named.code();
			regionCode = null;
		}
		LocalDate day = blank(date) == null ? today.plusDays(1) : parse(date, "date", LocalDate::parse);
		LocalTime start = blank(from) == null ? LocalTime.of(9, 0) : parse(from, "from", LocalTime::parse);
		LocalTime end = blank(to) == null ? LocalTime.of(17, 0)
				: "24:00".equals(to.strip()) ? LocalTime.MIDNIGHT : parse(to, "to", LocalTime::parse);
		return new FreeSlots.Query(blank(q), regionCode, zoneCode, day, start, end, minutes == null ? 60 : minutes,
				FreeSlots.MOST);
	}

	private static <T> T parse(String text, String field, java.util.function.Function<String, T> parser) {
		try {
			return parser.apply(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", field);
		}
	}

	static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
