package cn.kejiao.booking;

import static cn.kejiao.booking.BookingFixtures.china;
import static cn.kejiao.booking.BookingFixtures.instant;
import static cn.kejiao.booking.BookingFixtures.iso;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;

/**
 * Each rule of an instrument, broken over the API, gives its own error code. "Now" is Tuesday 2026-09-01, 10:00 in
 * China; the instrument opens 09:00–17:00 on working days, in half hours, for one to four hours, 30 days ahead, to
 * trained users only.
 */
@KejiaoIntegrationTest
class BookingRuleErrorTests {

	static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules rules;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void now() {
		clock.set(china(TODAY, 10, 0));
	}

	@Test
	void eachBrokenRuleHasItsOwnCode() {
		UUID instrument = BookingFixtures.instrument(personas, catalog, rules, "测试仪器（规则）", id -> new Rules(id, LocalTime.of(9, 0), LocalTime.of(17, 0),
				List.of(1, 2, 3, 4, 5), true, 30, 60, 240, 30, true, true, 24, Mode.SELF, true));
		personas.as("provider-jd", () -> rules.close(instrument, china(TODAY.plusDays(2), 0, 0),
				china(TODAY.plusDays(3), 0, 0), "年度维护保养"));
		// ent-ws was trained, but its training lapsed yesterday
		personas.as("provider-jd", () -> rules.train(instrument, "ent-ws", LocalDate.of(2026, 8, 1),
				LocalDate.of(2026, 8, 31), "王工", null));
		Http entJd = personas.api("ent-jd");
		Map<String, String> codes = new LinkedHashMap<>();
		LocalDate wednesday = TODAY.plusDays(1);
		codes.put("booking.in-past", code(entJd, instrument, china(TODAY, 9, 0), china(TODAY, 10, 0)));
		codes.put("booking.too-far-ahead", code(entJd, instrument, china(LocalDate.of(2026, 10, 12), 9, 0),
				china(LocalDate.of(2026, 10, 12), 10, 0)));
		codes.put("booking.off-slot", code(entJd, instrument, china(wednesday, 9, 15), china(wednesday, 10, 15)));
		codes.put("booking.too-short", code(entJd, instrument, china(wednesday, 9, 0), china(wednesday, 9, 30)));
		codes.put("booking.too-long", code(entJd, instrument, china(wednesday, 9, 0), china(wednesday, 14, 0)));
		codes.put("booking.outside-hours", code(entJd, instrument, china(wednesday, 16, 0), china(wednesday, 18, 0)));
		codes.put("booking.closed-day", code(entJd, instrument, china(LocalDate.of(2026, 9, 5), 9, 0),
				china(LocalDate.of(2026, 9, 5), 10, 0)));
		codes.put("booking.holiday", code(entJd, instrument, china(LocalDate.of(2026, 9, 25), 9, 0),
				china(LocalDate.of(2026, 9, 25), 10, 0)));
		codes.put("booking.closed", code(entJd, instrument, china(TODAY.plusDays(2), 9, 0), china(TODAY.plusDays(2), 10, 0)));
		codes.put("booking.training-required", code(entJd, instrument, china(wednesday, 9, 0), china(wednesday, 10, 0)));
		codes.put("booking.training-expired",
				code(personas.api("ent-ws"), instrument, china(wednesday, 9, 0), china(wednesday, 10, 0)));
		codes.forEach((expected, actual) -> assertThat(actual).as(expected).isEqualTo(expected));
	}

	@Test
	void cancellingAfterTheDeadlineIsRefusedAndAStepFromTheWrongStateToo() {
		UUID instrument = BookingFixtures.instrument(personas, catalog, rules, "测试仪器", BookingFixtures::workingDays);
		Http entJd = personas.api("ent-jd");
		// tomorrow 09:00 is 23 hours away: within the 24 hours before the start, too late to cancel
		Http.Response soon = book(entJd, instrument, china(TODAY.plusDays(1), 9, 0), china(TODAY.plusDays(1), 10, 0));
		assertThat(soon.status()).as(soon.body()).isEqualTo(201);
		Http.Response late = entJd.post("/api/v1/bookings/" + soon.json().get("id").asString() + "/cancel", Map.of());
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("booking.cancel-too-late");

		Http.Response later = book(entJd, instrument, china(TODAY.plusDays(7), 9, 0), china(TODAY.plusDays(7), 10, 0));
		String cancel = "/api/v1/bookings/" + later.json().get("id").asString() + "/cancel";
		assertThat(entJd.post(cancel, Map.of()).status()).isEqualTo(200);
		Http.Response twice = entJd.post(cancel, Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.code()).isEqualTo("booking.state");
	}

	@Test
	void aSeriesWithClashesBooksNothingAndNamesEachClash() {
		UUID instrument = BookingFixtures.instrument(personas, catalog, rules, "测试仪器", BookingFixtures::allDay);
		LocalDate monday = LocalDate.of(2026, 9, 7);
		Http entWs = personas.api("ent-ws");
		assertThat(book(entWs, instrument, china(monday.plusWeeks(1), 9, 0), china(monday.plusWeeks(1), 11, 0)).status())
			.isEqualTo(201);
		assertThat(book(entWs, instrument, china(monday.plusWeeks(3), 9, 30), china(monday.plusWeeks(3), 11, 30)).status())
			.isEqualTo(201);
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("instrumentId", instrument);
		series.put("start", iso(china(monday, 8, 0)));
		series.put("end", iso(china(monday, 10, 0)));
		series.put("everyDays", 7);
		series.put("count", 6);
		Http.Response refused = personas.api("ent-jd").post("/api/v1/bookings", series);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("booking.series-clash");
		List<String> clashes = new ArrayList<>();
		refused.json().get("clashes").forEach(c -> clashes.add(instant(c.get("start")).atZone(ChinaTime.ZONE).toLocalDate()
				+ " " + c.get("code").asString()));
		assertThat(clashes).containsExactly(monday.plusWeeks(1) + " booking.clash", monday.plusWeeks(3) + " booking.clash");
		assertThat(refused.body()).contains("2026-09-14 08:00–10:00", "2026-09-28 08:00–10:00");
		// nothing of the series was kept: the first Monday is still free
		assertThat(book(entWs, instrument, china(monday, 8, 0), china(monday, 10, 0)).status()).isEqualTo(201);
	}

	private static String code(Http booker, UUID instrument, java.time.Instant start, java.time.Instant end) {
		Http.Response answer = book(booker, instrument, start, end);
		return answer.status() >= 400 ? answer.code() : "HTTP " + answer.status();
	}

	private static Http.Response book(Http booker, UUID instrument, java.time.Instant start, java.time.Instant end) {
		return booker.post("/api/v1/bookings", Map.of("instrumentId", instrument, "start", iso(start), "end", iso(end)));
	}
}
