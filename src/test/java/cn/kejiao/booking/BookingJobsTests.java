package cn.kejiao.booking;

import static cn.kejiao.booking.InstrumentFixture.at;
import static cn.kejiao.booking.InstrumentFixture.iso;
import static cn.kejiao.support.Mails.body;
import static cn.kejiao.support.Mails.recipients;
import static cn.kejiao.support.Mails.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.support.EventPublications;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * What the system does on its own as time passes: the day before an approved booking its booker is reminded, once,
 * in the application and by e-mail; a booking nobody checked in to by half an hour after its start is marked no-show,
 * its time released and its booker told — but not a booking of a sample sent in, which has no arrival.
 */
@KejiaoIntegrationTest
class BookingJobsTests {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules rules;

	@Autowired
	BookingJobs jobs;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublications events;

	@Test
	void theBookerIsRemindedOnceTheDayBefore() {
		UUID instrument = InstrumentFixture.create(personas, catalog, rules, "激光共聚焦显微镜（提醒）", false, Mode.SELF);
		LocalDate day = InstrumentFixture.daysAhead(clock, 3);
		Http booker = personas.api("ent-jd");
		JsonNode booking = book(booker, instrument, at(day, 9), at(day, 11));
		String number = booking.get("number").asString();
		UUID id = UUID.fromString(booking.get("id").asString());

		// two days before, and the day before before 08:00 China time: not yet
		clock.set(at(day.minusDays(2), 10));
		assertThat(jobs.remindTomorrow(instrument)).isZero();
		clock.set(at(day.minusDays(1), 7).plus(Duration.ofMinutes(30)));
		assertThat(jobs.remindTomorrow(instrument)).isZero();
		assertThat(reminded(id)).isFalse();

		clock.set(at(day.minusDays(1), 9));
		assertThat(jobs.remindTomorrow(instrument)).isEqualTo(1);
		assertThat(reminded(id)).isTrue();
		booker = personas.api("ent-jd"); // a token of the moved time
		Http told = booker;
		JsonNode notice = Eventually.await(TEN_SECONDS, () -> notice(told, "/bookings#" + number));
		assertThat(notice.get("title").asString()).contains("激光共聚焦显微镜（提醒）");
		assertThat(notice.get("body").asString()).contains(number).contains(InstrumentFixture.period(at(day, 9), at(day, 11)));
		MimeMessage mail = Eventually.await(TEN_SECONDS, () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains("ent-jd@demo.kejiao.cn"))
			.filter(m -> body(m).contains("/bookings#" + number) && subject(m).contains("明天")).findFirst().orElse(null));
		assertThat(body(mail)).contains(InstrumentFixture.period(at(day, 9), at(day, 11)));

		// later runs of the same day remind nobody again
		clock.advance(Duration.ofHours(3));
		assertThat(jobs.remindTomorrow(instrument)).isZero();
		booker = personas.api("ent-jd");
		events.awaitHandled(TEN_SECONDS, id.toString());
		assertThat(notices(booker, "/bookings#" + number)).as("confirmed, then reminded once").hasSize(2);
	}

	@Test
	void aBookingNobodyCameToIsMarkedNoShowItsTimeReleasedAndItsBookerTold() {
		UUID instrument = InstrumentFixture.create(personas, catalog, rules, "原子力显微镜（爽约）", false, Mode.SELF);
		UUID samples = InstrumentFixture.create(personas, catalog, rules, "电感耦合等离子体质谱（送样）", false, Mode.SAMPLE);
		LocalDate day = InstrumentFixture.daysAhead(clock, 2);
		Http booker = personas.api("ent-ws");
		JsonNode booking = book(booker, instrument, at(day, 14), at(day, 16));
		JsonNode sample = book(booker, samples, at(day, 14), at(day, 15));
		String number = booking.get("number").asString();

		clock.set(at(day, 14).plus(Duration.ofMinutes(25)));
		assertThat(jobs.markNoShows(instrument)).as("within the grace time").isZero();
		clock.set(at(day, 14).plus(Duration.ofMinutes(31)));
		assertThat(jobs.markNoShows(instrument)).isEqualTo(1);
		assertThat(jobs.markNoShows(samples)).as("a sample has no arrival").isZero();
		assertThat(jobs.markNoShows(instrument)).as("marked once").isZero();
		booker = personas.api("ent-ws"); // a token of the moved time

		assertThat(booker.get("/api/v1/bookings/" + booking.get("id").asString()).json().get("state").asString())
			.isEqualTo("NO_SHOW");
		assertThat(booker.get("/api/v1/bookings/" + sample.get("id").asString()).json().get("state").asString())
			.isEqualTo("APPROVED");
		JsonNode calendar = booker.get("/api/v1/instruments/" + instrument + "/availability?from="
				+ URLEncoder.encode(iso(at(day, 14)), StandardCharsets.UTF_8) + "&to="
				+ URLEncoder.encode(iso(at(day, 16)), StandardCharsets.UTF_8)).json();
		assertThat(calendar.get("intervals").findValuesAsString("kind")).as("the time released").containsOnly("FREE");

		Http told = booker;
		JsonNode notice = Eventually.await(TEN_SECONDS, () -> notices(told, "/bookings#" + number).stream()
			.filter(n -> n.get("title").asString().contains("爽约")).findFirst().orElse(null));
		assertThat(notice.get("body").asString()).contains("原子力显微镜（爽约）");
		Eventually.await(TEN_SECONDS, () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains("ent-ws@demo.kejiao.cn"))
			.filter(m -> subject(m).contains(number) && subject(m).contains("爽约")).findFirst().orElse(null));
		Http.Response audit = personas.api("jd-admin").get("/api/v1/audit?q=" + number + "&action=booking.no-show");
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.body()).as("the system's step is in the owner's region's audit log").contains(number);
	}

	private static JsonNode book(Http booker, UUID instrument, Instant start, Instant end) {
		Http.Response booked = booker.post("/api/v1/bookings", Map.of("instrumentId", instrument, "start", iso(start),
				"end", iso(end), "purpose", "材料表征"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(booked.json().get("state").asString()).isEqualTo("APPROVED");
		return booked.json();
	}

	private boolean reminded(UUID booking) {
		return jdbc.sql("select reminded_at is not null from booking.reservation where id = :id").param("id", booking)
			.query(Boolean.class).single();
	}

	private static JsonNode notice(Http who, String link) {
		return notices(who, link).stream().filter(n -> n.get("title").asString().contains("明天")).findFirst().orElse(null);
	}

	private static List<JsonNode> notices(Http who, String link) {
		List<JsonNode> found = new java.util.ArrayList<>();
		for (JsonNode notice : who.get("/api/v1/notifications").json()) {
			if (notice.get("link").asString().equals(link)) {
				found.add(notice);
			}
		}
		return found;
	}
}
