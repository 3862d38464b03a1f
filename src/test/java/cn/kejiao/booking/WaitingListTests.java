package cn.kejiao.booking;

import static cn.kejiao.booking.InstrumentFixture.at;
import static cn.kejiao.booking.InstrumentFixture.iso;
import static cn.kejiao.support.Mails.body;
import static cn.kejiao.support.Mails.recipients;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import tools.jackson.databind.JsonNode;

/**
 * The waiting list of a taken time: when the time is released the first in line is offered it (told in the
 * application and by e-mail), an offer not taken in time lapses and passes on to the next, who books it through the
 * ordinary booking; an offer given up passes on at once; however many sweeps run at once, one offer is made.
 */
@KejiaoIntegrationTest
class WaitingListTests {

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
	WaitingLines lines;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublications events;

	@Test
	void anOfferNotTakenInTimePassesToTheNextInLineWhoBooksIt() {
		UUID instrument = InstrumentFixture.create(personas, catalog, rules, "场发射扫描电镜（排队）", false, Mode.SELF);
		LocalDate day = InstrumentFixture.daysAhead(clock, 3);
		Instant start = at(day, 10);
		Instant end = at(day, 12);
		Http holder = personas.api("ent-jd");
		Http first = personas.api("ent-ws");
		Http second = personas.api("provider-yn");

		Http.Response booked = holder.post("/api/v1/bookings", Map.of("instrumentId", instrument, "start", iso(start), "end",
				iso(end), "purpose", "整车零部件断口分析"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(booked.json().get("state").asString()).isEqualTo("APPROVED");

		// the time is taken: two people join its waiting list, in order
		Http.Response free = first.post(waitFor(instrument), Map.of("start", iso(at(day, 14)), "end", iso(at(day, 15))));
		assertThat(free.status()).isEqualTo(409);
		assertThat(free.code()).isEqualTo("booking.waiting-free");
		JsonNode firstPlace = join(first, instrument, start, end, "氧化铝颗粒形貌观察");
		assertThat(firstPlace.get("state").asString()).isEqualTo("WAITING");
		assertThat(firstPlace.get("ahead").asInt()).isZero();
		JsonNode secondPlace = join(second, instrument, at(day, 10), at(day, 11), "矿物样品能谱分析");
		assertThat(secondPlace.get("ahead").asInt()).isEqualTo(1);
		Http.Response twice = first.post(waitFor(instrument), Map.of("start", iso(at(day, 11)), "end", iso(end)));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.code()).isEqualTo("booking.waiting-already");
		String firstId = firstPlace.get("id").asString();
		String secondId = secondPlace.get("id").asString();
		Http.Response early = first.post("/api/v1/waiting/" + firstId + "/take", Map.of());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.code()).isEqualTo("booking.waiting-not-offered");
		assertThat(second.post("/api/v1/waiting/" + firstId + "/withdraw", Map.of()).status())
			.as("someone else's place").isEqualTo(404);

		// the holder cancels: the first in line is offered the time, for two hours, and told
		Instant released = clock.instant();
		assertThat(holder.post("/api/v1/bookings/" + booked.json().get("id").asString() + "/cancel", Map.of()).status())
			.isEqualTo(200);
		JsonNode offered = Eventually.await(TEN_SECONDS, () -> place(first, firstId, "OFFERED"));
		Instant expires = Instant.parse(offered.get("offerExpiresAt").asString());
		assertThat(expires).isBetween(released.plus(Duration.ofMinutes(119)), clock.instant().plus(Duration.ofHours(2)));
		assertThat(place(second, secondId, "WAITING")).as("the second waits on while the offer lasts").isNotNull();
		JsonNode notice = Eventually.await(TEN_SECONDS, () -> notice(first, "/bookings#waiting-" + firstId));
		assertThat(notice.get("body").asString()).contains(InstrumentFixture.period(start, end))
			.contains(InstrumentFixture.minutes(expires));
		var mail = Eventually.await(TEN_SECONDS, () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains("ent-ws@demo.kejiao.cn"))
			.filter(m -> body(m).contains("/bookings#waiting-" + firstId)).findFirst().orElse(null));
		assertThat(body(mail)).contains("场发射扫描电镜（排队）");

		// a sweep within the offer's time changes nothing
		lines.sweep();
		assertThat(place(first, firstId, "OFFERED")).isNotNull();

		// the offer lapses unanswered: the next in line is offered the time and books it
		clock.advance(Duration.ofHours(2).plusMinutes(1));
		lines.sweep();
		assertThat(place(first, firstId, "LAPSED")).isNotNull();
		JsonNode passedOn = place(second, secondId, "OFFERED");
		assertThat(passedOn).as("offered to the next in line").isNotNull();
		Eventually.await(TEN_SECONDS, () -> notice(second, "/bookings#waiting-" + secondId));
		Http.Response late = first.post("/api/v1/waiting/" + firstId + "/take", Map.of());
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("booking.waiting-not-offered");

