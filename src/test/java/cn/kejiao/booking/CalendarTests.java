package cn.kejiao.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * The calendar as booker, visitor and owner read it: the week's slots say taken but never by whom, the free-slot
 * search finds an instrument's free time around what is booked, and the iCalendar feeds carry the bookings (who booked
 * only in the owner's).
 */
@KejiaoIntegrationTest
class CalendarTests {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules rules;

	@Autowired
	CalendarGrid grid;

	@Autowired
	Clock clock;

	private BookableInstruments instruments() {
		return new BookableInstruments(personas, catalog, rules, grid, clock);
	}

	/** ent-ws books two slots of the instrument; the booking's JSON. */
	private JsonNode book(EntryView instrument, Instant start, String purpose) {
		int slot = instruments().rules(instrument.id()).slotMinutes();
		Instant end = start.plusSeconds(Math.max(2 * slot, instruments().rules(instrument.id()).minMinutes()) * 60L);
		Http.Response made = personas.api("ent-ws").post("/api/v1/bookings", Map.of("instrumentId", instrument.id(),
				"start", start.atZone(ChinaTime.ZONE).toOffsetDateTime().toString(),
				"end", end.atZone(ChinaTime.ZONE).toOffsetDateTime().toString(), "purpose", purpose));
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		return made.json();
	}

	@Test
	void theWeekShowsTakenTimeToEveryoneButSaysWhoseOnlyToTheBooker() {
		EntryView instrument = instruments().ofProviderJd(0);
		Instant start = instruments().freeRun(instrument.id(), 3, 2);
		JsonNode booking = book(instrument, start, "赤泥样品断口观察-保密用途");
		String day = start.atZone(ChinaTime.ZONE).toLocalDate().toString();
		String path = "/instruments/" + instrument.id() + "/calendar?day=" + day;
		String cell = "data-start=\"" + BookableInstruments.local(start) + "\"";

		String visitor = Http.browser(port).get(path).body();
		assertThat(visitor).contains(cell).contains("slot taken").doesNotContain("slot mine")
			.doesNotContain("文山").doesNotContain("ent-ws").doesNotContain("保密用途").doesNotContain(booking.get("number").asString())
			.doesNotContain("booking-form");
		assertThat(classOf(visitor, cell)).contains("taken");

		String booker = personas.browser("ent-ws").get(path).body();
		assertThat(classOf(booker, cell)).contains("mine");

		String other = personas.browser("ent-jd").get(path).body();
		assertThat(classOf(other, cell)).contains("taken").doesNotContain("mine");
		assertThat(other).doesNotContain("文山").doesNotContain("保密用途");
	}

	@Test
	void aVisitorPickingASlotIsAskedToSignInAndComesBackToTheSlot() {
		EntryView instrument = instruments().ofProviderJd(1);
		Instant start = instruments().freeRun(instrument.id(), 3, 1);
		String local = BookableInstruments.local(start);
		String picked = Http.browser(port).get("/instruments/" + instrument.id() + "/calendar?start=" + local).body();
		assertThat(picked).contains("booking-sign-in-link").contains("/instruments/" + instrument.id() + "/booking?start=" + local);
		Http.Response back = personas.browser("ent-ws").get("/instruments/" + instrument.id() + "/booking?start=" + local);
		assertThat(back.status()).isEqualTo(302);
		assertThat(back.location()).contains("/catalog/entries/" + instrument.id() + "?start=" + local);
	}

	@Test
	void theBookingFormKeepsWhatWasTypedAndSaysWhyABookingWasRefused() {
		EntryView instrument = instruments().ofProviderJd(2);
		Instant start = instruments().freeRun(instrument.id(), 3, 2);
		book(instrument, start, "先到先得");
		Http browser = personas.browser("ent-jd");
		String page = browser.get("/instruments/" + instrument.id() + "/calendar?start=" + BookableInstruments.local(start)).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the form carries its CSRF token").isTrue();
		String form = "_csrf=" + csrf.group(1) + "&start=" + BookableInstruments.local(start) + "&minutes="
				+ instruments().rules(instrument.id()).minMinutes() + "&purpose="
				+ URLEncoder.encode("电池极片截面观察", StandardCharsets.UTF_8) + "&repeat=1";
		Http.Response refused = browser.send("POST", "/instruments/" + instrument.id() + "/bookings",
				"application/x-www-form-urlencoded", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"booking-error\"").contains("已有预约").contains("value=\"电池极片截面观察\"")
			.doesNotContain("先到先得");
	}

