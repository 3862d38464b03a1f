package cn.kejiao.cooperation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * A matchmaking session as its people meet it on the pages: 嘉定's admin creates it with 文山 as co-organiser (an end
 * before the start is refused with what was typed kept), a 文山 enterprise finds it in the calendar and registers on
 * its page, and the organiser finds the person in the console and checks them in with one click; every page fits a
 * phone.
 */
@KejiaoIntegrationTest
class EventJourneyTests extends JourneyTest {

	@Autowired
	Personas personas;

	@Test
	void aPersonRegistersOnTheEventPageAndTheOrganiserChecksThemIn() {
		String title = "科技入滇 对接会 " + Markers.digits(6);
		LocalDateTime start = LocalDateTime.now(ChinaTime.ZONE).plusDays(3).withHour(9).withMinute(0).withSecond(0).withNano(0);

		signIn("jd-admin");
		page.locator("#nav-events").click();
		page.locator("#event-new").click();
		page.locator("#event-kind").selectOption("MATCHMAKING");
		page.locator("#event-title-input").fill(title);
		page.locator("#event-starts").fill(start.toString().substring(0, 16));
		page.locator("#event-ends").fill(start.minusHours(1).toString().substring(0, 16));
		page.locator("#event-place").fill("上海市嘉定区 嘉定科技城会议中心");
		page.locator("#event-organisers").fill("文山州");
		page.locator("#event-agenda").fill("09:00 | 开幕致辞 | 嘉定区科委\n10:00 | 文山绿色铝技术需求发布 | 文山州科技局");
		page.locator("#event-capacity").fill("30");
		page.locator("#event-create").click();
		assertThat(page.locator("#event-form-error")).containsText("结束时间须晚于开始时间");
		assertThat(page.locator("#event-title-input")).hasValue(title);
		assertThat(page.locator("#event-organisers")).hasValue("文山州");
		page.locator("#event-ends").fill(start.plusHours(8).toString().substring(0, 16));
		page.locator("#event-create").click();
		assertThat(page.locator("#console-state")).hasText("报名中");
		phone();
		assertNoSidewaysScroll();
		page.setViewportSize(1280, 900);

		Page person = newPerson();
		signIn(person, "ent-ws", DEMO_PASSWORD);
		person.setViewportSize(390, 844);
		person.navigate(url("/events"));
		person.locator(".event-card a", new Page.LocatorOptions().setHasText(title)).click();
		assertThat(person.locator("#event-title")).hasText(title);
		assertThat(person.locator("#event-agenda")).containsText("文山绿色铝技术需求发布");
		person.locator("#event-contact").fill("0876-2123456");
		person.locator("#event-note").fill("希望对接赤泥综合利用技术");
		person.locator("#event-register").click();
		assertThat(person.locator("#event-message")).containsText("报名成功");
		assertThat(person.locator("#event-mine")).containsText("名额已确认");
		assertThat(person.locator("#event-places")).containsText("已报名 1 / 名额 30");
		int width = ((Number) person.evaluate("document.documentElement.scrollWidth")).intValue();
		org.assertj.core.api.Assertions.assertThat(width).isLessThanOrEqualTo(390);

		String name = personas.actor("ent-ws").displayName();
		page.reload();
		page.locator("#console-name").fill(name);
		page.locator("#console-search").click();
		page.locator("#console-admitted tr", new Page.LocatorOptions().setHasText(name)).locator(".console-check-in").click();
		assertThat(page.locator("#console-message")).hasText("已签到。");
		assertThat(page.locator("#console-admitted")).containsText("已签到");
		assertThat(page.locator("#console-checked-in")).hasText("1");
		phone();
		assertNoSidewaysScroll();

		person.reload();
		assertThat(person.locator("#event-mine")).containsText("签到");
	}
}
