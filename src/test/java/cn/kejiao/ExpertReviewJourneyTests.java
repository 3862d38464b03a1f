package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;

/**
 * Experts find their work: a publisher forms a challenge's panel from the expert pool, seeing conflicts of
 * interest before inviting; experts answer in "my reviews", the one who accepts scores from there, and the
 * publisher follows the answers.
 */
@KejiaoIntegrationTest
class ExpertReviewJourneyTests extends JourneyTest {

	@Autowired
	MutableClock clock;

	@Autowired
	Personas personas;

	@Test
	void wenshanFormsAPanelFromThePoolOneExpertDeclinesForAConflictTheOtherScoresFromMyReviews() {
		String title = "低品位铝土矿赤泥减量技术攻关 " + Markers.digits(6);
		String challenge = closedChallengeWithTongjisApplication(title);

		// the publisher searches the pool by field and sees who is conflicted with 同济's application
		signIn("ws-admin");
		page.navigate(url(challenge));
		page.locator("#panel-link").click();
		assertThat(page.locator("h1")).hasText("组建评审专家组");
		page.locator("#q").fill("冶金");
		page.locator("#pool-submit").click();
		Locator tongji = expert("expert-tj");
		assertThat(tongji).containsText("同济大学");
		assertThat(tongji.locator(".conflict")).containsText("与申请单位“同济大学”同属一个单位");
		Locator shu = expert("expert-shu");
		assertThat(shu.locator(".conflict")).containsText("兼职或与其合作");
		Locator kunming = expert("expert-km");
		assertThat(kunming).containsText("昆明理工大学");
		assertThat(kunming.locator(".conflict-free")).isVisible();
		assertThat(page.locator(".pool .expert[data-expert='expert-yn']")).hasCount(0);
		// the region narrows the pool to Yunnan
		page.locator("#region").selectOption("530000");
		page.locator("#pool-submit").click();
		assertThat(expert("expert-km")).isVisible();
		assertThat(page.locator(".pool .expert[data-expert='expert-shu']")).hasCount(0);
		page.locator("#region").selectOption("");
		page.locator("#pool-submit").click();

		String due = LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(10).toString();
		expert("expert-km").locator("input[name=experts]").check();
		expert("expert-shu").locator("input[name=experts]").check();
		page.locator("#review-due").fill(due);
		page.locator("#invite-submit").click();
		assertThat(page.locator("#panel-message")).isVisible();
		assertThat(invitation("expert-km")).containsText("待答复");
		assertThat(invitation("expert-shu")).containsText("待答复");
		assertThat(invitation("expert-km")).containsText(due + " 23:59");
		signOut();

		// 上海大学's expert, who holds a post at 同济, declines and declares the conflict
		signIn("expert-shu");
		page.locator("#nav-reviews").click();
		Locator invited = myReview(title);
		assertThat(invited).containsText("待答复");
		invited.locator(".decline-form input[name=reason]").fill("本人在同济大学兼职，申请回避。");
		invited.locator(".decline-form input[name=conflict]").check();
		invited.locator(".decline-form button").click();
		assertThat(page.locator("#reviews-message")).containsText("已谢绝邀请");
		assertThat(page.locator("#reviews-done")).containsText(title);
		assertThat(page.locator("#reviews-done")).containsText("声明回避");
		signOut();

		// 昆明理工's expert finds the review in my reviews with its due date, accepts and scores it from there
		signIn("expert-km");
		// the invitation reached the expert alone, in the application
		page.navigate(url("/notifications"));
		assertThat(page.locator("main")).containsText("邀请您评审榜单“" + title + "”");
		page.navigate(url("/"));
		// the workbench counts the invitation among the expert's to-dos and leads to My reviews
		assertThat(page.locator("#todos a[data-todo='invitations-to-answer'] .todo-count")).hasText("1");
		page.locator("#todos a[data-todo='invitations-to-answer']").click();
		Locator review = myReview(title);
		assertThat(review.locator(".due")).containsText("评审截止：" + due + " 23:59");
		review.locator(".accept-form input[name=noConflict]").check();
		review.locator(".accept-form button").click();
		assertThat(page.locator("#reviews-message")).containsText("已接受邀请");
		review = myReview(title);
		assertThat(review.locator(".progress")).hasText("已评 0 / 1 份申请");
		review.locator(".score-link").click();
		Locator application = page.locator("#review-queue .review").first();
		assertThat(application).containsText("申请人 A");
		assertThat(application).not().containsText("同济大学");
		application.locator("input[name=score-SOLUTION]").fill("90");
		application.locator("input[name=score-TEAM]").fill("80");
		application.locator("input[name=score-PLAN]").fill("85");
		application.locator("input[name=score-BUDGET]").fill("70");
		application.locator("button").click();
		assertThat(page.locator("#review-queue .review .status").first()).containsText("84.00");
		page.locator("#nav-reviews").click();
		assertThat(page.locator("#reviews-done")).containsText(title);
		assertThat(page.locator("#reviews-done")).containsText("已评 1 / 1 份申请");
		signOut();

		// the publisher was told of each answer, and sees how each expert answered and the declared conflict in the pool
		signIn("ws-admin");
		page.navigate(url("/notifications"));
		assertThat(page.locator("main")).containsText("因利益冲突谢绝了“" + title + "”的评审");
		page.navigate(url(challenge + "/panel"));
		assertThat(invitation("expert-km")).containsText("已接受");
		assertThat(invitation("expert-km")).containsText("已评 1 / 1 份申请");
		assertThat(invitation("expert-shu")).containsText("已谢绝");
		assertThat(invitation("expert-shu")).containsText("本人在同济大学兼职");
		page.locator("#q").fill("材料");
		page.locator("#pool-submit").click();
		assertThat(expert("expert-shu").locator(".conflict")).containsText(new String[] { "兼职或与其合作", "专家已声明回避" });
		page.navigate(url(challenge));
		assertThat(page.locator("#ranking")).containsText("同济大学");
		assertThat(page.locator("#panel-members")).containsText("昆明理工大学 冶金评审专家");
	}

