package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;

import cn.kejiao.booking.BookableInstruments;
import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.CalendarGrid;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewInstrument;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * 文山's alumina enterprise books an instrument of 嘉定's testing agency from its page and pays half with its Yunnan
 * voucher (沪滇通用通兑); the agency approves it, checks the booker in and records a use shorter than booked; the
 * voucher pays half of the actual fee and gives back the rest of its hold, the voucher ledger still verifies, and
 * 上海's sharing figures for the day count the hours and the income.
 */
@KejiaoIntegrationTest
class BookingVoucherJourneyTests extends JourneyTest {

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules rules;

	@Autowired
	CalendarGrid grid;

	@Autowired
	MutableClock clock;

	@Test
	void aYunnanEnterpriseBooksAJiadingInstrumentPaysHalfWithItsVoucherAndTheSharingFiguresCountIt() {
		String title = "场发射扫描电镜（沪滇预约）" + Markers.unique();
		UUID instrument = NewInstrument.of(personas, catalog, "provider-jd", title, "300.00", "180.00", "2000000", false);
		BookableInstruments bookable = new BookableInstruments(personas, catalog, rules, grid, clock);
		Instant start = bookable.freeRun(instrument, 1, 4);
		LocalDate day = start.atZone(ChinaTime.ZONE).toLocalDate();
		String figures = "/sharing-figures?region=310114&from=" + day + "&to=" + day;
		Http enterprise = personas.api("ent-ws");
		String grantId = yunnanGrant(enterprise);
		BigDecimal grantBefore = balance(enterprise, grantId);

		// 上海's admin looks at 嘉定's figures for the day before anything is used
		signIn("sh-admin");
		page.navigate(url(figures));
		BigDecimal hoursBefore = number(page.locator("#total-effective"));
		BigDecimal externalBefore = number(page.locator("#total-external"));
		BigDecimal incomeBefore = number(page.locator("#total-external-income"));
		signOut();

		// the enterprise books two hours in place, half paid with its Yunnan voucher
		signIn("ent-ws");
		page.navigate(url("/catalog/entries/" + instrument));
		assertThat(page.locator("#booking-calendar h2")).hasText("预约日历");
		LocalDate thisMonday = LocalDate.now(clock.withZone(ChinaTime.ZONE)).with(DayOfWeek.MONDAY);
		long weeks = ChronoUnit.WEEKS.between(thisMonday, day.with(DayOfWeek.MONDAY));
		for (int i = 0; i < weeks; i++) {
			String range = page.locator("#calendar-range").textContent();
			page.locator("#calendar-next").click();
			assertThat(page.locator("#calendar-range")).not().hasText(range);
		}
		page.locator("#booking-calendar button.slot.free[data-start='" + BookableInstruments.local(start) + "']").click();
		assertThat(page.locator("#booking-form")).isVisible();
		page.locator("#booking-purpose").fill("赤泥颗粒形貌与元素分布观察");
		page.locator("#booking-minutes").selectOption("120");
		assertThat(page.locator("#booking-grant option[value='" + grantId + "']")).containsText("云南省科技创新券");
		page.locator("#booking-grant").selectOption(grantId);
		page.locator("#booking-submit").click();
		assertThat(page.locator("#booking-confirmation")).containsText("YY");
		String number = page.locator("#booking-confirmation .booking-number").first().textContent().strip();
		signOut();
		JsonNode booking = StreamSupport.stream(enterprise.get("/api/v1/bookings?mine=true").json().spliterator(), false)
			.filter(b -> b.get("number").asString().equals(number)).findFirst().orElseThrow();
		String id = booking.get("id").asString();
		assertThat(booking.get("grantId").asString()).isEqualTo(grantId);

		// the agency approves it from its console: the voucher part of the estimate is held
		signIn("provider-jd");
		page.locator("#nav-booking-console").click();
		Locator card = page.locator("#queue #booking-" + id);
		assertThat(card.locator(".booker")).containsText("文山");
		card.locator("button.approve").click();
		assertThat(page.locator("#console-message")).containsText("已确认该预约");
		BigDecimal held = grantBefore.subtract(balance(enterprise, grantId));
		assertThat(held).as("half of two hours at ¥300 held").isEqualByComparingTo("300.00");

		// the booker comes; the use ends half an hour early and is billed at once
		clock.set(start.plus(5, ChronoUnit.MINUTES));
		page.navigate(url("/bookings/console"));
		card = page.locator("#booking-" + id);
		card.locator("button.check-in").click();
		assertThat(page.locator("#console-message")).hasText("已签到。");
		clock.set(start.plus(2, ChronoUnit.HOURS));
		card = page.locator("#booking-" + id);
		card.locator("input[name=actualEnd]").fill(BookableInstruments.local(start.plus(90, ChronoUnit.MINUTES)));
		card.locator("button.record-use").click();
		assertThat(page.locator("#console-message")).hasText("已登记使用并计费。");
		assertThat(page.locator("#recent #booking-" + id + " .fee")).hasText("¥450.00");
		signOut();

		// half of the actual fee was paid by the voucher, the rest of its hold went back to the grant
		// (a token of its own: the clock moved on by more than a token lives)
		Http later = personas.api("ent-ws");
		assertThat(grantBefore.subtract(balance(later, grantId))).isEqualByComparingTo("225.00");
		JsonNode order = later.get("/api/v1/orders/" + later.get("/api/v1/bookings/" + id).json().get("orderId").asString()).json();
		assertThat(order.get("state").asString()).isEqualTo("CONFIRMED");
		assertThat(new BigDecimal(order.get("voucherAmount").asString())).isEqualByComparingTo("225.00");
		JsonNode verification = personas.api("admin").get("/api/v1/voucher-ledger/verification").json();
		assertThat(verification.get("violations")).as(verification.toString()).isEmpty();

		// and 上海's figures for the day count one and a half hours of outside use and ¥450 of outside income
		signIn("sh-admin");
		page.navigate(url(figures));
		assertThat(number(page.locator("#total-effective"))).isEqualByComparingTo(hoursBefore.add(new BigDecimal("1.5")));
		assertThat(number(page.locator("#total-external"))).isEqualByComparingTo(externalBefore.add(new BigDecimal("1.5")));
		assertThat(number(page.locator("#total-external-income"))).isEqualByComparingTo(incomeBefore.add(new BigDecimal("450")));
		Locator row = page.locator("#sharing-table tr[data-instrument='" + instrument + "']");
		if (row.count() > 0) {
			assertThat(row.locator(".external")).hasText("1.50");
		}
	}

	/** The demo's Yunnan grant of ent-ws: half of a use, accepted in the 沪滇 zone (others may hold other ratios). */
	private static String yunnanGrant(Http enterprise) {
		return StreamSupport.stream(enterprise.get("/api/v1/voucher-grants").json().spliterator(), false)
			.filter(g -> g.get("schemeName").asString().equals("云南省科技创新券（沪滇通用通兑）")
					&& g.get("state").asString().equals("ACTIVE") && g.get("subsidyRatio").decimalValue().compareTo(new BigDecimal("0.5")) == 0
					&& new BigDecimal(g.get("balance").asString()).compareTo(new BigDecimal("300")) >= 0)
			.findFirst().orElseThrow().get("id").asString();
	}

	private static BigDecimal balance(Http enterprise, String grantId) {
		JsonNode grant = StreamSupport.stream(enterprise.get("/api/v1/voucher-grants").json().spliterator(), false)
			.filter(g -> g.get("id").asString().equals(grantId)).findFirst().orElseThrow();
		return new BigDecimal(grant.get("balance").asString());
	}

	private static BigDecimal number(Locator figure) {
		return new BigDecimal(figure.textContent().replaceAll("[^0-9.]", ""));
	}
}
