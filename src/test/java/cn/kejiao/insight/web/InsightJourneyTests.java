package cn.kejiao.insight.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;

import cn.kejiao.insight.InsightReadModel;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform admin opens the dashboard of the whole country, clicks 云南 on the map of China (a real click on the
 * drawn province), and reads 云南's figures and the flow of orders from 上海 (the demo's order of 文山's ent-ws from
 * 嘉定's provider-jd); a visitor reads the public summary; both fit a phone.
 */
@KejiaoIntegrationTest
class InsightJourneyTests extends JourneyTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	InsightReadModel readModel;

	@BeforeAll
	void readModelIsCurrent() {
		readModel.refresh();
	}

	@Test
	void thePlatformAdminClicksYunnanOnTheMapAndSeesItsFiguresAndTheFlowFromShanghai() {
		signIn("admin");
		page.navigate(url("/insight"));
		assertThat(page.locator("main h1")).containsText("全国");
		Locator map = page.locator("#insight-map");
		assertThat(map).hasAttribute("data-drawn", "true",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
		JsonNode points = JSON.readTree(map.getAttribute("data-points"));
		JsonNode yunnan = points.path("530000");
		assertThat(yunnan.isArray()).as("云南 drawn on the map").isTrue();
		map.scrollIntoViewIfNeeded();
		BoundingBox box = map.boundingBox();
		page.mouse().click(box.x + yunnan.get(0).asInt(), box.y + yunnan.get(1).asInt());

		page.waitForURL(Pattern.compile(".*/insight/regions/530000.*"));
		assertThat(page.locator("main h1")).containsText("云南省");
		assertThat(page.locator("#figure-ORDERS .served-count")).not().hasText("0");
		Locator fromShanghai = page.locator("#flows-table tbody tr[data-serving^='31']");
		assertThat(fromShanghai.first().locator("td.serving-name")).hasText("上海市");
		assertThat(fromShanghai.first().locator("td.served-name")).containsText("文山");
		assertThat(page.locator("#insight-province-map")).hasAttribute("data-drawn", "true",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
		assertThat(page.locator("#insight-sankey")).hasAttribute("data-drawn", "true");
		assertThat(page.locator("#insight-counts-chart")).hasAttribute("data-drawn", "true");

		page.locator("#figure-ORDERS a.drill-link").first().click();
		page.waitForURL(Pattern.compile(".*/insight/regions/530000/drill\\?.*figure=ORDERS.*"));
		assertThat(page.locator("main h1")).containsText("服务订单");
		page.locator("#drill-back").click();
		assertThat(page.locator("main h1")).containsText("云南省");

		phone();
		page.navigate(url("/insight/regions/530000"));
		assertThat(page.locator("#insight-map")).hasAttribute("data-drawn", "true");
		assertNoSidewaysScroll();
	}

	@Test
	void aVisitorReadsThePublicSummaryFromTheNavigation() {
		page.navigate(url("/"));
		page.locator("#nav-insight").click();
		page.waitForURL(Pattern.compile(".*/insight$"));
		assertThat(page.locator("main h1")).containsText("全国");
		assertThat(page.locator("#figure-ORDERS .served-count")).isVisible();
		assertThat(page.locator("#insight-map")).hasCount(0);
		assertThat(page.locator("main a.drill-link")).hasCount(0);
		page.locator("#insight-region").selectOption("530000");
		page.locator("#insight-show").click();
		page.waitForURL(Pattern.compile(".*/insight/regions/530000.*"));
		assertThat(page.locator("main h1")).containsText("云南省");
		phone();
		page.navigate(url("/insight"));
		assertNoSidewaysScroll();
	}
}
