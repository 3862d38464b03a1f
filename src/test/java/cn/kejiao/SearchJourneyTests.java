package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import cn.kejiao.platform.text.ChineseText;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * A visitor searches the catalog in Chromium: filters stay on through pages, facets and sort, show as chips
 * that take them off again, narrow down to a district, by category, and survive a change of language; the
 * words people use (电镜, English names) find what they mean, nonsense finds nothing and says what to try,
 * and one kind of instrument at many organisations does not fill the first page.
 */
@KejiaoIntegrationTest
class SearchJourneyTests extends JourneyTest {

	@Test
	void aVisitorFiltersByAccreditationAndTheNextPageKeepsTheFilterAndTheCount() {
		page.navigate(url("/catalog"));
		String everything = count();
		page.locator("#facet-accreditation a", new Page.LocatorOptions().setHasText("CMA")).click();
		assertThat(page.locator("#active-filters")).containsText("资质：CMA");
		String filtered = count();
		assertThat(filtered).isNotEqualTo(everything);
		assertThat(Long.parseLong(filtered.replace(",", ""))).isGreaterThan(20);
		page.locator(".pager a[rel=next]").click();
		assertThat(page.locator(".pager")).containsText("第 2 /");
		assertThat(page).hasURL(Pattern.compile("accreditation=CMA"));
		assertThat(page.locator("#result-count")).containsText("共 " + filtered + " 条结果");
		assertThat(page.locator("#active-filters")).containsText("资质：CMA");
		page.locator(".pager a[rel=prev]").click();
		assertThat(page.locator("#result-count")).containsText("共 " + filtered + " 条结果");
	}

	@Test
	void aFacetKeepsTheSortAndChipsShowAndClearEachFilter() {
		page.navigate(url("/catalog?q=" + encode("显微镜")));
		page.locator("#sort").selectOption("price_asc");
		page.locator("#search-submit").click();
		assertThat(page).hasURL(Pattern.compile("sort=price_asc"));
		page.locator("#facet-type a", new Page.LocatorOptions().setHasText("科研仪器")).click();
		assertThat(page).hasURL(Pattern.compile("sort=price_asc"));
		assertThat(page.locator("#sort")).hasValue("price_asc");
		assertThat(page.locator("#q")).hasValue("显微镜");
		assertThat(page.locator("#active-filters")).containsText("类型：科研仪器");
		page.locator("#facet-region a").first().click();
		assertThat(page.locator("#active-filters .chip[data-filter=region]")).hasCount(1);
		assertThat(page).hasURL(Pattern.compile("sort=price_asc"));
		List<Double> prices = prices();
		assertThat(prices).isSorted();

		// a chip takes its own filter off and leaves the others and the sort
		page.locator("#active-filters .chip[data-filter=type]").click();
		assertThat(page.locator("#active-filters .chip[data-filter=type]")).hasCount(0);
		assertThat(page.locator("#active-filters .chip[data-filter=region]")).hasCount(1);
		assertThat(page.locator("#sort")).hasValue("price_asc");
		page.locator("#clear-filters").click();
		assertThat(page.locator("#active-filters .chip[data-filter=region]")).hasCount(0);
		assertThat(page.locator("#q")).hasValue("显微镜");
		assertThat(page.locator("#active-filters")).containsText("关键词：显微镜");
		page.locator("#active-filters .chip[data-filter=q]").click();
		assertThat(page.locator("#q")).hasValue("");
		assertThat(page.locator("#sort")).hasValue("price_asc");
	}

	@Test
	void aVisitorNarrowsTheRegionDownToADistrict() {
		page.navigate(url("/catalog"));
		page.locator("#facet-region a.facet-region", new Page.LocatorOptions().setHasText("上海市")).click();
		assertThat(page.locator("#facet-region h2")).hasText("上海市下辖区域");
		page.locator("#facet-region a.facet-region", new Page.LocatorOptions().setHasText("嘉定区")).click();
		assertThat(page.locator("#result-count")).containsText("嘉定区及下辖区域");
		assertThat(page.locator("#region option:checked")).hasText("上海市 嘉定区");
		assertThat(page.locator("#active-filters")).containsText("区域：上海市 嘉定区");
		for (String meta : page.locator(".hit-meta").allInnerTexts()) {
			assertThat(meta).contains("嘉定区");
		}
		// the form sent again (another sort) stays in the district
		page.locator("#sort").selectOption("newest");
		page.locator("#search-submit").click();
		assertThat(page.locator("#result-count")).containsText("嘉定区及下辖区域");
	}

