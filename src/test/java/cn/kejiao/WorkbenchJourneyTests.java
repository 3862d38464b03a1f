package cn.kejiao;

import static cn.kejiao.support.Mails.body;
import static cn.kejiao.support.Mails.recipients;
import static cn.kejiao.support.Mails.subject;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import cn.kejiao.support.VoucherScenario;
import jakarta.mail.internet.MimeMessage;

/**
 * Everyone is told what waits for them: a notice in the application (with the unread count in the navigation)
 * and an e-mail for each step that waits on someone, and a workbench per role with its to-dos counted, each
 * leading to where the work is done. Visitors see the platform's figures on the home page.
 */
@KejiaoIntegrationTest
class WorkbenchJourneyTests extends JourneyTest {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	Personas personas;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aQuoteReachesTheEnterpriseWhoAcceptsItFromTheNoticeAndTheProviderHearsOfIt() {
		Http enterpriseApi = personas.api("ent-ws");
		Http providerApi = personas.api("provider-jd");
		String providerOrg = providerApi.get("/api/v1/me").json().get("organisationId").asString();
		String description = "铝土矿样品化学成分分析 " + Markers.unique();
		var requested = enterpriseApi.post("/api/v1/orders", Map.of("providerOrgId", providerOrg, "description", description,
				"serviceKind", "检验检测"));
		assertThat(requested.status()).as(requested.body()).isEqualTo(201);
		String order = requested.json().get("id").asString();
		String number = requested.json().get("number").asString();

		// the provider is told of the new order, sees it counted, follows the notice and quotes
		signIn("provider-jd");
		Locator toQuote = page.locator("[data-todo=orders-to-quote] .todo-count");
		awaitOnReload(page, "#recent", "新订单 " + number + " 等待报价");
		long ordersToQuote = Long.parseLong(toQuote.textContent().strip());
		assertThat(ordersToQuote).isEqualTo(count("select count(*) from voucher.service_order where provider_org_id = ?::uuid and state = 'REQUESTED'", providerOrg));
		page.locator("#recent").getByText("新订单 " + number + " 等待报价").click();
		page.waitForURL(url("/orders/" + order));
		page.locator("#quote-amount").fill("3600");
		page.locator("#quote-submit").click();
		assertThat(page.locator("#order-state")).hasText("已报价");
		page.navigate(url("/"));
		assertThat(toQuote).hasText(String.valueOf(ordersToQuote - 1));

		// the enterprise sees the quote counted and the unread notice in the navigation
		Page enterprise = newPerson();
		signIn(enterprise, "ent-ws", DEMO_PASSWORD);
		awaitOnReload(enterprise, "#recent", "订单 " + number + " 已报价");
		String enterpriseOrg = enterpriseApi.get("/api/v1/me").json().get("organisationId").asString();
		assertThat(enterprise.locator("[data-todo=quotes-to-accept] .todo-count")).hasText(String.valueOf(
				count("select count(*) from voucher.service_order where enterprise_org_id = ?::uuid and state = 'QUOTED'", enterpriseOrg)));
		assertThat(enterprise.locator("[data-todo=quotes-to-accept]")).hasAttribute("href", "/orders?state=QUOTED");
		// all unread notices, not only the latest the notifications list returns
		long unread = count("select count(*) from notification.notice where user_id = ?::uuid and read_at is null",
				personas.actor("ent-ws").userId().toString());
		assertThat(enterprise.locator("#unread-count")).hasText(String.valueOf(unread));
		assertThat(enterprise.locator("#voucher-left")).containsText("¥");
		assertThat(enterprise.locator("#voucher-held")).containsText("¥");

