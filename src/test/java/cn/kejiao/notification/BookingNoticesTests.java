package cn.kejiao.notification;

import static cn.kejiao.booking.InstrumentFixture.at;
import static cn.kejiao.booking.InstrumentFixture.iso;
import static cn.kejiao.support.Mails.body;
import static cn.kejiao.support.Mails.recipients;
import static cn.kejiao.support.Mails.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.InstrumentFixture;
import cn.kejiao.booking.Mode;
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
 * Each step of an instrument booking tells the side that did not take it, in the application and by e-mail: the
 * owner of a booking to approve and of one its booker cancelled; the booker of the approval, the rejection with why,
 * a cancellation by the owner, and of a booking confirmed at once by the rules — which the owner is not asked about.
 */
@KejiaoIntegrationTest
class BookingNoticesTests {

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
	MutableClock clock;

	@Autowired
	EventPublications events;

	@Test
	void eachStepOfABookingTellsTheOtherSide() {
		UUID instrument = InstrumentFixture.create(personas, catalog, rules, "扫描电子显微镜（通知）", true, Mode.SELF);
		LocalDate day = InstrumentFixture.daysAhead(clock, 5);
		Http owner = personas.api("provider-jd");
		Http booker = personas.api("ent-ws");

		// requested: the owner is asked to approve, by e-mail too
		JsonNode first = book(booker, instrument, day, 9);
		String number = first.get("number").asString();
		JsonNode requested = await(owner, number, "等待您确认");
		assertThat(requested.get("body").asString()).contains("扫描电子显微镜（通知）")
			.contains(InstrumentFixture.period(at(day, 9), at(day, 11)));
		mail("provider-jd@demo.kejiao.cn", number, "等待您确认");

		// approved: the booker alone
		assertThat(owner.post("/api/v1/bookings/" + first.get("id").asString() + "/approve", Map.of()).status()).isEqualTo(200);
		await(booker, number, "已通过");
		mail("ent-ws@demo.kejiao.cn", number, "已通过");

		// cancelled by the booker: the owner
		assertThat(booker.post("/api/v1/bookings/" + first.get("id").asString() + "/cancel", Map.of("reason", "样品未备齐"))
			.status()).isEqualTo(200);
		JsonNode cancelled = await(owner, number, "已被预约人取消");
		assertThat(cancelled.get("body").asString()).contains("样品未备齐");
		mail("provider-jd@demo.kejiao.cn", number, "已被预约人取消");

		// rejected, with why: the booker
		JsonNode second = book(booker, instrument, day, 13);
		String rejectedNumber = second.get("number").asString();
		owner.post("/api/v1/bookings/" + second.get("id").asString() + "/reject", Map.of("reason", "当天设备校准"));
		JsonNode rejected = await(booker, rejectedNumber, "未获通过");
		assertThat(rejected.get("body").asString()).contains("当天设备校准");
		assertThat(body(mail("ent-ws@demo.kejiao.cn", rejectedNumber, "未获通过"))).contains("当天设备校准")
			.contains("/bookings#" + rejectedNumber);

		// approved, then cancelled by the owner: the booker, with the reason
		JsonNode third = book(booker, instrument, day.plusDays(1), 9);
		String thirdNumber = third.get("number").asString();
		owner.post("/api/v1/bookings/" + third.get("id").asString() + "/approve", Map.of());
		owner.post("/api/v1/bookings/" + third.get("id").asString() + "/cancel", Map.of("reason", "电镜灯丝更换"));
		JsonNode byOwner = await(booker, thirdNumber, "已被机主取消");
		assertThat(byOwner.get("body").asString()).contains("电镜灯丝更换");
		mail("ent-ws@demo.kejiao.cn", thirdNumber, "已被机主取消");

		// in English for a reader who asks for it
		JsonNode english = notices(personas.api("ent-ws").language("en"), thirdNumber).stream()
			.filter(n -> n.get("title").asString().contains("The owner cancelled")).findFirst().orElse(null);
		assertThat(english).isNotNull();
	}

	@Test
	void aBookingConfirmedAtOnceTellsTheBookerAndAsksNothingOfTheOwner() {
		UUID instrument = InstrumentFixture.create(personas, catalog, rules, "热重分析仪（自动确认）", false, Mode.SELF);
		LocalDate day = InstrumentFixture.daysAhead(clock, 6);
		Http booker = personas.api("ent-jd");
		JsonNode booking = book(booker, instrument, day, 10);
		String number = booking.get("number").asString();
		assertThat(booking.get("state").asString()).isEqualTo("APPROVED");

		JsonNode confirmed = await(booker, number, "已确认");
		assertThat(confirmed.get("body").asString()).contains("热重分析仪（自动确认）");
		mail("ent-jd@demo.kejiao.cn", number, "已确认");
		events.awaitHandled(TEN_SECONDS, booking.get("id").asString());
		assertThat(notices(personas.api("provider-jd"), number)).as("nothing for the owner to approve").isEmpty();
		assertThat(notices(booker, number)).as("told once").hasSize(1);
	}

	private static JsonNode book(Http booker, UUID instrument, LocalDate day, int hour) {
		Http.Response booked = booker.post("/api/v1/bookings", Map.of("instrumentId", instrument, "start",
				iso(at(day, hour)), "end", iso(at(day, hour + 2)), "purpose", "断口形貌分析"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		return booked.json();
	}

	/** The reader's notice about the booking whose title says the words, once it arrived. */
	private static JsonNode await(Http reader, String number, String words) {
		return Eventually.await(TEN_SECONDS, () -> notices(reader, number).stream()
			.filter(n -> n.get("title").asString().contains(words)).findFirst().orElse(null));
	}

	private static List<JsonNode> notices(Http reader, String number) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode notice : reader.get("/api/v1/notifications").json()) {
			if (notice.get("link").asString().equals("/bookings#" + number)) {
				found.add(notice);
			}
		}
		return found;
	}

	private static MimeMessage mail(String to, String number, String words) {
		return Eventually.await(TEN_SECONDS, () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains(to))
			.filter(m -> subject(m).contains(number) && subject(m).contains(words)).findFirst().orElse(null));
	}
}
