package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.support.Http;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise orders where it finds a resource — a service is commissioned, an instrument booked — from the
 * entry's page at the entry's price, or describes work not in the catalog and finds the provider by typing part
 * of its name; each step says what happened, amounts read as ¥1,500,000.00, the list filters by state and fits
 * a phone. Forms are offered only to whoever may use them, and only admins see an order's abuse flags.
 */
@KejiaoIntegrationTest
class OrderJourneyTests extends JourneyTest {

	static final String JD_TESTING = "上海嘉定汽车零部件检测技术有限公司";

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Test
	void aWenshanEnterpriseCommissionsAServiceFromItsEntryPageAndEveryStepSaysWhatHappened() {
		String batch = Markers.digits(6);
		EntryView service = entry(EntryType.SERVICE, "铝合金铸件X射线探伤检测 " + batch, "2400", "ITEM", "检验检测");

		signIn("ent-ws");
		page.navigate(url("/catalog/entries/" + service.id()));
		page.locator("#entry-order-start").click();
		assertThat(page.locator("h1")).hasText("委托下单");
		assertThat(page.locator("#order-entry")).containsText("铝合金铸件X射线探伤检测 " + batch);
		assertThat(page.locator("#order-entry-provider")).hasText(JD_TESTING);
		assertThat(page.locator("#order-entry-price")).hasText("¥2,400.00 / 项");
		page.locator("#order-description").fill("ZL101 铸件 12 件，按 GB/T 9445 评级，两周内出报告");
		page.locator("#order-submit").click();
		assertThat(page.locator("#order-done")).hasText("委托已发出，等待服务机构报价。");
		assertThat(page.locator("h1")).containsText("铝合金铸件X射线探伤检测 " + batch);
		assertThat(page.locator("#order-state")).hasText("待报价");
		assertThat(page.locator("#order-list-price")).hasText("¥2,400.00");
		String order = page.url();
		signOut();

		// the provider quotes above the list price: a flag for the admins, which neither side sees
		signIn("provider-jd");
		page.navigate(order);
		page.locator("#quote-amount").fill("28,800");
		page.locator("#quote-submit").click();
		assertThat(page.locator("#order-done")).hasText("报价已提交，等待企业接受。");
		assertThat(page.locator("#order-quote")).hasText("¥28,800.00");
		assertThat(page.locator("#order-status .tag.warn")).hasCount(0);
		signOut();

		signIn("ent-ws");
		page.navigate(order);
		assertThat(page.locator("#order-status .tag.warn")).hasCount(0);
		page.locator("#accept-grant").selectOption(page.locator("#accept-grant option",
				new Page.LocatorOptions().setHasText("云南省科技创新券（沪滇通用通兑）")).first().getAttribute("value"));
		assertThat(page.locator("#accept-grant option").nth(1)).containsText(Pattern.compile("余额 ¥\\d{1,3}(,\\d{3})*\\.\\d{2}"));
		page.locator("#accept-review").click();
		assertThat(page.locator("#accept-quote")).hasText("¥28,800.00");
		assertThat(page.locator("#accept-held")).hasText("¥14,400.00");
		assertThat(page.locator("#accept-own")).hasText("¥14,400.00");
		page.locator("#accept-submit").click();
		assertThat(page.locator("#order-done")).hasText("已接受报价，服务机构可以开始服务。");
		assertThat(page.locator("#order-voucher")).hasText("¥14,400.00");
		signOut();

		signIn("provider-jd");
		page.navigate(order);
		page.locator("#deliver-note").fill("探伤报告 JD-" + batch);
		page.locator("#deliver-submit").click();
		assertThat(page.locator("#order-done")).hasText("已交付报告，等待企业验收。");
		signOut();

		signIn("ent-ws");
		page.navigate(order);
		page.locator("#confirm-submit").click();
		assertThat(page.locator("#order-done")).hasText("已确认验收，订单完成。");
		assertThat(page.locator("#order-state")).hasText("已完成");
		signOut();

		// the admin of the enterprise's province sees why the order deserves a look
		signIn("yn-admin");
		page.navigate(order);
		assertThat(page.locator("#order-status .tag.warn")).hasText("报价高于目录价");
	}

	@Test
	void anInstrumentIsBookedFromItsPageAndAVisitorIsAskedToSignInFirst() {
		String batch = Markers.digits(6);
		EntryView instrument = entry(EntryType.INSTRUMENT, "场发射扫描电子显微镜 " + batch, "450", "HOUR", "显微镜及图像分析仪器");

		page.navigate(url("/catalog/entries/" + instrument.id()));
		assertThat(page.locator("#entry-order-start")).hasText("预约使用");
		page.locator("#entry-order-start").click();
		page.waitForURL(Pattern.compile(".*/login.*"));
		page.locator("#username").fill("ent-ws");
		page.locator("#password").fill(DEMO_PASSWORD);
		page.locator("main button[type=submit]").click();
		// after signing in, the booking form of the instrument it asked for
		assertThat(page.locator("h1")).hasText("预约使用");
		assertThat(page.locator("#order-entry-price")).hasText("¥450.00 / 小时");
		page.locator("#order-description").fill("赤泥颗粒形貌观察与能谱分析，约 3 小时");
		page.locator("#order-submit").click();
		assertThat(page.locator("#order-done")).hasText("委托已发出，等待服务机构报价。");
		assertThat(page.locator("#order-status")).containsText("检验检测");
		assertThat(page.locator("h1")).containsText("场发射扫描电子显微镜 " + batch);

		// the provider does not order from itself
		signOut();
		signIn("provider-jd");
		page.navigate(url("/catalog/entries/" + instrument.id()));
		assertThat(page.locator("#entry-order-start")).hasCount(0);
	}

