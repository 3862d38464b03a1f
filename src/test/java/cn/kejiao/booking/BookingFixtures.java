package cn.kejiao.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.NewInstrument;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/** Instruments of provider-jd of a test's own with the rules it needs; times in China time. */
final class BookingFixtures {

	private BookingFixtures() {
	}

	/** A new instrument of provider-jd with these rules (made for its id). */
	static UUID instrument(Personas personas, Catalog catalog, BookingRules rules, String title,
			java.util.function.Function<UUID, Rules> rule) {
		UUID id = NewInstrument.of(personas, catalog, "provider-jd", title, "300.00", "180.00", "1200000", true);
		personas.as("provider-jd", () -> rules.save(rule.apply(id)));
		return id;
	}

	/** Open around the clock every day, half-hour slots, up to 8 hours, confirmed at once. */
	static Rules allDay(UUID instrument) {
		return new Rules(instrument, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, List.of(1, 2, 3, 4, 5, 6, 7), false, 30, 30, 480,
				60, false, false, 24, Mode.SELF, true);
	}

	/** 09:00–17:00 on China's working days, half-hour slots, confirmed at once. */
	static Rules workingDays(UUID instrument) {
		return new Rules(instrument, LocalTime.of(9, 0), LocalTime.of(17, 0), List.of(1, 2, 3, 4, 5), true, 30, 30, 480, 60,
				false, false, 24, Mode.SELF, true);
	}

	static Instant china(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ChinaTime.ZONE).toInstant();
	}

	static String iso(Instant at) {
		return at.atOffset(java.time.ZoneOffset.ofHours(8)).toString();
	}

	static Instant instant(JsonNode node) {
		return OffsetDateTime.parse(node.asString()).toInstant();
	}
}