	@Test
	void atPhoneWidthThePoolAndMyReviewsDoNotScrollSideways() {
		String challenge = closedChallengeWithTongjisApplication("三七皂苷提取评审 " + Markers.digits(6));
		phone();
		signIn("yn-admin");
		page.navigate(url(challenge + "/panel"));
		assertThat(expert("expert-yn")).isVisible();
		assertNoSidewaysScroll();
		signOut();
		signIn("expert-km");
		page.navigate(url("/reviews"));
		assertThat(page.locator("#expert-profile")).isVisible();
		assertNoSidewaysScroll();
	}

	@Test
	void onlyTheChallengesPublisherSeesThePoolAndOnlyExpertsHaveMyReviews() {
		String challenge = closedChallengeWithTongjisApplication("赤泥建材化评审 " + Markers.digits(6));
		expectErrorPages();
		signIn("cq-admin");
		var response = page.navigate(url(challenge + "/panel"));
		assertThat(response.status()).isEqualTo(403);
		page.navigate(url("/"));
		signOut();
		signIn("ent-ws");
		assertThat(page.locator("#nav-reviews")).hasCount(0);
		assertThat(page.navigate(url("/reviews")).status()).isEqualTo(403);
		assertThat(personas.api("ent-ws").get("/api/v1/reviews/mine").status()).isEqualTo(403);
		assertThat(personas.api("cq-admin").get("/api/v1" + challenge + "/experts").status()).isEqualTo(403);
		assertThat(personas.api("expert-km").post("/api/v1" + challenge + "/invitation/accept", Map.of("noConflict", true))
			.code()).isEqualTo("challenge.invitation-not-found");
	}

	/** A 文山 challenge open to 沪滇, with 同济大学's application in; its deadline has passed. */
	private String closedChallengeWithTongjisApplication(String title) {
		String deadline = OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)).plusHours(1).truncatedTo(ChronoUnit.SECONDS)
			.toString();
		var created = personas.api("ws-admin").post("/api/v1/challenges", Map.of("title", title, "problem",
				"文山铝土矿铝硅比低，拜耳法溶出率低、赤泥量大，征集赤泥减量与综合利用技术方案。", "targets",
				List.of(Map.of("indicator", "吨氧化铝赤泥产生量", "target", "≤ 1.0 吨")), "bounty", "1000000", "eligibleZones",
				List.of("hu-dian"), "deadline", deadline, "noticeDays", 7, "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		var applied = personas.api("expert-sh").post("/api/v1/challenges/" + id + "/applications", Map.of("team",
				"同济大学 冶金团队", "proposal", "选矿脱硅与强化溶出联合工艺，赤泥脱碱后制备路基材料。"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		clock.advance(Duration.ofHours(1).plusMinutes(1));
		return "/challenges/" + id;
	}

	private Locator expert(String username) {
		return page.locator(".pool .expert[data-expert='" + username + "']");
	}

	private Locator invitation(String username) {
		return page.locator("#invitations .invitation[data-expert='" + username + "']");
	}

	private Locator myReview(String title) {
		return page.locator("#reviews-pending .review-item").filter(new Locator.FilterOptions().setHasText(title));
	}
}
