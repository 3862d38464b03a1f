package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;

import cn.kejiao.booking.BookableInstruments;
import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.CalendarGrid;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/**
 * An enterprise books an instrument from its catalog page: the week of free and taken time, a free slot picked and
 * booked in place, the booking in "my bookings", cancelled there; a visitor is sent to sign in and back to the slot;
 * on a phone the calendar is a list of days that does not scroll sideways.
 */
@KejiaoIntegrationTest
class BookingCalendarJourneyTests extends JourneyTest {

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

	/** Opens the instrument's page and moves the calendar on to the week of {@code start}. */
	private Locator openAtWeekOf(EntryView instrument, Instant start) {
		page.navigate(url("/catalog/entries/" + instrument.id()));
		assertThat(page.locator("#booking-calendar h2")).hasText("预约日历");
		LocalDate thisMonday = LocalDate.now(clock.withZone(ChinaTime.ZONE)).with(DayOfWeek.MONDAY);
		LocalDate targetMonday = start.atZone(ChinaTime.ZONE).toLocalDate().with(DayOfWeek.MONDAY);
		long weeks = ChronoUnit.WEEKS.between(thisMonday, targetMonday);
		for (int i = 0; i < weeks; i++) {
			String range = page.locator("#calendar-range").textContent();
			page.locator("#calendar-next").click();
			assertThat(page.locator("#calendar-range")).not().hasText(range);
		}
		return page.locator("#booking-calendar button.slot.free[data-start='" + BookableInstruments.local(start) + "']");
	}

	@Test
	void aVerifiedEnterpriseBooksAFreeSlotInPlaceSeesItInMyBookingsAndCancelsIt() {
		EntryView instrument = instruments().ofProviderJd(5);
		Instant start = instruments().freeRun(instrument.id(), 2, 2);
		signIn("ent-ws");
		Locator slot = openAtWeekOf(instrument, start);
		assertThat(page.locator("#calendar-days .calendar-day")).hasCount(7);
		slot.click();

		assertThat(page.locator("#booking-form")).isVisible();
		page.locator("#booking-purpose").fill("赤泥颗粒形貌观察");
		page.locator("#booking-submit").click();
		assertThat(page.locator("#booking-confirmation")).containsText("YY");
		String number = page.locator("#booking-confirmation .booking-number").first().textContent().strip();
		assertThat(page.locator("#booking-calendar .slot.mine[data-start='" + BookableInstruments.local(start) + "']")).isVisible();

		page.locator("#confirmation-mine").click();
		page.waitForURL(url("/bookings"));
		Locator item = page.locator(".booking-item[data-number='" + number + "']");
		assertThat(item).containsText(instrument.title());
		assertThat(item.locator(".booking-state")).not().isEmpty();
		assertThat(item.locator(".booking-deadline")).containsText("前取消");
		assertThat(item.locator(".booking-time")).containsText(BookableInstruments.local(start).replace('T', ' '));

		item.locator(".booking-cancel").click();
		assertThat(page.locator("#bookings-message")).containsText(number);
		Locator cancelled = page.locator(".booking-item[data-number='" + number + "']");
		assertThat(cancelled.locator(".booking-state")).hasText("已取消");
		assertThat(cancelled.locator(".booking-cancel")).hasCount(0);
	}

	@Test
	void aVisitorSeesTheCalendarIsAskedToSignInAndComesBackToTheSlotPicked() {
		EntryView instrument = instruments().ofProviderJd(6);
		Instant start = instruments().freeRun(instrument.id(), 2, 2);
		Locator slot = openAtWeekOf(instrument, start);
		slot.click();
		assertThat(page.locator("#booking-form")).hasCount(0);
		page.locator("#booking-sign-in-link").click();
		page.waitForURL(url("/login"));
		page.locator("#username").fill("ent-ws");
		page.locator("#password").fill(DEMO_PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(address -> address.contains("/catalog/entries/" + instrument.id()));
		assertThat(page.locator("#booking-form h3")).containsText(BookableInstruments.local(start).replace('T', ' '));
	}

	@Test
	void onAPhoneTheWeekIsAListOfDaysAndNothingScrollsSideways() {
		EntryView instrument = instruments().ofProviderJd(7);
		signIn("ent-ws");
		phone();
		page.navigate(url("/catalog/entries/" + instrument.id()));
		assertThat(page.locator("#booking-calendar #calendar-days")).isVisible();
		Object columns = page.evaluate("getComputedStyle(document.querySelector('#calendar-days')).gridTemplateColumns.split(' ').length");
		assertThat(((Number) columns).intValue()).as("one column of days").isEqualTo(1);
		assertNoSidewaysScroll();
		page.locator("#calendar-view").click();
		assertThat(page.locator("#calendar-days .calendar-day")).hasCount(1);
		assertNoSidewaysScroll();
		for (String path : new String[] { "/bookings", "/instruments/free?zone=yrd", "/bookings/feed" }) {
			page.navigate(url(path));
			assertThat(page.locator("main h1")).isVisible();
			assertNoSidewaysScroll();
		}
	}
}