	@Test
	void theFreeSlotSearchFindsTheInstrumentFreeAroundWhatIsBookedInTheZone() {
		EntryView instrument = instruments().ofProviderJd(3);
		Instant start = instruments().freeRun(instrument.id(), 4, 2);
		JsonNode booking = book(instrument, start, "检测");
		Instant bookedEnd = Instant.parse(booking.get("end").asString());
		String day = start.atZone(ChinaTime.ZONE).toLocalDate().toString();
		String from = start.atZone(ChinaTime.ZONE).toLocalTime().toString();
		String q = URLEncoder.encode(instrument.title(), StandardCharsets.UTF_8);

		for (String region : List.of("yrd", URLEncoder.encode("长三角", StandardCharsets.UTF_8), "310000")) {
			Http.Response found = Http.api(port).get("/api/v1/instruments/free?q=" + q + "&region=" + region + "&date=" + day
					+ "&from=" + from + "&to=24:00&minutes=30");
			assertThat(found.status()).as(found.body()).isEqualTo(200);
			JsonNode hit = hitOf(found.json(), instrument.id().toString());
			assertThat(hit).as("%s found in %s", instrument.title(), region).isNotNull();
			List<Instant> starts = new ArrayList<>();
			hit.get("slots").forEach(s -> starts.add(Instant.parse(s.get("start").asString())));
			// the booked time is stepped over: the first free start is at or after the booking's end, or none that day
			assertThat(starts).allMatch(s -> !s.isBefore(bookedEnd));
		}
		Http.Response yunnan = Http.api(port).get("/api/v1/instruments/free?q=" + q + "&region=530000&date=" + day);
		assertThat(hitOf(yunnan.json(), instrument.id().toString())).isNull();
		assertThat(Http.api(port).get("/api/v1/instruments/free?date=tomorrow").code()).isEqualTo("request.invalid-parameter");
		assertThat(Http.api(port).get("/api/v1/instruments/free?minutes=2").code()).isEqualTo("booking.free-minutes");

		String page = Http.browser(port).get("/instruments/free?q=" + q + "&zone=yrd&date=" + day + "&from=" + from
				+ "&to=17:00&minutes=60").body();
		assertThat(page).contains(instrument.title()).contains("/catalog/entries/" + instrument.id());
	}

	@Test
	void theBookersFeedHoldsTheBookingAndOnlyTheOwnersFeedSaysWhoBookedIt() {
		EntryView instrument = instruments().ofProviderJd(4);
		Instant start = instruments().freeRun(instrument.id(), 5, 2);
		JsonNode booking = book(instrument, start, "日历订阅");
		String uid = "UID:" + booking.get("id").asString() + "@kejiao.cn";

		Http.Response mine = personas.browser("ent-ws").get("/bookings.ics");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.contentType()).startsWith("text/calendar");
		String ics = unfold(mine.body());
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("VERSION:2.0")
			.contains(uid).contains("DTSTART:" + UTC.format(start)).contains("DTSTAMP:").contains("SUMMARY:")
			.contains("LOCATION:");
		assertThat(mine.body().lines().toList()).allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= 75);

		Http.Response owner = personas.browser("provider-jd").get("/instruments/" + instrument.id() + "/bookings.ics");
		assertThat(owner.status()).isEqualTo(200);
		assertThat(unfold(owner.body())).contains(uid).contains("文山绿色铝材氧化铝有限公司");
		assertThat(personas.browser("ent-jd").get("/instruments/" + instrument.id() + "/bookings.ics").status()).isEqualTo(403);
		assertThat(Http.browser(port).get("/bookings.ics").status()).isEqualTo(302);

		Http browser = personas.browser("ent-ws");
		Matcher address = Pattern.compile("/calendar/[0-9a-f]{48}\\.ics").matcher(browser.get("/bookings/feed").body());
		assertThat(address.find()).isTrue();
		Http.Response subscribed = Http.api(port).get(address.group());
		assertThat(subscribed.status()).isEqualTo(200);
		assertThat(unfold(subscribed.body())).contains(uid);
		assertThat(Http.api(port).get("/calendar/" + "0".repeat(48) + ".ics").status()).isEqualTo(404);
	}

	private static JsonNode hitOf(JsonNode result, String id) {
		for (JsonNode hit : result.get("hits")) {
			if (hit.get("instrumentId").asString().equals(id)) {
				return hit;
			}
		}
		return null;
	}

	/** The class attribute of the slot element carrying the marker. */
	private static String classOf(String html, String marker) {
		int at = html.indexOf(marker);
		assertThat(at).as("slot %s on the page", marker).isPositive();
		int open = html.lastIndexOf('<', at);
		String tag = html.substring(open, html.indexOf('>', at));
		Matcher cls = Pattern.compile("class=\"([^\"]*)\"").matcher(tag);
		return cls.find() ? cls.group(1) : "";
	}

	private static String unfold(String ics) {
		return ics.replace("\r\n ", "");
	}
}
