package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * A technology contract across regions, as its people do it on the pages: 云南省科学技术院 drafts a transfer to a
 * 嘉定 enterprise (a schedule that does not add up is refused with what was typed kept), both sides sign on the
 * contract's page, and 云南's admin registers it from the registration queue and reads the registration number.
 */
@KejiaoIntegrationTest
class ContractJourneyTests extends JourneyTest {

	@Autowired
	Personas personas;

	@Test
	void bothSidesSignOnThePageAndTheSellersRegionRegistersItFromTheQueue() {
		String title = "三七皂苷提取工艺专利转让 " + Markers.digits(6);
		String buyer = personas.actor("ent-jd").organisationId().toString();
		LocalDate today = LocalDate.now(ChinaTime.ZONE);

		signIn("provider-yn");
		page.locator("#nav-contracts").click();
		page.locator("#contract-new").click();
		phone();
		assertNoSidewaysScroll();
		page.setViewportSize(1280, 900);
		page.locator("#c-title").fill(title);
		page.locator("#c-type").selectOption("TRANSFER");
		page.locator("#c-side").selectOption("SELLER");
		page.locator("#c-counterpart").selectOption(buyer);
		page.locator("#c-value").fill("150万");
		page.locator("#c-due-0").fill(today.plusDays(10).toString());
		page.locator("#c-amount-0").fill("50万");
		page.locator("#c-due-1").fill(today.plusDays(100).toString());
		page.locator("#c-amount-1").fill("90万");
		page.locator("#contract-create").click();
		assertThat(page.locator("#contract-error")).containsText("与合同金额 ¥1,500,000.00 不一致");
		assertThat(page.locator("#c-title")).hasValue(title);
		assertThat(page.locator("#c-amount-1")).hasValue("90万");
		assertThat(page.locator("#c-counterpart")).hasValue(buyer);
		page.locator("#c-amount-1").fill("100万");
		page.locator("#contract-create").click();

		assertThat(page.locator("h1")).hasText(title);
		assertThat(page.locator("#contract-state")).hasText("草稿");
		assertThat(page.locator("#contract-value")).containsText("¥1,500,000.00");
		assertThat(page.locator("#contract-seller")).containsText("云南省科学技术院");
		assertThat(page.locator("#contract-buyer")).containsText("上海嘉定智能汽车科技有限公司");
		assertThat(page.locator("#contract-buyer")).containsText("嘉定区");
		assertThat(page.locator("#contract-instalments tbody tr")).hasCount(2);
		page.locator("#contract-sign").click();
		assertThat(page.locator("#contract-message")).containsText("已签署合同");
		assertThat(page.locator("#contract-seller")).containsText("云南省科学技术院成果转化部 已于");
		String contract = page.url().replaceAll("\\?.*", "");
		String id = contract.substring(contract.lastIndexOf('/') + 1);
		signOut();

		signIn("ent-jd");
		page.navigate(contract);
		page.locator("#contract-sign").click();
		assertThat(page.locator("#contract-state")).hasText("双方已签署");
		assertThat(page.locator("#contract-register")).hasCount(0);
		signOut();

		signIn("yn-admin");
		page.locator("#nav-contracts").click();
		page.locator("#contract-queue").click();
		assertThat(page.locator("h1")).hasText("技术合同认定登记");
		page.locator("#queue form[action*='" + id + "'] button").click();
		String year = String.valueOf(LocalDate.now(ChinaTime.ZONE).getYear());
		assertThat(page.locator("#contract-message")).containsText(Pattern.compile("登记号 530102" + year + "\\d{6}"));
		assertThat(page.locator("#queue form[action*='" + id + "']")).hasCount(0);

		page.locator("#broker-username").fill("expert-km");
		page.locator("#broker-certificate").fill("滇技经证 2026-0031");
		page.locator("#broker-submit").click();
		assertThat(page.locator("#broker-message")).containsText("登记为技术经纪人");
		assertThat(page.locator("#broker-list")).containsText("滇技经证 2026-0031");
		phone();
		assertNoSidewaysScroll();
		page.navigate(url("/contracts"));
		assertNoSidewaysScroll();
		page.setViewportSize(1280, 900);

		page.navigate(contract);
		assertThat(page.locator("#contract-state")).hasText("已认定登记");
		assertThat(page.locator("#contract-registration .registration-number")).hasText(Pattern.compile("530102" + year + "\\d{6}"));
		phone();
		page.reload();
		assertNoSidewaysScroll();
	}
}
