package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.Personas;

/** The pages as a browser gets them: Chinese first, English on request, sessions in PostgreSQL, CSRF on every form. */
@KejiaoIntegrationTest
class WebPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void visitorsSeeTheWelcomePageInChineseAndCanSwitchToEnglish() {
		Http browser = Http.browser(port);
		var chinese = browser.get("/");
		assertThat(chinese.status()).isEqualTo(200);
		assertThat(chinese.body()).contains("lang=\"zh-CN\"", "跨区域科技合作，一站办理", "长三角", "沪滇");
		var english = browser.get("/?lang=en");
		assertThat(english.body()).contains("lang=\"en\"", "Cross-regional S&amp;T cooperation in one place");
		assertThat(browser.get("/regions").body()).contains("Regions").doesNotContain("行政区划</h1>");
		assertThat(browser.get("/regions?lang=zh-CN").body()).contains("行政区划");
	}

	@Test
	void signingInKeepsTheSessionInPostgres() {
		Http browser = Http.browser(port);
		var login = browser.login("expert-sh", "kejiao-demo");
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).endsWith("/");
		assertThat(browser.get("/").body()).contains("专家工作台", "同济大学");
		assertThat(jdbc.queryForObject("select count(*) from platform.spring_session where principal_name = 'expert-sh'",
				Long.class)).isPositive();
		var logout = browser.submitForm("/", "/logout", Map.of());
		assertThat(logout.location()).endsWith("/login?logout");
		assertThat(browser.get("/me").status()).isEqualTo(302);
	}

	@Test
	void aWrongPasswordShowsAMessageNotAnError() {
		Http browser = Http.browser(port);
		var login = browser.login("ent-jd", "not-the-password");
		assertThat(login.location()).endsWith("/login?error=bad");
		assertThat(browser.get("/login?error=bad").body()).contains("用户名或密码错误");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		Http browser = personas.browser("ws-admin");
		var forged = browser.send("POST", "/admin/organisations/00000000-0000-0000-0000-000000000000/decision",
				"application/x-www-form-urlencoded", "verdict=APPROVE");
		assertThat(forged.status()).isEqualTo(403);
	}

	@Test
	void eachRoleHasItsOwnHomePage() {
		Map<String, String> titles = Map.of("ent-ws", "企业工作台", "provider-yn", "服务机构工作台", "expert-sh", "专家工作台",
				"ws-admin", "区域管理工作台", "admin", "平台管理工作台");
		titles.forEach((user, title) -> {
			Http browser = Http.browser(port);
			browser.login(user, "kejiao-demo");
			assertThat(browser.get("/").body()).as(user).contains(title);
		});
		Http admin = personas.browser("ws-admin");
		assertThat(admin.get("/").body()).contains("待审核机构", "/admin/organisations?status=PENDING");
	}

	@Test
	void anEnterpriseIsNotLetIntoAdminPages() {
		Http browser = personas.browser("ent-jd");
		var page = browser.get("/admin/organisations");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("无权访问").doesNotContain("Exception");
	}

	@Test
	void unknownPagesGetAReadableNotFoundPage() {
		var page = Http.browser(port).send("GET", "/no/such/page", null, null);
		assertThat(page.status()).isIn(302, 404);
		Http browser = personas.browser("ent-jd");
		var signedIn = browser.get("/no/such/page");
		assertThat(signedIn.status()).isEqualTo(404);
		assertThat(signedIn.body()).contains("未找到", "返回首页").doesNotContain("Whitelabel", "Exception");
	}

	@Test
	void theRegistrationPageExplainsABadCreditCodeAndKeepsWhatWasTyped() {
		Http browser = Http.browser(port);
		String valid = NewOrganisation.creditCode("532628");
		String first17 = valid.substring(0, 17);
		char right = valid.charAt(17);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "富宁页面测试有限公司");
		form.put("type", "ENTERPRISE");
		form.put("province", "530000");
		form.put("prefecture", "532600");
		form.put("county", "532628");
		form.put("creditCode", first17 + (right == 'A' ? 'B' : 'A'));
		form.put("contactName", "黄工");
		form.put("contactPhone", "0876-1234567");
		form.put("contactEmail", "huang@example.cn");
		form.put("displayName", "黄工");
		form.put("username", "fnpage" + Markers.digits(6));
		form.put("password", "Str0ng-pass!");
		form.put("passwordConfirm", "Str0ng-pass!");
		var page = browser.submitForm("/register", "/register", form);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("校验位错误", "第 18 位应为“" + right + "”", "富宁页面测试有限公司", "富宁县");

		form.put("creditCode", first17 + right);
		form.put("acceptTerms", "true");
		var done = browser.submitForm("/register", "/register", form);
		assertThat(done.status()).isEqualTo(302);
		assertThat(browser.get(done.location().replaceFirst("^http://localhost:\\d+", "")).body())
			.contains("富宁页面测试有限公司", "待审核");
	}

	@Test
	void aRegionAdminSeesAndSuspendsTheCatalogEntriesOfItsRegion() {
		Http browser = personas.browser("ws-admin");
		var page = browser.get("/admin/catalog?state=PUBLISHED");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("本区域资源管理").doesNotContain("<code>3101");
		assertThat(page.body()).doesNotContain("搜索索引");

		Http platform = personas.browser("admin");
		assertThat(platform.get("/admin/catalog").body()).contains("搜索索引", "状态：就绪", "扫描电镜, 扫描电子显微镜, SEM");

		Http jiading = personas.browser("jd-admin");
		String list = jiading.get("/admin/catalog?state=PUBLISHED").body();
		var matcher = java.util.regex.Pattern.compile("/admin/catalog/entries/([0-9a-f-]{36})/suspend").matcher(list);
		assertThat(matcher.find()).isTrue();
		String id = matcher.group(1);
		var suspended = jiading.submitForm("/admin/catalog", "/admin/catalog/entries/" + id + "/suspend", Map.of());
		assertThat(suspended.status()).isEqualTo(302);
		assertThat(Http.api(port).get("/api/v1/catalog/instruments/" + id).status()).isIn(404);
		jiading.submitForm("/admin/catalog", "/admin/catalog/entries/" + id + "/reinstate", Map.of());
		assertThat(jiading.get("/admin/catalog?state=SUSPENDED").body()).doesNotContain(id);
	}

	@Test
	void whatIsMissingForTheReaderIsANotFoundPageAndWhatItMayNotDoAForbiddenOne() {
		Http jiading = personas.browser("jd-admin");
		assertThat(jiading.get("/admin/organisations?status=&q=&page=0").status()).isEqualTo(200);
		assertThat(jiading.get("/admin/organisations?status=NOT_A_STATUS").status()).isEqualTo(400);
		assertThat(jiading.get("/admin/organisations/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(jiading.get("/demands/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		// a verified organisation of Yunnan is in everyone's directory, but not Jiading's to review
		String yunnan = jdbc.queryForObject("""
				select id::text from organisation.organisation
				where region_code like '53%' and status = 'VERIFIED' and type <> 'GOVERNMENT' limit 1""", String.class);
		var review = jiading.get("/admin/organisations/" + yunnan);
		assertThat(review.status()).isEqualTo(403);
		assertThat(review.body()).contains("您无权管理区域");
		assertThat(jiading.submitForm("/", "/admin/organisations/" + yunnan + "/decision", Map.of("verdict", "APPROVE"))
			.status()).isEqualTo(403);
	}

	@Test
	void aZoneThatIsRefusedIsShownAgainAsTyped() {
		Http admin = personas.browser("admin");
		var refused = admin.submitForm("/admin/zones/new", "/admin/zones", Map.of("code", "Not A Code", "name",
				"滇中协作区", "nameEn", "Central Yunnan", "regionCodes", "530100 530400"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("合作区代码“Not A Code”无效", "滇中协作区", "530100 530400");
	}

	@Test
	void theRegionBrowserUnfoldsChildren() {
		Http browser = Http.browser(port);
		assertThat(browser.get("/regions").body()).contains("云南省", "hx-get=\"/regions/530000/children\"");
		assertThat(browser.get("/regions/530000/children").body()).contains("文山壮族苗族自治州");
		assertThat(browser.get("/regions?q=富宁").body()).contains("云南省 文山壮族苗族自治州 富宁县");
		assertThat(browser.get("/regions/options?province=530000").body()).contains("<option value=\"532600\">");
	}
}
