package cn.kejiao.booking;

import static cn.kejiao.booking.BookingFixtures.china;
import static cn.kejiao.booking.BookingFixtures.instant;
import static cn.kejiao.booking.BookingFixtures.iso;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * Two hundred bookers at once for overlapping times on one instrument: PostgreSQL leaves exactly one booking per
 * instant and every other request gets 409 booking.clash naming the interval it clashed with. And the edges of
 * time: another offset lands on the same China-time slot, a booking across midnight, a holiday and a 调休 Saturday.
 */
@KejiaoIntegrationTest
class BookingConcurrencyTests {

	static final List<String> BOOKERS = List.of("ent-jd", "ent-ws", "provider-jd", "provider-yn", "expert-sh", "expert-cq",
			"expert-tj", "expert-km");

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules rules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void twoHundredConcurrentRequestsLeaveOneBookingPerInstantAndEveryLoserGetsTheClash() throws Exception {
		UUID instrument = BookingFixtures.instrument(personas, catalog, rules, "测试仪器", BookingFixtures::allDay);
		List<Http> bookers = BOOKERS.stream().map(personas::api).toList();
		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusDays(3);
		Instant base = china(day, 10, 0);
		int count = 200;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Http.Response>> answers = new ArrayList<>();
		List<Instant[]> asked = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				Instant from = base.plus(Duration.ofMinutes(30L * (i % 8)));
				Instant until = from.plus(Duration.ofMinutes(30L * (1 + (i / 8) % 4)));
				asked.add(new Instant[] { from, until });
				Http booker = bookers.get(i % bookers.size());
				Map<String, Object> body = Map.of("instrumentId", instrument, "start", iso(from), "end", iso(until),
						"purpose", "并发预约 " + i);
				answers.add(pool.submit(() -> {
					start.await();
					return booker.post("/api/v1/bookings", body);
				}));
			}
			start.countDown();
		}
		List<Instant[]> live = jdbc.sql("""
				select lower(period), upper(period) from booking.reservation
				where instrument_id = :id and state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')
				order by lower(period)""").param("id", instrument)
			.query((rs, n) -> new Instant[] { rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant() }).list();
		Integer overlapping = jdbc.sql("""
				select count(*) from booking.reservation a join booking.reservation b
				  on a.instrument_id = b.instrument_id and a.id < b.id and a.period && b.period
				where a.instrument_id = :id
				  and a.state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')
				  and b.state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')""")
			.param("id", instrument).query(Integer.class).single();
		assertThat(overlapping).as("live bookings of the instrument that overlap").isZero();
		int created = 0;
		for (int i = 0; i < count; i++) {
			Http.Response answer = answers.get(i).get();
			if (answer.status() == 201) {
				created++;
				continue;
			}
			assertThat(answer.status()).as(answer.body()).isEqualTo(409);
			assertThat(answer.code()).isEqualTo("booking.clash");
			JsonNode clash = answer.json().get("clash");
			Instant clashStart = instant(clash.get("start"));
			Instant clashEnd = instant(clash.get("end"));
			Instant[] wanted = asked.get(i);
			assertThat(clashStart).as("the clash overlaps what was asked").isBefore(wanted[1]);
			assertThat(clashEnd).isAfter(wanted[0]);
			assertThat(live).as("the clash is a booking that holds the time")
				.anyMatch(b -> b[0].equals(clashStart) && b[1].equals(clashEnd));
		}
		assertThat(created).as("one 201 per booking kept").isEqualTo(live.size()).isPositive();
		// the asked times (10:00–15:30) are covered without a gap: every instant went to exactly one booker
		Instant cursor = base;
		for (Instant[] booking : live) {
			assertThat(booking[0]).isEqualTo(cursor);
			cursor = booking[1];
		}
		assertThat(cursor).isAfterOrEqualTo(base.plus(Duration.ofHours(4)));
	}

	@Test
	void aTimeWithAnotherOffsetLandsOnTheSameChinaSlot() {
		UUID instrument = BookingFixtures.instrument(personas, catalog, rules, "测试仪器", BookingFixtures::workingDays);
		LocalDate day = nextWorkingDay(LocalDate.now(ChinaTime.ZONE).plusDays(4));
		Instant from = china(day, 9, 0);
		// 09:00 in China is 01:00 UTC and 20:00 the evening before in New York (-05:00)
		Http.Response utc = personas.api("ent-jd").post("/api/v1/bookings", Map.of("instrumentId", instrument,
				"start", from.atOffset(ZoneOffset.UTC).toString(), "end", from.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString()));
		assertThat(utc.status()).as(utc.body()).isEqualTo(201);
		assertThat(instant(utc.json().get("start"))).isEqualTo(from);
		Instant ten = from.plus(Duration.ofHours(1));
		String newYork = ten.atOffset(ZoneOffset.ofHours(-5)).toString();
		assertThat(newYork).startsWith(day.minusDays(1) + "T21:00-05:00");
		Http.Response minusFive = personas.api("ent-ws").post("/api/v1/bookings", Map.of("instrumentId", instrument,
				"start", newYork, "end", ten.plus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(-5)).toString()));
		assertThat(minusFive.status()).as(minusFive.body()).isEqualTo(201);
		// the same China-time hour asked in New York time clashes with the booking made in China time
		Http.Response again = personas.api("ent-ws").post("/api/v1/bookings", Map.of("instrumentId", instrument,
				"start", from.atOffset(ZoneOffset.ofHours(-5)).toString(), "end", ten.atOffset(ZoneOffset.ofHours(-5)).toString()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(instant(again.json().get("clash").get("start"))).isEqualTo(from);
		JsonNode intervals = personas.api("ent-jd").get("/api/v1/instruments/" + instrument + "/availability?from="
				+ day + "&to=" + day).json().get("intervals");
		List<String> taken = new ArrayList<>();
		intervals.forEach(i -> {
			if (i.get("kind").asString().equals("TAKEN")) {
				taken.add(instant(i.get("start")).atZone(ChinaTime.ZONE).toLocalTime() + "–"
						+ instant(i.get("end")).atZone(ChinaTime.ZONE).toLocalTime());
			}
		});
		assertThat(taken).containsExactly("09:00–10:00", "10:00–11:00");
	}

	@Test
	void aBookingRunsAcrossMidnightOnAnInstrumentOpenAllDay() {
		UUID instrument = BookingFixtures.instrument(personas, catalog, rules, "测试仪器", BookingFixtures::allDay);
		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusDays(5);
		Http.Response night = personas.api("ent-jd").post("/api/v1/bookings", Map.of("instrumentId", instrument,
				"start", iso(china(day, 22, 0)), "end", iso(china(day.plusDays(1), 2, 0)), "purpose", "夜间长时测试"));
		assertThat(night.status()).as(night.body()).isEqualTo(201);
		assertThat(instant(night.json().get("end"))).isEqualTo(china(day.plusDays(1), 2, 0));
		Http.Response after = personas.api("ent-ws").post("/api/v1/bookings", Map.of("instrumentId", instrument,
				"start", iso(china(day.plusDays(1), 1, 0)), "end", iso(china(day.plusDays(1), 3, 0))));
		assertThat(after.status()).isEqualTo(409);
		assertThat(instant(after.json().get("clash").get("start"))).isEqualTo(china(day, 22, 0));
	}

	@Test
	void aHolidayIsRefusedAndAWorkingSaturdayOfTiaoxiuIsOpen() {
		// 2026-09-01, a Tuesday: 国庆节 (10-01) and its make-up Saturday (10-10) are within the 60 days ahead
		clock.set(china(LocalDate.of(2026, 9, 1), 10, 0));
		UUID instrument = BookingFixtures.instrument(personas, catalog, rules, "测试仪器", BookingFixtures::workingDays);
		Http booker = personas.api("ent-jd");
		Http.Response holiday = book(booker, instrument, LocalDate.of(2026, 10, 1));
		assertThat(holiday.status()).isEqualTo(400);
		assertThat(holiday.code()).isEqualTo("booking.holiday");
		assertThat(holiday.body()).contains("国庆节");
		Http.Response saturday = book(booker, instrument, LocalDate.of(2026, 9, 12));
		assertThat(saturday.code()).isEqualTo("booking.closed-day");
		Http.Response tiaoxiu = book(booker, instrument, LocalDate.of(2026, 10, 10));
		assertThat(tiaoxiu.status()).as(tiaoxiu.body()).isEqualTo(201);
		Http.Response sunday = book(booker, instrument, LocalDate.of(2026, 9, 20));
		assertThat(sunday.status()).as("2026-09-20, a Sunday worked for 国庆节: " + sunday.body()).isEqualTo(201);
	}

	private static Http.Response book(Http booker, UUID instrument, LocalDate day) {
		return booker.post("/api/v1/bookings", Map.of("instrumentId", instrument, "start", iso(china(day, 9, 0)),
				"end", iso(china(day, 10, 0))));
	}

	private static LocalDate nextWorkingDay(LocalDate from) {
		LocalDate day = from;
		while (day.getDayOfWeek().getValue() > 5 || List.of(LocalDate.of(2027, 1, 1)).contains(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	static UUID id(Http.Response answer) {
		return UUID.fromString(answer.json().get("id").asString());
	}
}