	@Test
	void workNotInTheCatalogFindsItsProviderByTypingPartOfItsNameAndTheAgencyIsListedOnce() {
		String batch = Markers.digits(6);
		signIn("ent-ws");
		page.navigate(url("/orders"));
		assertThat(page.locator("#order-provider")).hasCount(0);
		page.locator("#provider-search").fill("嘉定汽车零部件");
		Locator choices = page.locator("#provider-choices label");
		assertThat(choices).hasCount(1);
		assertThat(choices).containsText(JD_TESTING);
		page.locator("#provider-search").fill("没有这家机构" + batch);
		assertThat(page.locator("#providers-none")).containsText("没有名称含“没有这家机构" + batch + "”");
		page.locator("#provider-search").fill("嘉定");
		assertThat(page.locator("#provider-choices label").first()).isVisible();
		page.locator("#provider-choices label", new Page.LocatorOptions().setHasText(JD_TESTING)).click();
		page.locator("#order-kind").selectOption("检验检测");
		page.locator("#order-description").fill("氧化铝焙烧炉耐火材料高温抗折强度检测 " + batch);
		page.locator("#order-submit").click();
		assertThat(page.locator("#order-done")).hasText("委托已发出，等待服务机构报价。");
		assertThat(page.locator("#order-status")).containsText(JD_TESTING);
	}

	@Test
	void theStatusFilterChangesTheListWithoutAnInlineHandler() {
		signIn("ent-ws");
		page.navigate(url("/orders"));
		int all = page.locator("#orders tbody tr").count();
		assertThat(page.locator("#order-filter [onchange]")).hasCount(0);
		// the script takes the button's place: choosing a state is enough
		assertThat(page.locator("#state-filter-submit")).isHidden();
		page.locator("#state-filter").selectOption("CONFIRMED");
		page.waitForURL(Pattern.compile(".*[?&]state=CONFIRMED.*"));
		assertThat(page.locator("#state-filter")).hasValue("CONFIRMED");
		List<String> states = page.locator("#orders tbody td.status").allTextContents();
		assertThat(states).isNotEmpty().allMatch("已完成"::equals);
		assertThat(states.size()).isLessThan(all);
		page.locator("#state-filter").selectOption("QUOTED");
		page.waitForURL(Pattern.compile(".*[?&]state=QUOTED.*"));
		assertThat(page.locator("#orders")).containsText("低品位铝土矿浮选脱硅工艺试验方案咨询");
		assertThat(page.locator("#orders tbody td.status").allTextContents()).allMatch("已报价"::equals);
		page.locator("#state-filter").selectOption("");
		page.waitForURL(address -> !address.contains("state=QUOTED"));
		assertThat(page.locator("#orders tbody tr")).hasCount(all);
	}

	@Test
	void relatedPartiesAreFlaggedForTheAdminsAloneAndUnrelatedDemoOrdersAreNot() {
		String title = "车规级芯片封装可靠性摸底试验";
		signIn("ent-jd");
		page.navigate(url("/orders"));
		page.locator("#orders tr", new Page.LocatorOptions().setHasText(title)).locator("a").click();
		assertThat(page.locator("#order-status")).containsText("上海工业技术研究院");
		assertThat(page.locator("#order-status .tag.warn")).hasCount(0);
		UUID id = UUID.fromString(page.url().replaceAll(".*/orders/([0-9a-f-]{36}).*", "$1"));
		signOut();

		signIn("jd-admin");
		page.navigate(url("/admin/vouchers"));
		assertThat(page.locator("#flagged-orders li", new Page.LocatorOptions().setHasText("上海工业技术研究院")))
			.containsText("双方疑似关联");
		// the demo's other orders are between unrelated parties
		assertThat(page.locator("#flagged-orders li", new Page.LocatorOptions().setHasText(JD_TESTING))
			.filter(new Locator.FilterOptions().setHasText("双方疑似关联"))).hasCount(0);
		page.navigate(url("/orders/" + id));
		assertThat(page.locator("#order-status .tag.warn")).hasText("双方疑似关联");

		// the API holds the same line: the parties get no flags, the admins do
		JsonNode forParty = Http.as(port, "ent-jd").get("/api/v1/orders/" + id).json();
		assertThat(forParty.get("flags").size()).isZero();
		JsonNode forAdmin = Http.as(port, "jd-admin").get("/api/v1/orders/" + id).json();
		assertThat(forAdmin.get("flags").toString()).contains("RELATED_PARTIES");
		JsonNode providerList = Http.as(port, "provider-jd").get("/api/v1/orders").json();
		for (JsonNode order : providerList) {
			assertThat(order.get("flags").size()).isZero();
		}
	}