		Http.Response taken = second.post("/api/v1/waiting/" + secondId + "/take", Map.of());
		assertThat(taken.status()).as(taken.body()).isEqualTo(201);
		assertThat(taken.json().get("state").asString()).isEqualTo("APPROVED");
		assertThat(taken.json().get("purpose").asString()).isEqualTo("矿物样品能谱分析");
		JsonNode took = place(second, secondId, "TAKEN");
		assertThat(took.get("reservationId").asString()).isEqualTo(taken.json().get("id").asString());
		JsonNode calendar = second.get("/api/v1/instruments/" + instrument + "/availability?from=" + day + "&to=" + day).json();
		assertThat(calendar.get("intervals").findValues("kind").stream().map(JsonNode::asString).toList()).contains("TAKEN");
		assertThat(second.post("/api/v1/waiting/" + secondId + "/take", Map.of()).code())
			.as("taken once").isEqualTo("booking.waiting-not-offered");
	}

	@Test
	void anOfferGivenUpPassesOnAtOnceAndOneWhoseTimeWasBookedMeanwhileWaitsAgain() {
		UUID instrument = InstrumentFixture.create(personas, catalog, rules, "X射线衍射仪（排队）", false, Mode.SELF);
		LocalDate day = InstrumentFixture.daysAhead(clock, 4);
		Http holder = personas.api("ent-jd");
		Http first = personas.api("ent-ws");
		Http second = personas.api("provider-yn");
		String booking = holder.post("/api/v1/bookings", Map.of("instrumentId", instrument, "start", iso(at(day, 9)), "end",
				iso(at(day, 11)))).json().get("id").asString();
		String firstId = join(first, instrument, at(day, 9), at(day, 11), "物相分析").get("id").asString();
		String secondId = join(second, instrument, at(day, 9), at(day, 10), "晶体结构分析").get("id").asString();

		holder.post("/api/v1/bookings/" + booking + "/cancel", Map.of("reason", "项目延期"));
		Eventually.await(TEN_SECONDS, () -> place(first, firstId, "OFFERED"));
		Http.Response withdrawn = first.post("/api/v1/waiting/" + firstId + "/withdraw", Map.of());
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.json().get("state").asString()).isEqualTo("WITHDRAWN");
		assertThat(place(second, secondId, "OFFERED")).as("passed on at once").isNotNull();
		assertThat(first.post("/api/v1/waiting/" + firstId + "/withdraw", Map.of()).code()).isEqualTo("booking.waiting-state");

		// someone books the time directly while it is offered: the offer, when it lapses, goes back to waiting
		Http.Response direct = holder.post("/api/v1/bookings", Map.of("instrumentId", instrument, "start", iso(at(day, 9)),
				"end", iso(at(day, 10))));
		assertThat(direct.status()).isEqualTo(201);
		Http.Response clash = second.post("/api/v1/waiting/" + secondId + "/take", Map.of());
		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.code()).isEqualTo("booking.clash");
		assertThat(place(second, secondId, "OFFERED")).as("a refused take leaves the offer as it was").isNotNull();
		clock.advance(Duration.ofHours(3));
		lines.sweep();
		JsonNode waitingAgain = place(second, secondId, "WAITING");
		assertThat(waitingAgain).as("its place kept").isNotNull();
		assertThat(waitingAgain.get("offerExpiresAt").isNull()).isTrue();
	}

	@Test
	void sweepsRunningAtOnceMakeOneOffer() throws Exception {
		UUID instrument = InstrumentFixture.create(personas, catalog, rules, "透射电镜（排队）", false, Mode.SELF);
		LocalDate day = InstrumentFixture.daysAhead(clock, 5);
		Http holder = personas.api("ent-jd");
		Http first = personas.api("ent-ws");
		String booking = holder.post("/api/v1/bookings", Map.of("instrumentId", instrument, "start", iso(at(day, 13)), "end",
				iso(at(day, 15)))).json().get("id").asString();
		String firstId = join(first, instrument, at(day, 13), at(day, 15), "纳米颗粒观察").get("id").asString();
		// the release happens without its event reaching the line (as when someone joins while the time is released)
		jdbc.sql("update booking.reservation set state = 'CANCELLED' where id = :id").param("id", UUID.fromString(booking))
			.update();

		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Integer>> sweeps = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				sweeps.add(lines::sweep);
			}
			List<Future<Integer>> results = pool.invokeAll(sweeps);
			for (Future<Integer> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(place(first, firstId, "OFFERED")).isNotNull();
		events.awaitHandled(TEN_SECONDS, firstId);
		assertThat(events.mentioning(firstId)).as("one offer published").isEqualTo(1);
		long told = personas.api("ent-ws").get("/api/v1/notifications").json().findValuesAsString("link").stream()
			.filter(("/bookings#waiting-" + firstId)::equals).count();
		assertThat(told).isEqualTo(1);
	}

	private static String waitFor(UUID instrument) {
		return "/api/v1/instruments/" + instrument + "/waiting";
	}

	private static JsonNode join(Http who, UUID instrument, Instant start, Instant end, String purpose) {
		Http.Response joined = who.post(waitFor(instrument), Map.of("start", iso(start), "end", iso(end), "purpose", purpose));
		assertThat(joined.status()).as(joined.body()).isEqualTo(201);
		return joined.json();
	}

	/** The person's place in the state, or null while it is in another. */
	private static JsonNode place(Http who, String id, String state) {
		for (JsonNode place : who.get("/api/v1/waiting?mine=true").json()) {
			if (place.get("id").asString().equals(id)) {
				return place.get("state").asString().equals(state) ? place : null;
			}
		}
		throw new AssertionError("no place " + id);
	}

	private static JsonNode notice(Http who, String link) {
		for (JsonNode notice : who.get("/api/v1/notifications").json()) {
			if (notice.get("link").asString().equals(link)) {
				return notice;
			}
		}
		return null;
	}
}