		// it opens the notice from its list, which counts it read, and accepts the quote
		enterprise.locator("#nav-notifications").click();
		Locator notice = enterprise.locator("li.notice", new Page.LocatorOptions().setHasText("订单 " + number + " 已报价"));
		assertThat(notice).containsText("服务方报价 ¥3600.00");
		assertThat(notice).hasClass(Pattern.compile("unread"));
		notice.locator(".notice-open").click();
		enterprise.waitForURL(url("/orders/" + order));
		assertThat(enterprise.locator("#unread-count")).hasText(String.valueOf(unread - 1));
		enterprise.locator("#accept-review").click();
		enterprise.locator("#accept-submit").click();
		assertThat(enterprise.locator("#order-state")).hasText("服务中");

		// the provider is told the quote was accepted, and sees the order among those to deliver
		awaitOnReload(page, "#recent", "订单 " + number + " 已被接受");
		assertThat(page.locator("[data-todo=orders-to-deliver] .todo-count")).hasText(String.valueOf(
				count("select count(*) from voucher.service_order where provider_org_id = ?::uuid and state = 'ACCEPTED' and booking_id is null", providerOrg)));
		page.locator("[data-todo=orders-to-deliver]").click();
		page.waitForURL(url("/orders?state=ACCEPTED"));
		assertThat(page.locator("#orders")).containsText(number);

		// both were e-mailed, in Chinese, with the link to the order
		MimeMessage quoted = email("ent-ws@demo.kejiao.cn", "订单 " + number + " 已报价");
		assertThat(body(quoted)).contains("/orders/" + order);
		MimeMessage accepted = email("provider-jd@demo.kejiao.cn", "订单 " + number + " 已被接受");
		assertThat(body(accepted)).contains("/orders/" + order);

		// marking all read empties the count
		enterprise.locator("#nav-notifications").click();
		enterprise.locator("#read-all").click();
		assertThat(enterprise.locator("#unread-count")).hasCount(0);
		assertThat(enterprise.locator("li.notice.unread")).hasCount(0);
	}

