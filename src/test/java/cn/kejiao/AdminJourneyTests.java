package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.kejiao.support.Http;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.NewOrganisation;

/**
 * A region admin's pages read as people write: a rejected organisation corrects its registration and comes
 * back to the queue with its history; lists, notices and the audit log show region names, action names and
 * changes in the reader's language; every one of them works on a phone.
 */
@KejiaoIntegrationTest
class AdminJourneyTests extends JourneyTest {

	@Test
	void aRejectedOrganisationCorrectsItsRegistrationAndComesBackToItsRegionAdminWithItsHistory() {
		var registered = NewOrganisation.enterprise("532628").named("富宁县错名测试公司" + Markers.digits(4)).pending(port);
		String corrected = "富宁县正名新材料有限公司" + Markers.digits(4);
		String reason = "机构名称与营业执照不一致，请按营业执照填写全称";

		Page admin = newPerson();
		signIn(admin, "ws-admin", DEMO_PASSWORD);
		admin.navigate(url("/admin/organisations?status=PENDING"));
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(registered.name())).click();
		admin.locator("#reason").fill(reason);
		admin.locator("#reject").click();
		assertThat(admin.locator("#org-status")).hasText("已驳回");

		signIn(registered.username(), registered.password());
		assertThat(page.locator("main")).containsText(reason);
		page.locator("#home-correct-link").click();
		assertThat(page.locator("#rejection-reason")).containsText(reason);
		assertThat(page.locator("#name")).hasValue(registered.name());
		assertThat(page.locator("#county")).hasValue("532628");
		assertThat(page.locator("#creditCode")).hasValue(registered.creditCode());
		assertThat(page.locator("#review-history")).containsText("驳回");
		page.locator("#name").fill(corrected);
		page.locator("#address").fill("云南省文山州富宁县新华镇工业园区 8 号");
		page.locator("#resubmit").click();
		assertThat(page.locator("#me-result")).containsText("已重新提交");
		assertThat(page.locator("main")).containsText("待审核");

		admin.navigate(url("/admin/organisations?status=PENDING"));
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(corrected)).click();
		assertThat(admin.locator("#org-status")).hasText("待审核");
		assertThat(admin.locator("#review-history")).containsText("提交注册");
		assertThat(admin.locator("#review-history")).containsText("驳回");
		assertThat(admin.locator("#review-history")).containsText(reason);
		assertThat(admin.locator("#review-history")).containsText("修改后重新提交");
		assertThat(admin.locator("main")).containsText("云南省 文山壮族苗族自治州 富宁县");
		admin.locator("#noticeDays").fill("0");
		admin.locator("#approve").click();
		assertThat(admin.locator("#org-status")).hasText("已认证");

		admin.navigate(url("/admin/audit?q=" + corrected));
		assertThat(admin.locator("#audit-table")).containsText("机构修改后重新提交");
		assertThat(admin.locator("#audit-table")).containsText("名称: " + registered.name() + " → " + corrected);
		assertThat(admin.locator("#audit-table")).containsText("状态: 已驳回 → 待审核");

		page.navigate(url("/organisation/correct"));
		page.waitForURL(url("/me"));
	}

	@Test
	void listsNoticesAndTheAuditLogShowNamesInTheReadersLanguage() {
		var inNotice = NewOrganisation.enterprise("532628").pending(port);
		Http.as(port, "ws-admin").post("/api/v1/organisations/" + inNotice.id() + "/decision",
				Map.of("verdict", "APPROVE", "noticeDays", 5));

		page.navigate(url("/notices"));
		assertThat(page.locator("#notice-table")).containsText(inNotice.name());
		assertThat(page.locator("#notice-table tr", new Page.LocatorOptions().setHasText(inNotice.name()))
			.locator("td[data-label='所在区域']")).hasText("云南省 文山壮族苗族自治州 富宁县");

		signIn("yn-admin");
		page.navigate(url("/admin/organisations?q=" + inNotice.name()));
		assertThat(page.locator("#organisation-table")).containsText("云南省 文山壮族苗族自治州 富宁县");

		page.navigate(url("/admin/audit"));
		page.locator("#q").fill(inNotice.username());
		page.locator("#action").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("创建账号"));
		page.locator("main button[type=submit]").click();
		assertThat(page.locator("#audit-table")).containsText("创建账号");
		assertThat(page.locator("#audit-table")).containsText("角色: 企业用户");
		assertThat(page.locator("#audit-table")).containsText("机构: " + inNotice.name());
		assertThat(page.locator("#audit-table")).containsText("云南省 文山壮族苗族自治州 富宁县");
		assertThat(page.locator("#audit-table")).not().containsText("account.created");

		page.navigate(url("/admin/audit?lang=en&action=organisation.verified&q=" + inNotice.name()));
		assertThat(page.locator("#audit-table")).containsText("Organisation approved");
		assertThat(page.locator("#audit-table")).containsText("Status: Pending → On public notice");
		assertThat(page.locator("#audit-table")).containsText("Funing County, Wenshan Autonomous Prefecture, Yunnan");
		page.navigate(url("/notices"));
		assertThat(page.locator("#notice-table")).containsText("Funing County, Wenshan Autonomous Prefecture, Yunnan");
		page.navigate(url("/zones"));
		assertThat(page.locator("main")).containsText("Yangtze River Delta");
		assertThat(page.locator("main")).containsText("Shanghai");
		assertThat(page.locator("main")).not().containsText("hu-dian");
		page.navigate(url("/regions?q=Kunming"));
		assertThat(page.locator("main")).containsText("Kunming, Yunnan");
		page.navigate(url("/regions?lang=zh-CN"));
	}

	@Test
	void adminPagesNoticesAndAccountPagesAreUsableAtPhoneWidth() {
		phone();
		for (String path : new String[] { "/notices", "/terms", "/privacy", "/password/forgot", "/register", "/regions?q=富宁", "/zones" }) {
			page.navigate(url(path));
			assertNoSidewaysScroll();
		}
		signIn("yn-admin");
		for (String path : new String[] { "/admin/organisations", "/admin/audit", "/admin/users", "/me", "/me/password" }) {
			page.navigate(url(path));
			assertNoSidewaysScroll();
		}
		page.navigate(url("/admin/users"));
		page.locator("#user-table a").first().click();
		assertNoSidewaysScroll();
		page.navigate(url("/admin/organisations"));
		page.locator("#organisation-table a").first().click();
		assertThat(page.locator("#review-history")).isVisible();
		assertNoSidewaysScroll();
	}
}
