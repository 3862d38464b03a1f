package cn.kejiao.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;

/**
 * What an instrument's owner keeps over the API: its booking rules (each broken rule its own code), closures,
 * training records and the samples sent in; the bookings it approves; and the holidays the platform admin states.
 * Another organisation changes none of it and sees no training record.
 */
@KejiaoIntegrationTest
class BookingOwnerApiTests {

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	MutableClock clock;

	@Test
	void theOwnerSetsTheRulesAndEachBrokenRuleIsRefusedWithItsOwnCode() {
		UUID instrument = instrument("HOUR");
		Http owner = personas.api("provider-jd");
		Http.Response before = owner.get("/api/v1/instruments/" + instrument + "/booking-rules");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.json().path("configured").asBoolean()).isFalse();

		Http.Response saved = owner.put("/api/v1/instruments/" + instrument + "/booking-rules",
				Map.of("openFrom", "08:30", "openUntil", "24:00", "workingDaysOnly", false, "openDays", List.of(1, 2, 3, 6),
						"slotMinutes", 30, "minMinutes", 60, "maxMinutes", 240, "approval", true, "mode", "STAFF"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		Http.Response read = personas.api("ent-ws").get("/api/v1/instruments/" + instrument + "/booking-rules");
		assertThat(read.json().path("configured").asBoolean()).isTrue();
		assertThat(read.json().path("openFrom").asString()).isEqualTo("08:30");
		assertThat(read.json().path("openUntil").asString()).isEqualTo("24:00");
		assertThat(read.json().path("openDays").toString()).isEqualTo("[1,2,3,6]");
		assertThat(read.json().path("mode").asString()).isEqualTo("STAFF");
		assertThat(read.json().path("horizonDays").asInt()).as("left out, kept").isEqualTo(60);

		Map<String, Map<String, Object>> broken = Map.of(
				"booking.rules-hours", Map.of("openFrom", "17:00", "openUntil", "09:00"),
				"booking.rules-days", Map.of("openDays", List.of()),
				"booking.rules-durations", Map.of("slotMinutes", 30, "minMinutes", 45),
				"booking.rules-limits", Map.of("horizonDays", 0),
				"booking.rules-time", Map.of("openFrom", "九点"),
				"booking.rules-mode", Map.of("mode", "ROBOT"));
		broken.forEach((code, body) -> {
			Http.Response refused = owner.put("/api/v1/instruments/" + instrument + "/booking-rules", body);
			assertThat(refused.status()).as(code).isEqualTo(400);
			assertThat(refused.code()).as(code).isEqualTo(code);
		});
		assertThat(owner.get("/api/v1/instruments/" + instrument + "/booking-rules").json().path("openFrom").asString())
			.as("nothing refused was saved").isEqualTo("08:30");
	}

	@Test
	void anotherOrganisationCannotChangeTheRulesNorCloseNorSeeOrRecordTraining() {
		UUID instrument = instrument("HOUR");
		String path = "/api/v1/instruments/" + instrument;
		for (String other : List.of("provider-yn", "ent-ws")) {
			Http stranger = personas.api(other);
			Http.Response rules = stranger.put(path + "/booking-rules", Map.of("approval", false));
			assertThat(rules.status()).as(other).isEqualTo(403);
			assertThat(rules.code()).isEqualTo("booking.not-owner");
			assertThat(stranger.post(path + "/closures", Map.of("start", "2030-01-01", "end", "2030-01-02", "reason", "x"))
				.code()).isEqualTo("booking.not-owner");
			assertThat(stranger.get(path + "/trainings").status()).isEqualTo(403);
			assertThat(stranger.post(path + "/trainings", Map.of("username", other, "expiresOn", "2030-01-01")).status())
				.isEqualTo(403);
		}
		Http owner = personas.api("provider-jd");
		String closure = owner.post(path + "/closures", Map.of("start", day(3).toString(), "end", day(3).toString(),
				"reason", "年度保养")).json().path("id").asString();
		Http.Response removed = personas.api("provider-yn").delete("/api/v1/closures/" + closure);
		assertThat(removed.status()).isEqualTo(403);
		String training = owner.post(path + "/trainings", Map.of("username", "ent-ws", "expiresOn", day(100).toString()))
			.json().path("id").asString();
		assertThat(personas.api("provider-yn").post("/api/v1/trainings/" + training + "/revoke", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void closuresAreListedRefuseBookingsInThemAndCanBeRemoved() {
		UUID instrument = instrument("HOUR");
		String path = "/api/v1/instruments/" + instrument;
		Http owner = personas.api("provider-jd");
		openEveryDay(owner, instrument, false, false, "SELF");
		assertThat(owner.post(path + "/closures", Map.of("start", day(5).toString(), "end", day(5).toString())).code())
			.isEqualTo("booking.reason-required");
		assertThat(owner.post(path + "/closures", Map.of("start", day(6).toString(), "end", day(5).toString(), "reason", "x"))
			.code()).isEqualTo("booking.period-invalid");
		Http.Response closed = owner.post(path + "/closures", Map.of("start", day(5).toString(), "end", day(5).toString(),
				"reason", "年度保养"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(201);
		String closure = closed.json().path("id").asString();
		assertThat(personas.api("ent-ws").get(path + "/closures").json().findValuesAsString("reason")).contains("年度保养");

		Http.Response refused = book("ent-ws", instrument, at(5, 10), 2);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("booking.closed");

		assertThat(owner.delete("/api/v1/closures/" + closure).status()).isEqualTo(204);
		assertThat(owner.get(path + "/closures").json().findValuesAsString("id")).doesNotContain(closure);
		assertThat(book("ent-ws", instrument, at(5, 10), 2).status()).isEqualTo(201);
	}

	@Test
	void trainingRecordsLetTheTrainedBookAndRevokingEndsIt() {
		UUID instrument = instrument("HOUR");
		String path = "/api/v1/instruments/" + instrument;
		Http owner = personas.api("provider-jd");
		openEveryDay(owner, instrument, false, true, "SELF");
		assertThat(book("ent-ws", instrument, at(4, 9), 1).code()).isEqualTo("booking.training-required");

		assertThat(owner.post(path + "/trainings", Map.of("username", "nobody-" + Markers.digits(6), "expiresOn",
				day(30).toString())).code()).isEqualTo("booking.user-unknown");
		assertThat(owner.post(path + "/trainings", Map.of("username", "ent-ws", "trainedOn", day(0).toString(), "expiresOn",
				day(-1).toString())).code()).isEqualTo("booking.training-expiry");
		assertThat(owner.post(path + "/trainings", Map.of("username", "ent-ws", "expiresOn", "明年")).code())
			.isEqualTo("booking.date-invalid");
		Http.Response trained = owner.post(path + "/trainings", Map.of("username", "ent-ws", "trainedOn",
				day(-10).toString(), "expiresOn", day(20).toString(), "trainer", "张工", "note", "SEM 上机操作"));
		assertThat(trained.status()).as(trained.body()).isEqualTo(201);
		assertThat(trained.json().path("displayName").asString()).isEqualTo("文山氧化铝技术中心");
		assertThat(owner.get(path + "/trainings").json().findValuesAsString("trainer")).containsExactly("张工");

		assertThat(book("ent-ws", instrument, at(4, 9), 1).status()).isEqualTo(201);
		assertThat(book("ent-ws", instrument, at(25, 9), 1).code()).as("past the expiry").isEqualTo("booking.training-expired");

		Http.Response revoked = owner.post("/api/v1/trainings/" + trained.json().path("id").asString() + "/revoke", Map.of());
		assertThat(revoked.json().path("revoked").asBoolean()).isTrue();
		assertThat(book("ent-ws", instrument, at(5, 9), 1).code()).isEqualTo("booking.training-required");
	}

	@Test
	void onlyTheOwnerApprovesChecksInAndRecordsTheUse() {
		UUID instrument = instrument("HOUR");
		Http owner = personas.api("provider-jd");
		openEveryDay(owner, instrument, true, false, "SELF");
		Http.Response booked = book("ent-ws", instrument, at(2, 14), 2);
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String id = booked.json().path("id").asString();
		assertThat(booked.json().path("state").asString()).isEqualTo("REQUESTED");

		Http.Response stranger = personas.api("provider-yn").post("/api/v1/bookings/" + id + "/approve", Map.of());
		assertThat(stranger.status()).isIn(403, 404);
		assertThat(personas.api("ent-ws").post("/api/v1/bookings/" + id + "/approve", Map.of()).code())
			.as("the booker approves nothing").isEqualTo("booking.not-owner");
		assertThat(owner.post("/api/v1/bookings/" + id + "/approve", Map.of()).json().path("state").asString())
			.isEqualTo("APPROVED");

		clock.set(at(2, 14).toInstant().plus(Duration.ofMinutes(5)));
		owner = personas.api("provider-jd"); // tokens are for hours, the clock moved days
		assertThat(personas.api("provider-yn").post("/api/v1/bookings/" + id + "/check-in", Map.of()).status()).isIn(403, 404);
		assertThat(owner.post("/api/v1/bookings/" + id + "/check-in", Map.of()).json().path("state").asString())
			.isEqualTo("CHECKED_IN");
		clock.set(at(2, 16).toInstant().plus(Duration.ofMinutes(10)));
		owner = personas.api("provider-jd");
		Http.Response used = owner.post("/api/v1/bookings/" + id + "/complete",
				Map.of("actualStart", at(2, 14).plusMinutes(10).toOffsetDateTime().toString(), "actualEnd",
						at(2, 16).toOffsetDateTime().toString()));
		assertThat(used.status()).as(used.body()).isEqualTo(200);
		assertThat(used.json().path("state").asString()).isEqualTo("BILLED");
		assertThat(new BigDecimal(used.json().path("fee").asString())).as("1 h 50 min at ¥300 an hour").isEqualByComparingTo("550.00");
	}

	@Test
	void aSampleIsSentByTheBookerReceivedAsTheCheckInAndReturnedByTheOwner() {
		UUID instrument = instrument("SAMPLE");
		Http owner = personas.api("provider-jd");
		Http booker = personas.api("ent-ws");
		openEveryDay(owner, instrument, true, false, "SAMPLE");
		String id = book("ent-ws", instrument, at(3, 10), 1).json().path("id").asString();
		String sample = "/api/v1/bookings/" + id + "/sample";
		assertThat(booker.get(sample).code()).isEqualTo("booking.sample-not-found");
		assertThat(owner.put(sample, Map.of("description", "赤泥", "count", 3)).code()).isEqualTo("booking.not-booker");
		assertThat(booker.put(sample, Map.of("description", "赤泥", "count", 0)).code()).isEqualTo("booking.sample-count");
		Http.Response sent = booker.put(sample, Map.of("description", "赤泥样品", "count", 3, "trackingNumber", "SF1234567890"));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(owner.post(sample + "/returned", Map.of()).code()).isEqualTo("booking.sample-not-received");
		assertThat(owner.post("/api/v1/bookings/" + id + "/approve", Map.of()).status()).isEqualTo(200);
		assertThat(personas.api("provider-yn").post(sample + "/received", Map.of()).status()).isIn(403, 404);

		Http.Response received = owner.post(sample + "/received", Map.of("note", "包装完好"));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(received.json().path("receivedAt").isNull()).isFalse();
		assertThat(booker.get("/api/v1/bookings/" + id).json().path("state").asString()).as("received is checked in")
			.isEqualTo("CHECKED_IN");
		assertThat(booker.put(sample, Map.of("count", 4)).code()).isEqualTo("booking.sample-received");
		assertThat(owner.post(sample + "/returned", Map.of("returnedOn", day(5).toString())).code())
			.isEqualTo("booking.sample-return-day");
		Http.Response returned = owner.post(sample + "/returned", Map.of("returnTracking", "EMS998877"));
		assertThat(returned.status()).as(returned.body()).isEqualTo(200);
		assertThat(booker.get(sample).json().path("returnTracking").asString()).isEqualTo("EMS998877");
		assertThat(booker.get(sample).json().path("count").asInt()).isEqualTo(3);

		clock.set(at(3, 12).toInstant());
		owner = personas.api("provider-jd");
		Http.Response used = owner.post("/api/v1/bookings/" + id + "/complete", Map.of("quantity", 3));
		assertThat(used.json().path("state").asString()).as(used.body()).isEqualTo("BILLED");
		assertThat(new BigDecimal(used.json().path("fee").asString())).isEqualByComparingTo("900.00");
	}

	@Test
	void notASampleBookingHasNoSample() {
		UUID instrument = instrument("HOUR");
		openEveryDay(personas.api("provider-jd"), instrument, true, false, "SELF");
		String id = book("ent-ws", instrument, at(6, 10), 1).json().path("id").asString();
		assertThat(personas.api("ent-ws").put("/api/v1/bookings/" + id + "/sample", Map.of("count", 1)).code())
			.isEqualTo("booking.sample-mode");
	}

	@Test
	void thePlatformAdminStatesAYearsHolidaysAndOnlyThePlatformAdmin() {
		Http admin = personas.api("admin");
		String lines = "# 2099\n2099-01-01,HOLIDAY,元旦\n2099-01-02,休,元旦\n2099-01-04,班,元旦调休\n";
		assertThat(personas.api("provider-jd").put("/api/v1/booking/holidays/2099", Map.of("lines", lines)).status())
			.isEqualTo(403);
		assertThat(personas.api("sh-admin").put("/api/v1/booking/holidays/2099", Map.of("lines", lines)).status())
			.isEqualTo(403);
		Http.Response bad = admin.put("/api/v1/booking/holidays/2099", Map.of("lines", "2099-01-01,HOLIDAY,元旦\n2099-13-01,休,x"));
		assertThat(bad.code()).isEqualTo("booking.holiday-line");
		assertThat(admin.put("/api/v1/booking/holidays/2099", Map.of("lines", "2098-12-31,休,x")).code())
			.isEqualTo("booking.holiday-other-year");

		Http.Response saved = admin.put("/api/v1/booking/holidays/2099", Map.of("lines", lines));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		Http.Response read = personas.api("ent-ws").get("/api/v1/booking/holidays/2099");
		assertThat(read.json().path("days").size()).isEqualTo(3);
		assertThat(read.json().path("lines").asString()).contains("2099-01-04,WORKDAY,元旦调休");
		assertThat(admin.get("/api/v1/booking/holidays/1900").code()).isEqualTo("booking.holiday-year");
	}

	// ---- helpers

	/** A published instrument of 嘉定's testing agency at ¥300 per hour or per sample. */
	private UUID instrument(String unit) {
		String title = "测试预约仪器" + Markers.unique();
		return personas.as("provider-jd", () -> {
			var entry = catalog.upsert(EntryType.INSTRUMENT, new EntryForm(null, title, title + "：对外开放共享。",
					"显微镜及图像分析仪器", "显微镜及图像分析仪器", new BigDecimal("300"), unit, Set.of("CMA"), null,
					Confidentiality.PUBLIC, null, Map.of()));
			return catalog.publish(entry.id()).id();
		});
	}

	/** Open all day every day, hour slots, up to 8 hours, 60 days ahead. */
	private static void openEveryDay(Http owner, UUID instrument, boolean approval, boolean training, String mode) {
		Map<String, Object> rules = new HashMap<>(Map.of("openFrom", "00:00", "openUntil", "24:00", "workingDaysOnly", false,
				"openDays", List.of(1, 2, 3, 4, 5, 6, 7), "slotMinutes", 60, "minMinutes", 60, "maxMinutes", 480,
				"horizonDays", 60, "approval", approval, "trainingRequired", training));
		rules.put("mode", mode);
		rules.put("cancelHours", 0);
		Http.Response saved = owner.put("/api/v1/instruments/" + instrument + "/booking-rules", rules);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
	}

	private Http.Response book(String who, UUID instrument, ZonedDateTime start, int hours) {
		return personas.api(who).post("/api/v1/bookings", Map.of("instrumentId", instrument.toString(), "start",
				start.toOffsetDateTime().toString(), "end", start.plusHours(hours).toOffsetDateTime().toString(), "purpose",
				"成分分析"));
	}

	private static LocalDate day(int fromToday) {
		return LocalDate.now(ChinaTime.ZONE).plusDays(fromToday);
	}

	private static ZonedDateTime at(int daysAhead, int hour) {
		return day(daysAhead).atTime(hour, 0).atZone(ChinaTime.ZONE);
	}
}
