package cn.kejiao.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewInstrument;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/** A booking's life over the API, as its booker and the instrument's owner meet it, and what others see of it. */
@KejiaoIntegrationTest
class BookingLifecycleTests {

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules rules;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MutableClock clock;

	UUID instrument;

	@BeforeEach
	void instrumentWithApproval() {
		instrument = NewInstrument.of(personas, catalog, "provider-jd", "X射线衍射仪（生命周期）", "300.00", "180.00", "1200000",
				false);
		personas.as("provider-jd", () -> rules.save(new Rules(instrument, LocalTime.of(9, 0), LocalTime.of(17, 0),
				List.of(1, 2, 3, 4, 5), true, 30, 30, 480, 60, true, false, 24, Mode.SELF, true)));
	}

	/** The next working day after the given number of days from today, China time. */
	LocalDate workingDay(int after) {
		LocalDate day = LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(after);
		while (!calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ChinaTime.ZONE).toInstant();
	}

	Http.Response book(String username, Instant start, Instant end) {
		return personas.api(username).post("/api/v1/bookings",
				Map.of("instrumentId", instrument.toString(), "start", start.toString(), "end", end.toString(), "purpose", "XRD 物相分析"));
	}

	@Test
	void requestedApprovedUsedAndBilledWithTheExternalPrice() {
		LocalDate day = workingDay(3);
		Http.Response booked = book("ent-ws", at(day, 10, 0), at(day, 11, 30));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		JsonNode booking = booked.json();
		String id = booking.get("id").asString();
		assertThat(booking.get("state").asString()).isEqualTo("REQUESTED");
		assertThat(booking.get("external").asBoolean()).isTrue();
		assertThat(booking.get("number").asString()).startsWith("YY");

		// the owner sees it in its queue; another enterprise does not see it at all
		assertThat(personas.api("provider-jd").get("/api/v1/bookings?mine=false").body()).contains(id);
		assertThat(personas.api("ent-jd").get("/api/v1/bookings/" + id).status()).isEqualTo(404);
		assertThat(personas.api("ent-jd").post("/api/v1/bookings/" + id + "/approve", Map.of()).status()).isIn(403, 404);
		// the booker cannot approve its own request
		assertThat(personas.api("ent-ws").post("/api/v1/bookings/" + id + "/approve", Map.of()).code())
			.isEqualTo("booking.not-owner");

		Http.Response approved = personas.api("provider-jd").post("/api/v1/bookings/" + id + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");

		Http.Response early = personas.api("ent-ws").post("/api/v1/bookings/" + id + "/check-in", Map.of());
		assertThat(early.code()).isEqualTo("booking.check-in-window");

		clock.set(at(day, 9, 50));
		assertThat(personas.api("ent-ws").post("/api/v1/bookings/" + id + "/check-in", Map.of()).json().get("state")
			.asString()).isEqualTo("CHECKED_IN");
		clock.set(at(day, 12, 0));
		Http.Response used = personas.api("provider-jd").post("/api/v1/bookings/" + id + "/complete",
				Map.of("actualStart", at(day, 10, 0).toString(), "actualEnd", at(day, 11, 0).toString(), "bill", false));
		assertThat(used.status()).as(used.body()).isEqualTo(200);
		JsonNode use = used.json();
		assertThat(use.get("state").asString()).isEqualTo("USED");
		assertThat(use.get("quantity").decimalValue()).isEqualByComparingTo("1.00");
		// one hour at the external price per hour of the catalog entry
		EntryView entry = personas.as("provider-jd", () -> catalog.forOwner(instrument));
		assertThat(use.get("fee").asString()).isEqualTo(entry.price().setScale(2).toPlainString());
		Http.Response billed = personas.api("provider-jd").post("/api/v1/bookings/" + id + "/bill", Map.of());
		assertThat(billed.json().get("state").asString()).isEqualTo("BILLED");
		assertThat(personas.api("ent-ws").get("/api/v1/bookings?mine=true").body()).contains(id);
	}

	@Test
	void theCalendarShowsTakenTimeWithoutTheBookerAndTheBookersOwnAsMine() {
		LocalDate day = workingDay(5);
		Http.Response booked = book("ent-ws", at(day, 13, 0), at(day, 14, 0));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String path = "/api/v1/instruments/" + instrument + "/availability?from=" + day + "&to=" + day;
		Http.Response seen = personas.api("ent-jd").get(path);
		assertThat(seen.status()).as(seen.body()).isEqualTo(200);
		assertThat(seen.body()).doesNotContain("文山").doesNotContain("ent-ws");
		JsonNode intervals = seen.json().get("intervals");
		assertThat(intervals.valueStream().map(i -> i.get("kind").asString() + " " + i.get("start").asString())
			.toList()).contains("TAKEN " + at(day, 13, 0), "FREE " + at(day, 9, 0), "FREE " + at(day, 14, 0));
		assertThat(intervals.valueStream().noneMatch(i -> i.get("mine").asBoolean())).isTrue();
		Http.Response own = personas.api("ent-ws").get(path);
		assertThat(own.json().get("intervals").valueStream().anyMatch(i -> i.get("mine").asBoolean())).isTrue();
		// a visitor sees the same calendar
		assertThat(Http.api(personas.port()).get(path).status()).isEqualTo(200);
	}

	@Test
	void anInstrumentThatConfirmsAtOnceApprovesTheRequestItself() {
		personas.as("provider-jd", () -> rules.save(new Rules(instrument, LocalTime.of(9, 0), LocalTime.of(17, 0),
				List.of(1, 2, 3, 4, 5), true, 30, 30, 480, 60, false, false, 24, Mode.SELF, true)));
		LocalDate day = workingDay(7);
		Http.Response booked = book("ent-jd", at(day, 9, 0), at(day, 10, 0));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(booked.json().get("state").asString()).isEqualTo("APPROVED");
		// and the same time cannot be booked twice
		Http.Response again = book("ent-ws", at(day, 9, 30), at(day, 10, 30));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("booking.clash");
		assertThat(again.json().get("clash").get("start").asString()).isEqualTo(at(day, 9, 0).toString());
		// cancelled by its booker before the deadline, the time is free again
		String id = booked.json().get("id").asString();
		assertThat(personas.api("ent-jd").post("/api/v1/bookings/" + id + "/cancel", Map.of()).json().get("state").asString())
			.isEqualTo("CANCELLED");
		assertThat(book("ent-ws", at(day, 9, 30), at(day, 10, 30)).status()).isEqualTo(201);
	}

	@Test
	void theBookerCannotCancelAfterTheDeadlineButTheOwnerCanWithAReason() {
		LocalDate day = workingDay(4);
		String id = book("ent-ws", at(day, 15, 0), at(day, 16, 0)).json().get("id").asString();
		clock.set(at(day, 15, 0).minus(Duration.ofHours(23)));
		Http.Response late = personas.api("ent-ws").post("/api/v1/bookings/" + id + "/cancel", Map.of());
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("booking.cancel-too-late");
		assertThat(personas.api("provider-jd").post("/api/v1/bookings/" + id + "/cancel", Map.of()).code())
			.isEqualTo("booking.reason-required");
		assertThat(personas.api("provider-jd").post("/api/v1/bookings/" + id + "/cancel", Map.of("reason", "设备故障"))
			.json().get("state").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void anInstrumentWithoutAPriceShowsItsCalendarAndIsBookedWithoutAFee() {
		UUID unpriced = personas.as("provider-jd", () -> {
			EntryView entry = catalog.create(cn.kejiao.catalog.EntryType.INSTRUMENT, new cn.kejiao.catalog.EntryForm(
					"FREE-" + UUID.randomUUID().toString().substring(0, 8), "显微拉曼光谱仪（免费开放）", "免费开放的仪器。", "拉曼",
					"X射线仪器", null, null, java.util.Set.of(), null, cn.kejiao.catalog.Confidentiality.PUBLIC, null,
					Map.of("bookingMode", "自动审批")));
			return catalog.publish(entry.id()).id();
		});
		LocalDate day = workingDay(6);
		assertThat(personas.api("ent-jd").get("/api/v1/instruments/" + unpriced + "/availability?from=" + day + "&to=" + day)
			.status()).isEqualTo(200);
		Http.Response booked = personas.api("ent-jd").post("/api/v1/bookings", Map.of("instrumentId", unpriced.toString(),
				"start", at(day, 10, 0).toString(), "end", at(day, 11, 0).toString(), "purpose", "拉曼光谱"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(booked.json().get("state").asString()).isEqualTo("APPROVED");
		assertThat(booked.json().get("unitPrice").isNull()).isTrue();
	}
}