	@Test
	void theCategoryFacetNarrowsToAKindOfInstrument() {
		page.navigate(url("/catalog?type=instruments"));
		Locator category = page.locator("#facet-category a.facet-category", new Page.LocatorOptions().setHasText("电子光学仪器"));
		assertThat(category).isVisible();
		category.click();
		assertThat(page.locator("#active-filters")).containsText("类别：电子光学仪器");
		List<String> instruments = page.locator(".hit h2").allInnerTexts().stream().map(ChineseText::normalise).toList();
		assertThat(instruments.subList(0, 2)).allMatch(t -> t.contains("电子显微镜"));
		// every instrument found is a microscope, named in full or as people say it (扫描电镜)
		assertThat(instruments).anyMatch(t -> t.contains("扫描电子显微镜")).anyMatch(t -> t.contains("透射电子显微镜"))
			.allMatch(t -> t.contains("显微镜") || t.contains("电镜"));
	}

	@Test
	void switchingTheLanguageKeepsTheSearchAndItsFilters() {
		page.navigate(url("/catalog?q=" + encode("铝土矿") + "&type=achievements"));
		String count = count();
		page.locator("#lang-en").click();
		assertThat(page.locator("h1")).hasText("Resource catalog");
		assertThat(page.locator("#q")).hasValue("铝土矿");
		assertThat(page.locator("#type")).hasValue("achievements");
		assertThat(page.locator("#result-count")).containsText(count + " results");
		page.locator("#lang-zh").click();
		assertThat(page.locator("#q")).hasValue("铝土矿");
		assertThat(page.locator("#result-count")).containsText("共 " + count + " 条结果");
	}

	@Test
	void dianJingFindsElectronMicroscopes() {
		page.navigate(url("/catalog?q=" + encode("电镜")));
		List<String> titles = page.locator(".hit h2").allInnerTexts().stream().map(ChineseText::normalise).toList();
		assertThat(titles).hasSizeGreaterThanOrEqualTo(2);
		assertThat(titles.subList(0, 2)).allMatch(t -> t.contains("电子显微镜"));
		assertThat(titles).anyMatch(t -> t.contains("扫描电子显微镜")).anyMatch(t -> t.contains("透射电子显微镜"));
		page.locator("#facet-type a", new Page.LocatorOptions().setHasText("科研仪器")).click();
		assertThat(page.locator("#active-filters")).containsText("类型：科研仪器");
		assertThat(page.locator("#q")).hasValue("电镜");
		List<String> instruments = page.locator(".hit h2").allInnerTexts().stream().map(ChineseText::normalise).toList();
		assertThat(instruments.subList(0, 2)).allMatch(t -> t.contains("电子显微镜"));
		// every instrument found is a microscope, named in full or as people say it (扫描电镜)
		assertThat(instruments).anyMatch(t -> t.contains("扫描电子显微镜")).anyMatch(t -> t.contains("透射电子显微镜"))
			.allMatch(t -> t.contains("显微镜") || t.contains("电镜"));
	}

	@Test
	void nonsenseFindsNothingAndSaysWhatToTry() {
		page.navigate(url("/catalog?q=" + encode("呜啦啦呜啦啦 zzqxjv")));
		assertThat(page.locator("#no-results")).containsText("没有找到与“呜啦啦呜啦啦 zzqxjv”相关的资源");
		assertThat(page.locator(".hit")).hasCount(0);
		assertThat(page.locator("#try-categories a").first()).isVisible();
		page.locator("#no-results a.try-query", new Page.LocatorOptions().setHasText("扫描电镜")).click();
		assertThat(page.locator(".hit").first()).isVisible();

		page.navigate(url("/catalog?q=" + encode("？？！！") + "&type=instruments"));
		assertThat(page.locator("#no-results")).containsText("没有找到");
		page.locator("#search-everywhere").click();
		assertThat(page.locator("#no-results")).containsText("没有找到");
		assertThat(page.locator("#active-filters .chip[data-filter=type]")).hasCount(0);
	}

