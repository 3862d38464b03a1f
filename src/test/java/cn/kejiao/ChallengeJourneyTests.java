package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;

/**
 * Challenges in the browser: a publisher whose form is refused keeps everything typed and is told beside each
 * field what to fix, picks the region, zone and kinds of organisation by name and attaches the call's document;
 * an applicant finds its application under 我的揭榜 by its receipt number, changes it and withdraws it; after the
 * deadline every page says applications are closed; the list reads as cards on a phone.
 */
@KejiaoIntegrationTest
class ChallengeJourneyTests extends JourneyTest {

	@Autowired
	MutableClock clock;

	@Autowired
	Personas personas;

	@Test
	void aRefusedChallengeKeepsEverythingTypedAndIsPublishedWithZoneAndDocumentPickedByName() {
		String title = "三七总皂苷连续色谱分离技术攻关 " + Markers.digits(6);
		signIn("ws-admin");
		page.navigate(url("/challenges"));
		page.locator("#publish-link").click();
		page.locator("#c-title").fill(title);
		page.locator("#c-problem").fill("三七总皂苷分离步骤多、收率低，征集连续色谱分离与在线检测的成套方案。");
		page.locator("#c-targets").fill("总皂苷收率：≥ 92%\n单批周期：缩短 40%");
		page.locator("#c-bounty").fill("300万");
		page.locator("#c-deadline").fill(chinaTime(Duration.ofDays(-1)));
		page.locator("#c-province").selectOption(new SelectOption().setLabel("云南省"));
		assertThat(page.locator("#c-prefecture option", new com.microsoft.playwright.Page.LocatorOptions().setHasText("文山壮族苗族自治州")))
			.hasCount(1);
		page.locator("#c-prefecture").selectOption(new SelectOption().setLabel("文山壮族苗族自治州"));
		page.locator("#c-zones").getByLabel("沪滇").check();
		page.locator("#c-org-types").getByLabel("高等院校").check();
		page.locator("#c-requirements").fill("具备中试条件；联合体须由高校牵头。");
		page.locator("#c-files").setInputFiles(new FilePayload("setup.exe", "application/octet-stream", new byte[] { 1, 2, 3 }));
		page.locator("#challenge-submit").click();

		// told beside each field what to fix; nothing typed is lost
		assertThat(page.locator("#form-errors")).containsText("请修改标出的项目");
		assertThat(page.locator("#c-deadline-error")).containsText("截止时间已经过去");
		assertThat(page.locator("#c-files-error")).containsText("“setup.exe”的类型不支持");
		assertThat(page.locator("#c-bounty-error")).hasCount(0);
		assertThat(page.locator("#c-title")).hasValue(title);
		assertThat(page.locator("#c-problem")).hasValue("三七总皂苷分离步骤多、收率低，征集连续色谱分离与在线检测的成套方案。");
		assertThat(page.locator("#c-targets")).hasValue("总皂苷收率：≥ 92%\n单批周期：缩短 40%");
		assertThat(page.locator("#c-bounty")).hasValue("300万");
		assertThat(page.locator("#c-province option:checked")).hasText("云南省");
		assertThat(page.locator("#c-prefecture option:checked")).hasText("文山壮族苗族自治州");
		assertThat(page.locator("#c-zones").getByLabel("沪滇")).isChecked();
		assertThat(page.locator("#c-org-types").getByLabel("高等院校")).isChecked();
		assertThat(page.locator("#c-requirements")).hasValue("具备中试条件；联合体须由高校牵头。");

		page.locator("#c-deadline").fill(chinaTime(Duration.ofDays(30)));
		page.locator("#c-files").setInputFiles(new FilePayload("榜单说明.pdf", "application/pdf",
				"%PDF-1.4 三七 榜单说明".getBytes(StandardCharsets.UTF_8)));
		page.locator("#challenge-submit").click();

		assertThat(page.locator("h1")).hasText(title);
		assertThat(page.locator("#challenge-message")).hasText("榜单已发布，正在接受揭榜。");
		assertThat(page.locator("#challenge-state")).hasText("揭榜中");
		assertThat(page.locator("#challenge-bounty")).hasText("¥3,000,000.00（300万元）");
		assertThat(page.locator("#eligibility")).containsText("云南省 文山壮族苗族自治州");
		assertThat(page.locator("#eligibility")).containsText("沪滇");
		assertThat(page.locator("#eligibility")).containsText("高等院校");
		assertThat(page.locator("#requirements")).hasText("具备中试条件；联合体须由高校牵头。");
		Download document = page.waitForDownload(() -> page.locator("#challenge-files a").click());
		assertThat(document.suggestedFilename()).isEqualTo("榜单说明.pdf");

		page.navigate(url("/challenges"));
		Locator row = page.locator("#challenges tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title));
		assertThat(row).containsText("300万元");
		assertThat(row.locator(".status .state")).hasText("揭榜中");
		assertThat(page.locator("#challenges thead")).containsText("榜单状态");
		assertThat(page.locator("#challenges thead")).not().containsText("认证状态");
	}

	@Test
	void anApplicantFindsItsApplicationByReceiptNumberChangesItAndWithdrawsIt() {
		String title = challengeOpenFor(Duration.ofDays(10));
		signIn("expert-sh");
		page.navigate(url("/challenges"));
		page.locator("#challenges a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title)).click();
		page.locator("#a-team").fill("同济大学 天然产物分离团队");
		page.locator("#a-proposal").fill("模拟移动床色谱与在线近红外检测联用，连续分离三七总皂苷。");
		page.locator("#a-attachment").setInputFiles(new FilePayload("方案.txt", "text/plain",
				"技术方案".getBytes(StandardCharsets.UTF_8)));
		page.locator("#apply-submit").click();

		assertThat(page.locator("#challenge-message")).containsText("已揭榜，回执编号 HZ");
		String receipt = page.locator("#challenge-message").textContent().replaceAll(".*回执编号 (HZ\\d+).*", "$1");
		assertThat(receipt).matches("HZ\\d{10}");
		assertThat(page.locator("#applied")).containsText("回执编号 " + receipt);

		page.navigate(url("/challenges"));
		page.locator("#mine-link").click();
		assertThat(page.locator("h1")).hasText("我的揭榜");
		Locator mine = page.locator("#my-applications tr[data-receipt='" + receipt + "']");
		assertThat(mine).containsText(title);
		assertThat(mine.locator(".application-status")).hasText("已提交（截止前可修改）");
		mine.getByText("查看或修改").click();

		assertThat(page.locator("#receipt")).hasText(receipt);
		assertThat(page.locator("#e-team")).hasValue("同济大学 天然产物分离团队");
		assertThat(page.locator("#e-proposal")).hasValue("模拟移动床色谱与在线近红外检测联用，连续分离三七总皂苷。");
		page.locator("#e-proposal").fill("短");
		page.locator("#change-submit").click();
		assertThat(page.locator("#application-error")).containsText("技术方案需要 10 到 20000 个字");
		assertThat(page.locator("#e-proposal")).hasValue("短");
		page.locator("#e-proposal").fill("模拟移动床色谱、在线近红外检测与溶剂回收联用，连续分离三七总皂苷并完成中试。");
		page.locator("#change-submit").click();
		assertThat(page.locator("#application-message")).hasText("揭榜申请已修改，回执编号不变。");
		assertThat(page.locator("#receipt")).hasText(receipt);
		assertThat(page.locator("#e-proposal")).hasValue("模拟移动床色谱、在线近红外检测与溶剂回收联用，连续分离三七总皂苷并完成中试。");

		// the challenge page leads back to the application
		page.locator("main dl a").click();
		page.locator("#my-application-link").click();
		assertThat(page.locator("#receipt")).hasText(receipt);

		page.locator("#withdraw-link").click();
		assertThat(page.locator("#withdraw-question")).containsText(receipt);
		page.locator("#withdraw-confirm").click();
		assertThat(page.locator("#mine-message")).containsText("已撤回揭榜申请 " + receipt);
		assertThat(page.locator("#my-applications tr[data-receipt='" + receipt + "'] .application-status")).hasText("已撤回");

		// withdrawn before the deadline: the organisation may apply again
		page.locator("#my-applications tr[data-receipt='" + receipt + "'] a").first().click();
		assertThat(page.locator("#apply")).isVisible();
	}

	@Test
	void afterTheDeadlineTheChallengeReadsClosedAndTheApplicationCanNoLongerBeChanged() {
		String title = challengeOpenFor(Duration.ofHours(1));
		signIn("expert-sh");
		page.navigate(url("/challenges"));
		page.locator("#challenges a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title)).click();
		String challenge = page.url();
		page.locator("#a-team").fill("同济大学 天然产物分离团队");
		page.locator("#a-proposal").fill("模拟移动床色谱与在线近红外检测联用，连续分离三七总皂苷。");
		page.locator("#apply-submit").click();
		assertThat(page.locator("#challenge-state")).hasText("揭榜中");

		clock.advance(Duration.ofHours(1).plusMinutes(1));
		page.navigate(challenge);
		assertThat(page.locator("#challenge-state")).hasText("揭榜截止，待评审");
		assertThat(page.locator("#apply")).hasCount(0);
		page.navigate(url("/challenges"));
		assertThat(page.locator("#challenges tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title))
			.locator(".status .state")).hasText("揭榜截止，待评审");
		page.navigate(challenge);
		page.locator("#my-application-link").click();
		assertThat(page.locator("#application-status")).hasText("揭榜已截止，待评审");
		assertThat(page.locator("#change-form")).hasCount(0);
		assertThat(page.locator("#withdraw-link")).hasCount(0);
		assertThat(page.locator("#submitted-proposal")).hasText("模拟移动床色谱与在线近红外检测联用，连续分离三七总皂苷。");
	}

	@Test
	void onAPhoneTheChallengeListReadsAsCardsAndThePagesFitTheScreen() {
		String title = challengeOpenFor(Duration.ofDays(3));
		signIn("expert-sh");
		phone();
		page.navigate(url("/challenges"));
		assertNoSidewaysScroll();
		Locator link = page.locator("#challenges a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title));
		assertThat(link).isVisible();
		Locator row = page.locator("#challenges tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title));
		// each challenge is a card as wide as the screen: the title reads along the line, not one character per line
		assertThat(row.locator(".title-cell").boundingBox().width).isGreaterThan(300);
		assertThat(link.boundingBox().height).isLessThan(60);
		assertThat(row.locator(".status").boundingBox().width).isGreaterThan(300);
		assertThat(row).containsText("榜单状态");
		assertThat(row).containsText("揭榜中");
		link.click();
		assertNoSidewaysScroll();
		page.navigate(url("/challenges/mine"));
		assertNoSidewaysScroll();
		signOut();
		signIn("ws-admin");
		page.navigate(url("/challenges/new"));
		assertNoSidewaysScroll();
		assertThat(page.locator("#c-title")).isVisible();
	}

	/** A challenge of 文山 open to 沪滇 for the given time, published over the API; its title. */
	private String challengeOpenFor(Duration open) {
		String title = "三七总皂苷高效提取技术攻关 " + Markers.digits(6);
		var created = personas.api("ws-admin").post("/api/v1/challenges", Map.of("title", title,
				"problem", "三七总皂苷提取收率低、溶剂消耗大，征集高效提取纯化与中试放大方案。",
				"targets", List.of(Map.of("indicator", "总皂苷收率", "target", "≥ 90%")), "bounty", "2000000",
				"eligibleZones", List.of("hu-dian"), "noticeDays", 7, "open", true,
				"deadline", OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)).plus(open).truncatedTo(ChronoUnit.SECONDS).toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return title;
	}

	/** A datetime-local value, China time, this far from now. */
	private String chinaTime(Duration fromNow) {
		return LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).plus(fromNow).truncatedTo(ChronoUnit.MINUTES).toString();
	}
}
