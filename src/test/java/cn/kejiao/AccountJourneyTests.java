package cn.kejiao;

import static cn.kejiao.support.Mails.body;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;

import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewOrganisation;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Looking after accounts in the browser: an admin unlocks, resets and changes the roles of its region's users
 * (and of no one else's); a user changes their own password and recovers a forgotten one by e-mail; registering
 * means accepting the user agreement and privacy policy, which anyone can read.
 */
@KejiaoIntegrationTest
class AccountJourneyTests extends JourneyTest {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final Pattern RESET_LINK = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegionAdminUnlocksResetsAndGivesRolesToAUserOfItsRegion() {
		var user = NewOrganisation.enterprise("532628").verified(port);
		page.navigate(url("/login"));
		for (int i = 0; i < 5; i++) {
			page.locator("#username").fill(user.username());
			page.locator("#password").fill("wrong-pass-" + i);
			page.locator("main button[type=submit]").click();
			page.waitForURL(address -> address.contains("/login?error"));
		}
		assertThat(page.locator("main .alert.error")).containsText("账号已临时锁定");

		Page admin = newPerson();
		signIn(admin, "ws-admin", DEMO_PASSWORD);
		admin.locator("nav >> text=用户").click();
		admin.locator("#q").fill(user.username());
		admin.locator("main button[type=submit]").click();
		assertThat(admin.locator("#user-count")).hasText("共 1 个用户");
		assertThat(admin.locator("#user-table")).containsText("云南省 文山壮族苗族自治州 富宁县");
		admin.locator("#user-table a").click();
		assertThat(admin.locator("#lock-state")).containsText("已锁定");
		assertThat(admin.locator("#lock-state")).containsText("连续输错 5 次");

		admin.locator("#unlock").click();
		assertThat(admin.locator("#care-result")).hasText("已解除锁定，该用户现在可以登录。");
		assertThat(admin.locator("#lock-state")).hasText("正常，未被锁定");

		// the person still does not remember the password: the admin gives a temporary one, shown once
		admin.locator("#reset-password").click();
		String temporary = admin.locator("#temporary-password").textContent().strip();
		assertThat(temporary).hasSize(12);
		admin.reload();
		assertThat(admin.locator("#temporary-password")).hasCount(0);

		// an admin role is not the region admin's to give
		assertThat(admin.locator("#role-REGION_ADMIN")).hasCount(0);
		admin.locator("#role-EXPERT").check();
		admin.locator("#save-roles").click();
		assertThat(admin.locator("#care-result")).hasText("角色已保存，该用户下次登录时生效。");
		assertThat(admin.locator("#role-EXPERT")).isChecked();
		assertThat(admin.locator("#role-ENTERPRISE")).isChecked();

		admin.navigate(url("/admin/audit?q=" + user.username() + "&action=account.roles-changed"));
		assertThat(admin.locator("#audit-table")).containsText("调整角色");
		assertThat(admin.locator("#audit-table")).containsText("角色: 企业用户 → 企业用户、专家");

		// the user signs in with the temporary password and chooses their own
		signIn(user.username(), temporary);
		page.navigate(url("/me"));
		assertThat(page.locator("main")).containsText("专家");
		page.locator("#change-password-link").click();
		page.locator("#current").fill("not-the-password-1");
		page.locator("#password").fill("Mine-2026-pass");
		page.locator("#passwordConfirm").fill("Mine-2026-pass");
		page.locator("#change-password").click();
		assertThat(page.locator("#password-error")).hasText("当前密码不正确。");
		page.locator("#current").fill(temporary);
		page.locator("#password").fill("Mine-2026-pass");
		page.locator("#passwordConfirm").fill("Mine-2026-pass");
		page.locator("#change-password").click();
		assertThat(page.locator("#me-result")).hasText("密码已修改。下次登录请使用新密码。");
		signOut();
		assertThat(Http.browser(port).login(user.username(), temporary).location()).contains("/login?error");
		signIn(user.username(), "Mine-2026-pass");
		assertThat(page.locator("h1")).isVisible();
	}

	@Test
	void aYunnanAdminCannotLookAfterAShanghaiUser() {
		var shanghai = NewOrganisation.enterprise("310114").verified(port);
		UUID userId = UUID.fromString(Http.as(port, "admin").get("/api/v1/organisations/" + shanghai.id() + "/members")
			.json().get(0).get("id").asString());

		signIn("yn-admin");
		page.navigate(url("/admin/users?q=" + shanghai.username()));
		assertThat(page.locator("#user-count")).hasText("共 0 个用户");

		expectErrorPages();
		page.navigate(url("/admin/users/" + userId));
		assertThat(page.locator("main")).containsText("您无权管理区域");

		Http yunnan = Http.browser(port);
		yunnan.login("yn-admin", DEMO_PASSWORD);
		for (String step : new String[] { "password-reset", "unlock", "roles" }) {
			var refused = yunnan.submitForm("/admin/users", "/admin/users/" + userId + "/" + step, Map.of("roles", "EXPERT"));
			assertThat(refused.status()).as(step).isEqualTo(403);
		}
		assertThat(Http.browser(port).login(shanghai.username(), shanghai.password()).location())
			.as("the Shanghai user's password still works").doesNotContain("error");

		// nor may a region admin reset its own password here (that is done with the current one, under My account)
		UUID wenshanAdmin = jdbc.sql("select id from account.user_account where username = 'ws-admin'").query(UUID.class)
			.single();
		var self = Http.browser(port);
		self.login("ws-admin", DEMO_PASSWORD);
		assertThat(self.submitForm("/admin/users", "/admin/users/" + wenshanAdmin + "/password-reset", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void aForgottenPasswordIsRecoveredByEmailWithALinkThatWorksOnce() throws Exception {
		var user = NewOrganisation.enterprise("532628").verified(port);
		String email = user.username() + "@example.cn";

		page.navigate(url("/login"));
		page.locator("#forgot-link").click();
		page.locator("#email").fill("nobody-" + Markers.digits(6) + "@example.cn");
		page.locator("#send-link").click();
		String unknownAnswer = page.locator("#forgot-sent").textContent();

		page.navigate(url("/password/forgot"));
		page.locator("#email").fill(email);
		page.locator("#send-link").click();
		String knownAnswer = page.locator("#forgot-sent").textContent();
		assertThat(knownAnswer.replace(email, "@")).isEqualTo(unknownAnswer.replaceAll("nobody-\\d+@example.cn", "@"));

		MimeMessage mail = Eventually.await(Duration.ofSeconds(10), () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains(email)).filter(AccountJourneyTests::isPasswordLink).findFirst().orElse(null));
		assertThat(mail.getSubject()).contains("设置新密码");
		Matcher link = RESET_LINK.matcher(body(mail));
		assertThat(link.find()).isTrue();
		String token = link.group(1);

		page.navigate(url("/password/reset?token=" + token));
		page.locator("#password").fill("Found-it-2026");
		page.locator("#passwordConfirm").fill("Found-it-2026");
		page.locator("#reset-submit").click();
		assertThat(page.locator("#login-reset")).hasText("新密码已保存，请用新密码登录。");
		assertThat(page.locator("#username")).hasValue(user.username());
		page.locator("#password").fill("Found-it-2026");
		page.locator("main button[type=submit]").click();
		page.waitForURL(address -> !address.contains("/login"));
		signOut();

		page.navigate(url("/password/reset?token=" + token));
		assertThat(page.locator("#reset-invalid")).hasText("该链接已过期或已被使用。");

		// a second link, opened too late
		page.navigate(url("/password/forgot"));
		page.locator("#email").fill(email);
		page.locator("#send-link").click();
		MimeMessage second = Eventually.await(Duration.ofSeconds(10), () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains(email)).filter(AccountJourneyTests::isPasswordLink).skip(1).findFirst()
			.orElse(null));
		Matcher late = RESET_LINK.matcher(body(second));
		assertThat(late.find()).isTrue();
		clock.advance(Duration.ofMinutes(31));
		page.navigate(url("/password/reset?token=" + late.group(1)));
		assertThat(page.locator("#reset-invalid")).isVisible();
	}

	@Test
	void registeringAsksForConsentToTheUserAgreementAndPrivacyPolicyWhichAnyoneCanRead() {
		page.navigate(url("/"));
		page.locator("footer >> text=用户协议").click();
		assertThat(page.locator("h1")).hasText("用户协议");
		assertThat(page.locator("#terms-version")).containsText("2026-12");
		assertThat(page.locator("main")).containsText("账号安全");
		page.navigate(url("/privacy?lang=en"));
		assertThat(page.locator("h1")).hasText("Privacy policy");
		assertThat(page.locator("main")).containsText("Personal Information Protection Law");
		page.navigate(url("/privacy?lang=zh-CN"));
		assertThat(page.locator("main")).containsText("个人信息保护法");

		String username = "cs" + Markers.digits(6);
		String name = "富宁协议测试有限公司" + Markers.digits(4);
		page.navigate(url("/register"));
		page.locator("#name").fill(name);
		page.locator("#province").selectOption("530000");
		assertThat(page.locator("#prefecture option[value='532600']")).hasCount(1);
		page.locator("#prefecture").selectOption("532600");
		assertThat(page.locator("#county option[value='532628']")).hasCount(1);
		page.locator("#county").selectOption("532628");
		page.locator("#creditCode").fill(NewOrganisation.creditCode("532628"));
		page.getByLabel("联系人").fill("黄工");
		page.getByLabel("联系电话").fill("0876-1234567");
		page.getByLabel("联系邮箱").fill(username + "@example.cn");
		page.getByLabel("您的姓名").fill("黄工");
		page.locator("#username").fill(username);
		page.locator("#password").fill("Str0ng-pass!");
		page.locator("#passwordConfirm").fill("Str0ng-pass!");
		page.locator("#register-submit").click();
		assertThat(page.locator("#acceptTerms-error")).hasText("请阅读并同意用户协议和隐私政策后再注册。");
		assertThat(page.locator("#name")).hasValue(name);

		page.locator("#password").fill("Str0ng-pass!");
		page.locator("#passwordConfirm").fill("Str0ng-pass!");
		page.locator("#acceptTerms").check();
		page.locator("#register-submit").click();
		page.waitForURL(url("/register/done"));
		long consents = jdbc.sql("""
				select count(*) from account.consent c join account.user_account u on u.id = c.user_id
				where u.username = :name""").param("name", username).query(Long.class).single();
		assertThat(consents).as("the user agreement and the privacy policy, recorded").isEqualTo(2);
	}

	private static boolean isPasswordLink(Message message) {
		try {
			return message.getSubject().contains("设置新密码");
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}


	private static String recipients(Message message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