	@Test
	void anUnverifiedEnterpriseIsToldToGetVerifiedBeforeAnyForm() {
		EntryView service = entry(EntryType.SERVICE, "汽车线束盐雾试验 " + Markers.digits(6), "3600", "ITEM", "检验检测");
		signIn("ent-lg");
		page.navigate(url("/vouchers"));
		assertThat(page.locator("#verify-first")).containsText("本单位尚未通过认证");
		assertThat(page.locator("#verify-first a")).hasAttribute("href", "/me");
		assertThat(page.locator("#apply-scheme")).hasCount(0);
		page.navigate(url("/orders"));
		assertThat(page.locator("#verify-first")).isVisible();
		assertThat(page.locator("#order-submit")).hasCount(0);
		page.navigate(url("/catalog/entries/" + service.id()));
		page.locator("#entry-order-start").click();
		assertThat(page.locator("#verify-first")).isVisible();
		assertThat(page.locator("#order-submit")).hasCount(0);
		page.locator("#verify-first a").click();
		assertThat(page.locator("main")).containsText("上海临港新材料科技有限公司");
	}

	@Test
	void aYunnanEnterpriseIsOfferedOnlyTheSchemesItMayApplyToAndToldWhyNotTheOthers() {
		signIn("ent-ws");
		page.navigate(url("/vouchers"));
		List<String> offered = page.locator("#apply-scheme option").allTextContents();
		assertThat(offered).anyMatch(o -> o.contains("云南省科技创新券（沪滇通用通兑）"))
			.noneMatch(o -> o.contains("上海市科技创新券"));
		assertThat(page.locator("#apply-closed li", new Page.LocatorOptions().setHasText("上海市科技创新券（长三角通用通兑）")))
			.containsText("本券种只面向上海市的企业");
		// labels say what they are, amounts read as amounts
		assertThat(page.locator("#my-grants thead")).containsText("券状态");
		assertThat(page.locator("#my-grants thead")).not().containsText("认证状态");
		assertThat(page.locator("#my-grants td.balance").first()).hasText(Pattern.compile("¥\\d{1,3}(,\\d{3})*\\.\\d{2}"));
		page.navigate(url("/orders"));
		assertThat(page.locator("#orders thead")).containsText("订单状态");
		assertThat(page.locator("main")).not().containsText("认证状态");
	}

	@Test
	void theSettlementTotalsAddUpForEveryReader() {
		for (String reader : List.of("provider-jd", "ws-admin", "yn-admin", "sh-admin")) {
			signIn(reader);
			page.navigate(url("/settlements"));
			BigDecimal total = yuan(page.locator("#settlement-total").textContent());
			BigDecimal lines = page.locator("#settlement-lines tbody td:nth-child(4)").allTextContents().stream()
				.map(OrderJourneyTests::yuan).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(total).as(reader + ": the total is the sum of the lines shown").isEqualByComparingTo(lines);
			if (page.locator("#settlement-pairs").count() > 0) {
				BigDecimal net = page.locator("#settlement-pairs tbody td:nth-child(5)").allTextContents().stream()
					.map(OrderJourneyTests::yuan).reduce(BigDecimal.ZERO, BigDecimal::add);
				assertThat(yuan(page.locator("#settlement-pairs-net").textContent())).isEqualByComparingTo(net);
				assertThat(net).as(reader + ": no region owes more than the lines shown").isLessThanOrEqualTo(total);
			}
			if (reader.equals("provider-jd")) {
				assertThat(total).isGreaterThanOrEqualTo(new BigDecimal("18000"));
			}
			signOut();
		}
	}

	@Test
	void theOrderListIsUsableOnAPhone() {
		phone();
		signIn("ent-ws");
		page.navigate(url("/orders"));
		assertNoSidewaysScroll();
		Locator firstService = page.locator("#orders tbody tr").first().locator("td").nth(1);
		assertThat(firstService).isVisible();
		assertThat(firstService.boundingBox().width).as("a cell is as wide as the card, not a character").isGreaterThan(250);
		assertThat(page.locator("#orders tbody tr").first().locator("td.status")).hasAttribute("data-label", "订单状态");
		page.navigate(url("/vouchers"));
		assertNoSidewaysScroll();
		page.navigate(url("/settlements"));
		assertNoSidewaysScroll();
	}

	/** A published catalog entry of 嘉定's testing agency, made as its user would. */
	private EntryView entry(EntryType type, String title, String price, String unit, String category) {
		return personas.as("provider-jd", () -> {
			EntryView entry = catalog.upsert(type, new EntryForm(null, title, title + "：面向长三角与沪滇合作区域企业开放。",
					category, category, new BigDecimal(price), unit, Set.of("CMA"), null, Confidentiality.PUBLIC, null,
					Map.of()));
			return catalog.publish(entry.id());
		});
	}

	private static BigDecimal yuan(String text) {
		return new BigDecimal(text.replace("¥", "").replace(",", "").strip());
	}
}
