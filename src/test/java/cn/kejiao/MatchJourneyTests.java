package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import cn.kejiao.platform.text.ChineseText;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * The enterprise that posted a demand reads its suggested matches in Chromium: each entry once, each reason
 * naming the words that matter and where they are, a fit it can compare with its other demands; it says
 * which were useful. Someone who does not manage the demand sees neither the suggestions nor the buttons.
 */
@KejiaoIntegrationTest
class MatchJourneyTests extends JourneyTest {

	static final String BAUXITE = "低品位铝土矿高效生产氧化铝的工艺技术";

	private static final Set<String> NOISE = Set.of("技术", "公司", "企业", "研究", "需要", "提供", "服务");

	@Test
	void theOwnerReadsMeaningfulReasonsOneSuggestionPerEntryAndAFitItCanCompare() {
		signIn("ent-ws");
		openBauxiteDemand();
		Locator matches = page.locator("#matches li.match");
		assertThat(matches.first()).containsText("低品位铝土矿生产氧化铝技术");
		assertThat(matches.first().locator(".reasons")).containsText("铝土矿");
		assertThat(matches.first().locator(".reasons")).containsText("见于标题");

		List<String> titles = new ArrayList<>();
		List<Integer> fits = new ArrayList<>();
		for (int i = 0; i < matches.count(); i++) {
			Locator match = matches.nth(i);
			titles.add(match.locator("span.badge").innerText() + " " + ChineseText.normalise(match.locator("a").first().innerText()));
			Matcher fit = Pattern.compile("匹配度 (\\d+)%").matcher(match.locator(".match-fit").innerText());
			assertThat(fit.find()).as(match.locator(".match-fit").innerText()).isTrue();
			fits.add(Integer.parseInt(fit.group(1)));
			for (String reason : match.locator(".reasons li").allInnerTexts()) {
				if (reason.startsWith("共同词语：")) {
					for (String word : reason.substring("共同词语：".length()).split("（见于[^）]*）[；]?|、")) {
						assertThat(word.strip()).as(reason).isNotIn(NOISE).doesNotMatch("[\\d.%]+").hasSizeGreaterThan(1);
					}
				}
			}
		}
		assertThat(new HashSet<>(titles)).as("one suggestion per entry: %s", titles).hasSameSizeAs(titles);
		assertThat(fits).allMatch(f -> f >= 0 && f <= 100);
		assertThat(new HashSet<>(fits)).as("the fit is not the share of the best: %s", fits).hasSizeGreaterThan(1);
		assertThat(page.locator(".match-fit").first()).hasAttribute("title", Pattern.compile("关键词"));
	}

	@Test
	void theOwnerMarksSuggestionsAndOthersSeeNoButtons() {
		signIn("ent-ws");
		String address = openBauxiteDemand();
		String firstId = page.locator("#matches li.match").first().getAttribute("id").substring("match-".length());
		String secondId = page.locator("#matches li.match").nth(1).getAttribute("id").substring("match-".length());
		page.locator("#match-" + firstId).getByText("有用", new Locator.GetByTextOptions().setExact(true)).click();
		assertThat(page.locator("#verdict-" + firstId + " .status")).hasText("已标记为有用");
		page.locator("#match-" + secondId + " select").selectOption("PRICE");
		page.locator("#match-" + secondId).getByText("没有用", new Locator.GetByTextOptions().setExact(true)).click();
		assertThat(page.locator("#verdict-" + secondId + " .status")).hasText("已标记为没有用");
		page.reload();
		assertThat(page.locator("#matches .verdict .status", new Page.LocatorOptions().setHasText("已标记为有用"))).hasCount(1);
		assertThat(page.locator("#matches .verdict .status", new Page.LocatorOptions().setHasText("已标记为没有用"))).hasCount(1);

		// a provider of the zone reads the demand, without the suggestions or the verdict buttons
		Page provider = newPerson();
		signIn(provider, "provider-jd", DEMO_PASSWORD);
		provider.navigate(address);
		assertThat(provider.locator("h1")).hasText(BAUXITE);
		assertThat(provider.locator("#matches")).hasCount(0);
		assertThat(provider.locator(".verdict")).hasCount(0);
		provider.context().close();
	}

	@Test
	void theDemandPagesReadWellOnAPhone() {
		signIn("ent-ws");
		phone();
		page.navigate(url("/demands?mine=true"));
		assertThat(page.locator("#demands th", new Page.LocatorOptions().setHasText("状态"))).isVisible();
		assertThat(page.locator("#demands")).not().containsText("认证状态");
		assertThat(page.locator("#demands")).containsText("¥3,000,000.00");
		assertNoSidewaysScroll();
		page.getByText(BAUXITE).first().click();
		assertThat(page.locator("#demand-budget")).containsText("¥3,000,000.00");
		assertThat(page.locator("main")).containsText("需求状态");
		assertNoSidewaysScroll();
		page.navigate(url("/demands"));
		assertNoSidewaysScroll();
	}

	private String openBauxiteDemand() {
		page.navigate(url("/demands?mine=true"));
		page.locator("#demands a", new Page.LocatorOptions().setHasText(BAUXITE)).click();
		assertThat(page.locator("h1")).hasText(BAUXITE);
		return page.url();
	}
}
