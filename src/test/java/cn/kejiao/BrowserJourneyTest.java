package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Browsers;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewOrganisation;

/**
 * A person's first visit in a real Chromium: three roles see their workbench in Chinese and can switch to
 * English; a new organisation registers (a mistyped credit code is explained), and the admin of its
 * region verifies it.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyTest {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	java.util.Optional<java.nio.file.Path> chromium;
	Playwright playwright;
	Browser browser;
	BrowserContext context;
	Page page;

	@BeforeAll
	void launch() {
		chromium = Browsers.chromium();
		if (chromium.isPresent()) {
			playwright = Browsers.playwright();
			browser = Browsers.launch(playwright, chromium.get());
		}
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void newContext() {
		// without Chromium: skipped with a message saying how to get one (a failure on CI)
		Browsers.require(chromium);
		context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void eachRoleSeesItsWorkbenchInChineseAndCanSwitchToEnglish() {
		signIn("ent-ws");
		assertThat(page.locator("#workbench-title")).hasText("企业工作台");
		assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
		page.locator("#lang-en").click();
		assertThat(page.locator("#workbench-title")).hasText("Enterprise workbench");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My organisation"))).isVisible();
		page.locator("#lang-zh").click();
		assertThat(page.locator("#workbench-title")).hasText("企业工作台");
		signOut();

		signIn("ws-admin");
		assertThat(page.locator("#workbench-title")).hasText("区域管理工作台");
		assertThat(page.locator("main")).containsText("云南省 文山壮族苗族自治州");
		signOut();

		signIn("admin");
		assertThat(page.locator("#workbench-title")).hasText("平台管理工作台");
		signOut();
	}

	@Test
	void aNewOrganisationRegistersAndItsRegionAdminVerifiesIt() {
		String name = "富宁测试新材料有限公司" + Markers.digits(4);
		String username = "fn" + Markers.digits(6);
		String code = NewOrganisation.creditCode("532628");
		String first17 = code.substring(0, 17);
		char check = code.charAt(17);
		char typo = check == '0' ? '1' : '0';

		page.navigate(url("/register"));
		page.locator("#name").fill(name);
		page.locator("#province").selectOption("530000");
		assertThat(page.locator("#prefecture option[value='532600']")).hasCount(1);
		page.locator("#prefecture").selectOption("532600");
		assertThat(page.locator("#county option[value='532628']")).hasCount(1);
		page.locator("#county").selectOption("532628");
		page.locator("#creditCode").fill(first17 + typo);
		page.getByLabel("联系人").fill("黄工");
		page.getByLabel("联系电话").fill("0876-1234567");
		page.getByLabel("联系邮箱").fill(username + "@example.cn");
		page.getByLabel("您的姓名").fill("黄工");
		page.locator("#username").fill(username);
		page.locator("#password").fill("Str0ng-pass!");
		page.locator("#passwordConfirm").fill("Str0ng-pass!");
		page.locator("#acceptTerms").check();
		page.locator("#register-submit").click();

		assertThat(page.locator("#creditCode-error")).containsText("校验位错误");
		assertThat(page.locator("#creditCode-error")).containsText("第 18 位应为“" + check + "”");
		assertThat(page.locator("#name")).hasValue(name);

		page.locator("#creditCode").fill(first17 + check);
		page.locator("#password").fill("Str0ng-pass!");
		page.locator("#passwordConfirm").fill("Str0ng-pass!");
		page.locator("#register-submit").click();
		page.waitForURL(url("/register/done"));
		assertThat(page.locator("#registration-result")).containsText(name);
		assertThat(page.locator("#registration-result")).containsText("待审核");

		signIn(username, "Str0ng-pass!");
		assertThat(page.locator("main")).containsText("正在等待所在区域科技管理部门审核");
		signOut();

		signIn("ws-admin");
		page.navigate(url("/admin/organisations?status=PENDING"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
		assertThat(page.locator("#org-status")).hasText("待审核");
		page.locator("#noticeDays").fill("0");
		page.locator("#approve").click();
		assertThat(page.locator("#org-status")).hasText("已认证");
		assertThat(page.locator("#review")).containsText("审核结果已保存");
		page.navigate(url("/admin/organisations?status=PENDING"));
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name))).hasCount(0);
		page.navigate(url("/admin/audit?q=" + username));
		assertThat(page.locator("#audit-table")).containsText("创建账号");
	}

	@Test
	void aVisitorSearchesFromTheHomePageFiltersByRegionAndOpensAnAchievement() {
		page.navigate(url("/"));
		page.locator("#q").fill("铝土矿");
		page.locator("#home-search").click();
		assertThat(page.locator("#result-count")).containsText("共");
		assertThat(page.locator(".hit").first()).containsText("铝土矿");
		page.locator("a.facet-region", new Page.LocatorOptions().setHasText("云南省")).click();
		assertThat(page.locator("#result-count")).containsText("云南省及下辖区域");
		for (String meta : page.locator(".hit-meta").allInnerTexts()) {
			org.assertj.core.api.Assertions.assertThat(meta).contains("云南省");
		}
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("低品位铝土矿生产氧化铝技术")).click();
		assertThat(page.locator("#entry-title")).hasText("低品位铝土矿生产氧化铝技术");
		assertThat(page.locator("main")).containsText("云南省科学技术院");
		assertThat(page.locator("main")).containsText("中试阶段");

		page.navigate(url("/catalog?q=" + java.net.URLEncoder.encode("掃描電鏡", java.nio.charset.StandardCharsets.UTF_8)
				+ "&type=instruments"));
		assertThat(page.locator(".hit h2").first()).containsText(java.util.regex.Pattern.compile("扫描电子显微镜|掃描電子顯微鏡"));
	}

	@Test
	void aProviderImportsASpreadsheetAndPublishesAnEntry() {
		signIn("provider-jd");
		page.navigate(url("/catalog/mine"));
		String batch = "P" + Markers.digits(6);
		String csv = "编号*,名称*,价格（元）,计价单位,型号*,生产厂商*\n" + batch + "-1,光谱椭偏仪" + batch + ",200,小时,M-2000,J.A. Woollam\n"
				+ batch + "-2,,100,小时,X,Y\n";
		page.locator("#import-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("仪器.csv", "text/csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		page.locator("#import-submit").click();
		assertThat(page.locator("#import-state")).hasText("已完成", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
		assertThat(page.locator("#import-errors")).containsText("必填项为空");
		assertThat(page.locator("#import-errors")).containsText("3");

		page.navigate(url("/catalog/mine"));
		page.locator("#new-type").selectOption("services");
		page.locator("#new-title").fill("车载毫米波雷达性能测试" + batch);
		page.locator("#new-price").fill("3000");
		page.locator("#create-entry").click();
		page.locator("#my-entries tr", new Page.LocatorOptions().setHasText("车载毫米波雷达性能测试" + batch))
			.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("发布")).click();
		assertThat(page.locator("#my-entries tr", new Page.LocatorOptions().setHasText("车载毫米波雷达性能测试" + batch)))
			.containsText("已发布");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("车载毫米波雷达性能测试" + batch)).click();
		page.locator("#edit-title").fill("车载毫米波雷达性能与抗干扰测试" + batch);
		page.locator("#detail-standards").fill("GB/T 18655-2018");
		page.locator("#detail-turnaroundDays").fill("两周");
		page.locator("#save-entry").click();
		// a wrong value is named, and nothing typed is lost
		assertThat(page.locator(".alert.error")).containsText("两周");
		assertThat(page.locator("#edit-title")).hasValue("车载毫米波雷达性能与抗干扰测试" + batch);
		assertThat(page.locator("#detail-standards")).hasValue("GB/T 18655-2018");
		page.locator("#detail-turnaroundDays").fill("10");
		page.locator("#save-entry").click();
		assertThat(page.locator("#my-entries")).containsText("车载毫米波雷达性能与抗干扰测试" + batch);
		page.navigate(url("/catalog?q=" + java.net.URLEncoder.encode("毫米波雷达抗干扰测试" + batch, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(page.locator(".hit h2").first()).containsText("车载毫米波雷达性能与抗干扰测试" + batch);
		page.locator(".hit h2 a").first().click();
		assertThat(page.locator("[data-detail=standards]")).hasText("GB/T 18655-2018");
		assertThat(page.locator("[data-detail=turnaroundDays]")).hasText("10");
	}

	@Test
	void aWenshanEnterprisePaysAJiadingTestWithAYunnanVoucher() {
		String batch = Markers.digits(6);
		signIn("ent-ws");
		page.navigate(url("/vouchers"));
		page.locator("#apply-scheme").selectOption(page.locator("#apply-scheme option", new Page.LocatorOptions()
			.setHasText("云南省科技创新券（沪滇通用通兑）")).first().getAttribute("value"));
		page.locator("#apply-amount").fill("50000");
		page.locator("#apply-purpose").fill("赤泥中稀有金属回收检测 " + batch);
		page.locator("#apply-submit").click();
		assertThat(page.locator("#my-applications")).containsText("待审批");
		signOut();

		signIn("yn-admin");
		page.navigate(url("/admin/vouchers"));
		var application = page.locator("[data-application]", new Page.LocatorOptions().setHasText("赤泥中稀有金属回收检测 " + batch));
		application.locator("button.approve").click();
		assertThat(page.locator(".alert.ok")).isVisible();
		assertThat(page.locator("[data-application]", new Page.LocatorOptions().setHasText(batch))).hasCount(0);
		signOut();

		signIn("ent-ws");
		page.navigate(url("/orders"));
		page.locator("#provider-search").fill("嘉定汽车零部件");
		page.locator("#provider-choices label", new Page.LocatorOptions().setHasText("上海嘉定汽车零部件检测技术有限公司")).click();
		page.locator("#order-description").fill("铝电解槽阴极碳块电阻率检测 " + batch);
		page.locator("#order-submit").click();
		assertThat(page.locator("#order-state")).hasText("待报价");
		String order = page.url();
		signOut();

		signIn("provider-jd");
		page.navigate(order);
		page.locator("#quote-amount").fill("30000");
		page.locator("#quote-submit").click();
		assertThat(page.locator("#order-state")).hasText("已报价");
		signOut();

		signIn("ent-ws");
		page.navigate(order);
		page.locator("#accept-grant").selectOption(page.locator("#accept-grant option", new Page.LocatorOptions()
			.setHasText("云南省科技创新券（沪滇通用通兑）")).first().getAttribute("value"));
		page.locator("#accept-review").click();
		// before confirming, the enterprise sees the quote it accepts and what will be held of its voucher
		assertThat(page.locator("#accept-quote")).hasText("¥30,000.00");
		assertThat(page.locator("#accept-held")).hasText("¥15,000.00");
		page.locator("#accept-submit").click();
		assertThat(page.locator("#order-state")).hasText("服务中");
		assertThat(page.locator("#order-voucher")).hasText("¥15,000.00");
		signOut();

		signIn("provider-jd");
		page.navigate(order);
		page.locator("#deliver-note").fill("检测报告 JD-" + batch);
		page.locator("#deliver-submit").click();
		assertThat(page.locator("#order-state")).hasText("待验收");
		signOut();

		signIn("ent-ws");
		page.navigate(order);
		page.locator("#confirm-submit").click();
		assertThat(page.locator("#order-state")).hasText("已完成");
		// the list's state filter applies when chosen (no inline handler: the Content-Security-Policy forbids them)
		page.navigate(url("/orders"));
		page.locator("#state-filter").selectOption("CONFIRMED");
		page.waitForURL(java.util.regex.Pattern.compile(".*[?&]state=CONFIRMED.*"));
		assertThat(page.locator("#state-filter")).hasValue("CONFIRMED");
		signOut();

		signIn("provider-jd");
		page.navigate(url("/settlements"));
		assertThat(page.locator("#settlement-lines")).containsText("云南省");
		assertThat(page.locator("#settlement-lines")).containsText("嘉定");
		String total = page.locator("#settlement-total").textContent().replace("¥", "").replace(",", "").strip();
		assertThat(new java.math.BigDecimal(total)).isGreaterThanOrEqualTo(new java.math.BigDecimal("15000"));
	}

	@Test
	void aWenshanEnterprisePostsADemandOpensItsMatchesAndMarksOneUseful() {
		String batch = Markers.digits(6);
		signIn("ent-ws");
		page.navigate(url("/demands"));
		page.locator("#demand-new").click();
		page.locator("#d-title").fill("赤泥脱碱与建材化利用 " + batch);
		page.locator("#d-description").fill("短");
		page.locator("#d-keywords").fill("赤泥、氧化铝、铝土矿");
		page.locator("#d-description").evaluate("e => e.removeAttribute('required')");
		page.locator("#demand-submit").click();
		// the error is explained and nothing typed is lost
		assertThat(page.locator("#demand-error")).containsText("10 到 5000");
		assertThat(page.locator("#d-title")).hasValue("赤泥脱碱与建材化利用 " + batch);
		assertThat(page.locator("#d-keywords")).hasValue("赤泥、氧化铝、铝土矿");
		page.locator("#d-description").fill("氧化铝生产每年产生大量赤泥，寻求赤泥脱碱、有价金属回收和制备建材的成熟技术，并需要相关检测服务。");
		page.locator("#demand-submit").click();
		assertThat(page.locator("h1")).hasText("赤泥脱碱与建材化利用 " + batch);
		assertThat(page.locator("#demand-state")).hasText("征集中");
		var first = page.locator("#matches li.match").first();
		assertThat(first.locator(".reasons li").first()).containsText("共同词语");
		first.locator(".verdict form").first().locator("button").click();
		assertThat(first.locator(".verdict .status")).hasText("已标记为有用");
		page.reload();
		assertThat(page.locator("#matches li.match").first().locator(".verdict .status")).hasText("已标记为有用");
		signOut();
	}

	@Test
	void wenshanPublishesAChallengeTongjiAppliesAPanelScoresAndTheAwardIsPublished() {
		String batch = Markers.digits(6);
		String title = "三七皂苷高效提取纯化技术攻关 " + batch;
		LocalDateTime deadline = LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
		signIn("ws-admin");
		page.navigate(url("/challenges"));
		page.locator("#publish-link").click();
		page.locator("#c-title").fill(title);
		page.locator("#c-problem").fill("三七总皂苷提取收率低、溶剂消耗大，征集高效提取纯化与中试放大方案。");
		page.locator("#c-targets").fill("总皂苷收率：≥ 90%\n乙醇消耗：下降 30%");
		page.locator("#c-bounty").fill("2000000");
		page.locator("#c-deadline").fill(deadline.toString());
		page.locator("#c-zones").getByLabel("沪滇").check();
		page.locator("#challenge-submit").click();
		assertThat(page.locator("h1")).hasText(title);
		assertThat(page.locator("#challenge-state")).hasText("揭榜中");
		assertThat(page.locator("#targets")).containsText("总皂苷收率");
		String challenge = page.url();
		signOut();

		signIn("expert-sh");
		page.navigate(challenge);
		page.locator("#a-team").fill("同济大学 天然产物团队");
		page.locator("#a-proposal").fill("采用大孔树脂吸附与膜分离联用纯化三七总皂苷，配套溶剂回收。");
		page.locator("#apply-submit").click();
		assertThat(page.locator("#applied")).isVisible();
		signOut();

		clock.advance(Duration.ofHours(1).plusMinutes(1));
		signIn("ws-admin");
		page.navigate(challenge);
		page.locator("#panel-link").click();
		page.locator("#x-expert-tj").check();
		page.locator("#x-expert-cq").check();
		page.locator("#invite-submit").click();
		assertThat(page.locator("#panel-message")).isVisible();
		page.navigate(challenge);
		assertThat(page.locator("#challenge-state")).hasText("评审中");
		signOut();

		// each invited expert accepts in my reviews
		for (String expert : List.of("expert-tj", "expert-cq")) {
			signIn(expert);
			page.locator("#nav-reviews").click();
			var invitation = page.locator("#reviews-pending .review-item").filter(new Locator.FilterOptions().setHasText(title));
			invitation.locator(".accept-form input[name=noConflict]").check();
			invitation.locator(".accept-form button").click();
			assertThat(page.locator("#reviews-message")).isVisible();
			signOut();
		}

		// 同济's own expert sits on the panel but is not shown 同济's application
		signIn("expert-tj");
		page.navigate(challenge);
		assertThat(page.locator("#review-queue .review")).hasCount(0);
		signOut();

		signIn("expert-cq");
		page.navigate(challenge);
		// blind: the panel knows the applicants by their labels until the award is published
		var review = page.locator("#review-queue .review").first();
		assertThat(review).containsText("申请人 A");
		assertThat(review).not().containsText("同济大学");
		review.locator("input[name=score-SOLUTION]").fill("90");
		review.locator("input[name=score-TEAM]").fill("80");
		review.locator("input[name=score-PLAN]").fill("85");
		review.locator("input[name=score-BUDGET]").fill("70");
		review.locator("button").click();
		assertThat(page.locator("#review-queue .review .status").first()).containsText("84.00");
		signOut();

		signIn("ws-admin");
		page.navigate(challenge);
		assertThat(page.locator("#ranking")).containsText("同济大学");
		page.locator("#w-amount").fill("1500000");
		page.locator("#w-decision").fill("经专家评审，同济大学团队揭榜。");
		page.locator("#award-submit").click();
		assertThat(page.locator("#challenge-state")).hasText("结果公示中");
		signOut();

		page.navigate(challenge);
		assertThat(page.locator("#results")).containsText("同济大学");
		assertThat(page.locator("#results")).containsText("¥1,500,000.00");
	}

	@Test
	void onAPhoneTheNavigationFoldsBehindAMenuButton() {
		page.setViewportSize(390, 844);
		page.navigate(url("/"));
		assertThat(page.locator(".nav-toggle-label")).isVisible();
		assertThat(page.locator(".nav")).isHidden();
		page.locator(".nav-toggle-label").click();
		assertThat(page.locator(".nav")).isVisible();
		int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
		assertThat(width).as("no horizontal scrolling").isLessThanOrEqualTo(390);
	}

	private void signIn(String username) {
		signIn(username, "kejiao-demo");
	}

	private void signIn(String username, String password) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("main button[type=submit]").click();
		page.waitForURL(url("/"));
	}

	private void signOut() {
		page.locator("form[action='/logout'] button").click();
		page.waitForURL(url("/login?logout"));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