	@Test
	void englishWordsFindTheChineseEntries() {
		page.navigate(url("/catalog?lang=en"));
		page.locator("#q").fill("scanning electron microscope");
		page.locator("#search-submit").click();
		assertThat(page.locator(".hit h2").first()).containsText(Pattern.compile("扫描电子显微镜|掃描電子顯微鏡"));
		page.locator("#q").fill("bauxite");
		page.locator("#search-submit").click();
		assertThat(page.locator(".hit h2", new Page.LocatorOptions().setHasText("低品位铝土矿生产氧化铝技术"))).isVisible();
		page.navigate(url("/catalog?type=instruments&lang=en"));
		assertThat(page.locator("#facet-category")).containsText("Electron optical instruments");
	}

	@Test
	void oneKindAtManyOrganisationsDoesNotFillTheFirstPage() {
		page.navigate(url("/catalog?q=" + encode("显微镜")));
		List<String> titles = page.locator(".hit h2").allInnerTexts().stream().map(ChineseText::normalise).toList();
		assertThat(titles).hasSizeGreaterThan(5);
		// the kinds of microscope come first, one of each, before a second of any
		assertThat(new HashSet<>(titles.subList(0, 4))).as("%s", titles).hasSize(4);
		assertThat(new HashSet<>(titles).size()).isGreaterThanOrEqualTo(4);
		// each card says who offers it, at what price and whether it can be booked
		// a card titled exactly so (other tests add entries whose titles carry a marker after the name)
		Locator microscope = page.locator(".hit").filter(new Locator.FilterOptions().setHas(page.locator("h2",
				new Page.LocatorOptions().setHasText(java.util.regex.Pattern.compile("^\\s*场发射扫描电子显微镜\\s*$"))))).first();
		assertThat(microscope.locator(".hit-org")).not().isEmpty();
		assertThat(microscope.locator(".hit-price")).containsText("¥");
		assertThat(microscope.locator(".availability")).isVisible();
		String same = microscope.locator(".same-title").innerText();
		microscope.locator(".same-title").click();
		assertThat(page.locator("#sort")).hasValue("price_asc");
		int shown = (int) page.locator(".hit h2").allInnerTexts().stream().map(ChineseText::normalise)
			.filter(t -> t.equals("场发射扫描电子显微镜")).count();
		assertThat(same).contains(String.valueOf(shown));
	}

	@Test
	void theSearchPageIsUsableOnAPhone() {
		phone();
		page.navigate(url("/catalog?q=" + encode("显微镜") + "&type=instruments"));
		assertNoSidewaysScroll();
		// each filter's label sits right above its own control
		for (String id : List.of("type", "region", "zone", "sort")) {
			var label = page.locator("label[for=" + id + "]").boundingBox();
			var control = page.locator("#" + id).boundingBox();
			assertThat(control.y).as(id).isGreaterThan(label.y);
			assertThat(control.y - (label.y + label.height)).as(id).isLessThan(12);
			assertThat(Math.abs(control.x - label.x)).as(id).isLessThan(4);
		}
		page.navigate(url("/catalog?q=" + encode("呜啦啦呜啦啦")));
		assertNoSidewaysScroll();
	}

	private String count() {
		assertThat(page.locator("#result-count")).containsText(Pattern.compile("\\d"));
		var matcher = Pattern.compile("(\\d[\\d,]*)").matcher(page.locator("#result-count").innerText());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private List<Double> prices() {
		List<Double> prices = new ArrayList<>();
		for (String price : page.locator(".hit .hit-price").allInnerTexts()) {
			var matcher = Pattern.compile("¥([\\d,]+\\.\\d+)").matcher(price);
			if (matcher.find()) {
				prices.add(Double.parseDouble(matcher.group(1).replace(",", "")));
			}
		}
		return prices;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
