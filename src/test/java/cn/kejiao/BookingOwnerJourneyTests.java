package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;

/**
 * An instrument's owner at work: 嘉定's testing agency sets the booking rules of one of its instruments (a
 * contradiction is refused on the form, what was typed kept), records who was trained on it, finds a request of
 * 文山's enterprise in its queue, approves it, checks the booker in, records the actual use and sees it billed;
 * and the platform admin extends the holiday calendar by a year.
 */
@KejiaoIntegrationTest
class BookingOwnerJourneyTests extends JourneyTest {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	MutableClock clock;

	@Test
	void theOwnerSetsTheRulesTrainsApprovesChecksInAndBillsTheUse() {
		String title = "场发射扫描电镜（预约）" + Markers.unique();
		UUID instrument = instrument(title);
		signIn("provider-jd");

		// from the navigation to the console, and from its list of instruments to the rules of one
		page.locator("#nav-booking-console").click();
		assertThat(page.locator("h1")).hasText("仪器预约台");
		page.locator("#my-instruments a[data-instrument='" + title + "']").click();
		assertThat(page.locator("h1")).containsText(title);
		assertThat(page.locator("#rules-default")).isVisible();

		// a contradiction is refused on the form, and what was typed stays
		page.locator("#open-from").fill("00:00");
		page.locator("#open-until").fill("24:00");
		page.locator("#working-days-only").uncheck();
		for (int day = 1; day <= 7; day++) {
			page.locator("#open-days input[value='" + day + "']").check();
		}
		page.locator("#slot-minutes").fill("60");
		page.locator("#min-minutes").fill("45");
		page.locator("#max-minutes").fill("240");
		page.locator("#horizon-days").fill("30");
		page.locator("#cancel-hours").fill("12");
		page.locator("#approval-yes").check();
		page.locator("#training-required").check();
		page.locator("#mode").selectOption("SELF");
		page.locator("#save-rules").click();
		assertThat(page.locator("#rules-error")).containsText("须为时段长度（60 分钟）的整数倍");
		assertThat(page.locator("#min-minutes")).hasValue("45");
		assertThat(page.locator("#open-until")).hasValue("24:00");
		assertThat(page.locator("#training-required")).isChecked();
		page.locator("#min-minutes").fill("60");
		page.locator("#save-rules").click();
		assertThat(page.locator("#rules-message")).hasText("预约规则已保存。");
		assertThat(page.locator("#rules-default")).hasCount(0);
		assertThat(page.locator("#open-days input[value='7']")).isChecked();

		// a training record of the enterprise's user, expiring within the month: highlighted
		page.locator("#training-username").fill("ent-ws");
		page.locator("#training-expires").fill(LocalDate.now(ChinaTime.ZONE).plusDays(20).toString());
		page.locator("#training-trainer").fill("张工");
		page.locator("#add-training").click();
		Locator training = page.locator("#training-table tr[data-username='ent-ws']");
		assertThat(training).containsText("文山氧化铝技术中心");
		assertThat(training).hasClass(java.util.regex.Pattern.compile("training-expiring"));
		assertThat(training).containsText("30 天内到期");

		// 文山's enterprise, trained now, asks for two hours starting at the next full hour but one
		ZonedDateTime start = ZonedDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(2);
		Http.Response booked = personas.api("ent-ws").post("/api/v1/bookings", Map.of("instrumentId", instrument.toString(),
				"start", start.toOffsetDateTime().toString(), "end", start.plusHours(2).toOffsetDateTime().toString(),
				"purpose", "赤泥样品形貌观察"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String id = booked.json().path("id").asString();

		// the workbench counts it, and leads to the queue
		page.navigate(url("/"));
		assertThat(page.locator("a[data-todo='bookings-to-approve'] .todo-count")).not().hasText("0");
		page.locator("a[data-todo='bookings-to-approve']").click();
		Locator card = page.locator("#queue #booking-" + id);
		assertThat(card).containsText(title);
		assertThat(card.locator(".booker")).containsText("文山氧化铝技术中心");
		assertThat(card.locator(".state")).hasText("待确认");
		assertThat(card).containsText("¥300.00 / 小时");
		card.locator("button.approve").click();
		assertThat(page.locator("#console-message")).containsText("已确认该预约");
		card = page.locator("#booking-" + id);
		assertThat(card.locator(".state")).hasText("已确认");

		// the booker comes: checked in five minutes after the start
		clock.set(start.plusMinutes(5).toInstant());
		page.reload();
		card.locator("button.check-in").click();
		assertThat(page.locator("#console-message")).hasText("已签到。");
		assertThat(card.locator(".state")).hasText("已签到");

		// the use ends half an hour early; recorded in China time and billed at once
		clock.set(start.plusHours(2).plusMinutes(10).toInstant());
		assertThat(card.locator("input[name=actualStart]")).hasValue(start.format(LOCAL));
		card.locator("input[name=actualEnd]").fill(start.plusMinutes(90).format(LOCAL));
		card.locator("button.record-use").click();
		assertThat(page.locator("#console-message")).hasText("已登记使用并计费。");
		card = page.locator("#recent #booking-" + id);
		assertThat(card.locator(".state")).hasText("已计费");
		assertThat(card.locator(".fee")).hasText("¥450.00");
		Http.Response billed = personas.api("ent-ws").get("/api/v1/bookings/" + id);
		assertThat(billed.json().path("state").asString()).isEqualTo("BILLED");
		assertThat(new BigDecimal(billed.json().path("quantity").asString())).isEqualByComparingTo("1.50");

		// on a phone, the console and the rules page do not scroll sideways
		phone();
		page.navigate(url("/bookings/console"));
		assertNoSidewaysScroll();
		page.navigate(url("/bookings/console/instruments/" + instrument));
		assertNoSidewaysScroll();
	}

	@Test
	void anotherOrganisationCannotOpenTheRulesOfAnInstrumentNotItsOwn() {
		expectErrorPages();
		UUID instrument = instrument("原子力显微镜（预约）" + Markers.unique());
		signIn("provider-yn");
		var response = page.navigate(url("/bookings/console/instruments/" + instrument));
		assertThat(response.status()).isEqualTo(403);
		signOut();
		signIn("ent-ws");
		assertThat(page.navigate(url("/bookings/console")).status()).isEqualTo(403);
	}

	@Test
	void thePlatformAdminExtendsTheHolidayCalendarByAYear() {
		signIn("admin");
		page.locator("#nav-holidays").click();
		assertThat(page.locator("h1")).hasText("节假日与调休安排");
		page.navigate(url("/admin/booking/holidays?year=2098"));
		assertThat(page.locator("#holidays-none")).isVisible();
		page.locator("#lines").fill("2098-01-01,HOLIDAY,元旦\n2098-01-02,休,元旦\n2098-13-04,班,调休");
		page.locator("#save-holidays").click();
		assertThat(page.locator("#holidays-error")).containsText("第 3 行");
		assertThat(page.locator("#lines")).hasValue("2098-01-01,HOLIDAY,元旦\n2098-01-02,休,元旦\n2098-13-04,班,调休");
		page.locator("#lines").fill("2098-01-01,HOLIDAY,元旦\n2098-01-02,休,元旦\n2098-01-04,班,元旦调休");
		page.locator("#save-holidays").click();
		assertThat(page.locator("#holidays-message")).hasText("2098 年的节假日安排已保存。");
		assertThat(page.locator("#holiday-days tbody tr")).hasCount(3);
		assertThat(page.locator("#holiday-days")).containsText("调休上班");
		phone();
		page.reload();
		assertNoSidewaysScroll();
	}

	/** A published instrument of 嘉定's testing agency at ¥300 an hour. */
	private UUID instrument(String title) {
		return personas.as("provider-jd", () -> {
			var entry = catalog.upsert(EntryType.INSTRUMENT, new EntryForm(null, title, title + "：对外开放共享。",
					"显微镜及图像分析仪器", "显微镜及图像分析仪器", new BigDecimal("300"), "HOUR", Set.of("CMA"), null,
					Confidentiality.PUBLIC, null, Map.of()));
			return catalog.publish(entry.id()).id();
		});
	}
}