	@Test
	void aVoucherApplicationWaitsForTheRegionAdminWhoseDecisionReachesTheEnterprise() {
		VoucherScenario vouchers = VoucherScenario.on(port);
		String scheme = vouchers.scheme("hu-dian");
		String schemeName = vouchers.issuer().get("/api/v1/voucher-schemes/" + scheme).json().get("name").asString();
		var applied = vouchers.enterprise().post("/api/v1/voucher-applications", Map.of("schemeId", scheme, "amount", "50000",
				"purpose", "委托检测与研发设计"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		String application = applied.json().get("id").asString();

		signIn("yn-admin");
		awaitOnReload(page, "#recent", "创新券申请等待审批：文山");
		assertThat(page.locator("[data-todo=applications-to-review] .todo-count")).hasText(String.valueOf(
				count("select count(*) from voucher.application a join voucher.scheme s on s.id = a.scheme_id where a.state = 'PENDING' and s.region_code like '53%'")));
		assertThat(page.locator("[data-todo=registrations-to-verify]")).isVisible();
		page.locator("[data-todo=applications-to-review]").click();
		page.waitForURL(url("/admin/vouchers"));
		page.locator("[data-application='" + application + "'] button.approve").click();
		assertThat(page.locator("[data-application='" + application + "']")).hasCount(0);

		Page enterprise = newPerson();
		signIn(enterprise, "ent-ws", DEMO_PASSWORD);
		awaitOnReload(enterprise, "#recent", "创新券申请已批准：" + schemeName);
		enterprise.locator("#recent").getByText("创新券申请已批准：" + schemeName).click();
		enterprise.waitForURL(url("/vouchers"));
		email("ent-ws@demo.kejiao.cn", "创新券申请已批准：" + schemeName);
		// the admin region 文山 has no scheme of its own: its admin is not told of 云南省's applications
		assertThat(personas.api("ws-admin").get("/api/v1/notifications").body()).doesNotContain(application);
	}

	@Test
	void aDisputedDeliveryWaitsForTheAdminsOfTheProvidersRegion() {
		VoucherScenario orders = VoucherScenario.between(port, "yn-admin", "ent-ws", "provider-jd");
		String order = orders.quotedOrder("2000");
		var accepted = orders.enterprise().post("/api/v1/orders/" + order + "/accept",
				Map.of("quotedAmount", VoucherScenario.quoteOf(orders.enterprise(), order)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		orders.deliver(order);
		var disputed = orders.enterprise().post("/api/v1/orders/" + order + "/dispute", Map.of("reason", "报告缺少 CMA 章"));
		assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
		String number = disputed.json().get("number").asString();

		signIn("jd-admin");
		awaitOnReload(page, "#recent", "订单 " + number + " 有异议待处理");
		assertThat(page.locator("[data-todo=disputes-to-resolve] .todo-count")).hasText(String.valueOf(
				count("select count(*) from voucher.service_order where state = 'DISPUTED' and provider_region like '310114%'")));
		page.locator("[data-todo=disputes-to-resolve]").click();
		page.waitForURL(url("/orders?state=DISPUTED"));
		assertThat(page.locator("#orders")).containsText(number);
		Eventually.await(WAIT, () -> assertThat(orders.provider().get("/api/v1/notifications").json().findValuesAsString("title"))
			.contains("订单 " + number + " 的交付被提出异议"));
	}

	@Test
	void anExpertPutOnAPanelIsToldAloneAndSeesWhatIsLeftToScore() {
		Http publisher = personas.api("ws-admin");
		String title = "赤泥综合利用技术攻关 " + Markers.unique();
		String deadline = OffsetDateTime.now(ChinaTime.ZONE).plusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
		var created = publisher.post("/api/v1/challenges", Map.of("title", title,
				"problem", "文山氧化铝厂每年产生大量赤泥，堆存占地且有碱性渗滤风险。征集赤泥脱碱与建材化利用的成套技术。",
				"targets", List.of(Map.of("indicator", "赤泥综合利用率", "target", "≥ 30%")), "bounty", "800000",
				"eligibleZones", List.of("hu-dian"), "deadline", deadline, "noticeDays", 7, "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String challenge = created.json().get("id").asString();
		var applied = personas.api("provider-yn").post("/api/v1/challenges/" + challenge + "/applications", Map.of("team",
				"云南省科学技术院 赤泥利用团队", "proposal", "赤泥经石灰脱碱后制备免烧砖与路基材料，在文山建中试线。"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		clock.advance(Duration.ofHours(2));
		var panel = publisher.post("/api/v1/challenges/" + challenge + "/panel", Map.of("experts", List.of("expert-sh")));
		assertThat(panel.status()).as(panel.body()).isEqualTo(200);

		signIn("expert-sh");
		String told = "您受邀评审榜单“" + title + "”";
		awaitOnReload(page, "#recent", told);
		Locator toScore = page.locator("[data-todo=reviews-to-score]", new Page.LocatorOptions().setHasText(title));
		assertThat(toScore.locator(".todo-count")).hasText("1");
		toScore.click();
		page.waitForURL(url("/challenges/" + challenge));
		email("expert-sh@demo.kejiao.cn", told);
		// a colleague of the same organisation is not told who sits on the panel
		assertThat(personas.api("expert-tj").get("/api/v1/notifications").body()).doesNotContain(challenge);
	}

	@Test
	void theOwnerOfADemandIsToldOfItsMatchesInItsLanguage() {
		Http enterprise = personas.api("ent-ws");
		String marker = Markers.unique();
		var created = enterprise.post("/api/v1/demands", Map.of("title", "低品位铝土矿生产氧化铝 " + marker,
				"description", "寻求低品位铝土矿选矿脱硅、拜耳法强化溶出生产氧化铝的中试技术，赤泥综合利用。",
				"keywords", List.of("低品位铝土矿", "氧化铝", "拜耳法"), "modes", List.of("LICENCE"), "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String demand = created.json().get("id").asString();

		signIn("ent-ws");
		page.locator("#lang-en").click();
		awaitOnReload(page, "#recent", "Matches found for your demand “低品位铝土矿生产氧化铝 " + marker + "”");
		page.locator("#recent").getByText("Matches found for your demand").first().click();
		page.waitForURL(url("/demands/" + demand));
	}

	@Test
	void eachRoleSeesItsOwnToDosAndTheHomePageFitsAPhone() {
		signIn("ent-ws");
		assertThat(page.locator("#todos [data-todo]")).hasCount(2);
		assertThat(page.locator("[data-todo=quotes-to-accept]")).containsText("待接受的报价");
		assertThat(page.locator("[data-todo=orders-to-confirm]")).containsText("待验收的交付");
		assertThat(page.locator("#balance")).containsText("可用余额");
		phone();
		assertNoSidewaysScroll();
		page.setViewportSize(1280, 900);
		page.locator("#lang-en").click();
		assertThat(page.locator("[data-todo=quotes-to-accept]")).containsText("Quotes to accept");
		assertThat(page.locator("#recent-title")).hasText("Recent activity");
		page.locator("#lang-zh").click();
		signOut();

		signIn("provider-jd");
		assertThat(page.locator("[data-todo=orders-to-quote]")).containsText("待报价的订单");
		assertThat(page.locator("[data-todo=orders-to-deliver]")).containsText("待交付的订单");
		assertThat(page.locator("#balance")).hasCount(0);
		signOut();

		signIn("ws-admin");
		assertThat(page.locator("[data-todo=registrations-to-verify]")).containsText("待审核机构");
		assertThat(page.locator("[data-todo=applications-to-review]")).containsText("待审批的创新券申请");
		assertThat(page.locator("[data-todo=disputes-to-resolve]")).containsText("待处理的订单异议");
		signOut();

		signIn("expert-cq");
		assertThat(page.locator("#todos [data-todo^=reviews]")).not().hasCount(0);
	}

	@Test
	void visitorsSeeThePlatformsFiguresBesideTheSearchBoxCountedFromTheDatabase() {
		clock.advance(Duration.ofMinutes(5));
		page.navigate(url("/"));
		assertThat(page.locator("#q")).isVisible();
		assertFigure("institutions", count("select count(*) from organisation.organisation where status = 'VERIFIED'"));
		assertFigure("instruments", shown("INSTRUMENT"));
		assertFigure("services", shown("SERVICE"));
		assertFigure("achievements", shown("ACHIEVEMENT"));
		assertFigure("experts", shown("EXPERT"));
		long orders = count("select count(*) from voucher.service_order");
		assertFigure("orders", orders);

		// kept for a minute, then counted again
		VoucherScenario.order(personas.api("ent-jd"), personas.api("provider-jd"), "委托检测" + Markers.unique(), "1000");
		page.reload();
		assertFigure("orders", orders);
		clock.advance(Duration.ofSeconds(61));
		page.reload();
		assertFigure("orders", orders + 1);

		phone();
		page.reload();
		assertNoSidewaysScroll();
		assertThat(page.locator("#figure-orders")).isVisible();
	}

	private void assertFigure(String name, long expected) {
		assertThat(page.locator("#figure-" + name)).hasText(String.format(Locale.ROOT, "%,d", expected));
	}

	private long shown(String type) {
		return count("select count(*) from catalog.entry where type = ? and state in ('PUBLISHED', 'MAINTENANCE')", type);
	}

	private long count(String sql, Object... params) {
		var statement = jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(Long.class).single();
	}

	/** Reloads the page until the part shows the text: a notice arrives after the step's commit. */
	private static void awaitOnReload(Page on, String part, String text) {
		Eventually.await(WAIT, () -> {
			if (on.locator(part).textContent().contains(text)) {
				return true;
			}
			on.waitForTimeout(300);
			on.reload();
			return null;
		});
	}

	private static MimeMessage email(String to, String subject) {
		return Eventually.await(WAIT, () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains(to)).filter(m -> subject(m).contains(subject)).findFirst().orElse(null));
	}



}
