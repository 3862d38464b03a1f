package cn.kejiao.cooperation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * Funded projects and commissioners as their people use the pages: 文山州科技局 opens its portfolio (figures, stages,
 * chains), finds a project, opens it and accepts the milestone its lead delivered; a commissioner in 富宁县 logs a
 * visit on its commission's page. At phone width the pages do not scroll sideways.
 */
@KejiaoIntegrationTest
class ProjectJourneyTests extends JourneyTest {

	@Autowired
	Personas personas;

	@Autowired
	Projects projects;

	@Autowired
	ProjectMilestones milestones;

	ProjectFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new ProjectFixture(personas, projects, milestones);
	}

	@Test
	void theWenshanAdminOpensThePortfolioOpensAProjectAndAcceptsAMilestone() {
		String title = "铝土矿伴生镓回收技术 " + Markers.digits(6);
		ProjectView project = fixture.wenshan(title, "绿色铝");
		fixture.delivered(project.id(), "中期检查");

		signIn("ws-admin");
		page.locator("#nav-projects").first().click();
		assertThat(page.locator("h1")).containsText("文山");
		assertThat(page.locator("#figure-projects")).not().hasText("0");
		assertThat(page.locator("#project-chains")).containsText("绿色铝");
		phone();
		assertNoSidewaysScroll();
		page.setViewportSize(1280, 900);
		page.locator("#project-filter input[name=q]").fill(title);
		page.locator("#project-filter button[type=submit]").click();
		assertThat(page.locator("#projects li")).hasCount(1);
		page.locator("#projects a").first().click();

		assertThat(page.locator("h1")).hasText(title);
		assertThat(page.locator("#project-funders")).containsText("云南省");
		assertThat(page.locator("#project-lead")).containsText("文山绿色铝材氧化铝有限公司");
		var milestone = page.locator("li.milestone[data-milestone='中期检查']");
		assertThat(milestone.locator(".milestone-state")).hasText("待验收");
		phone();
		assertNoSidewaysScroll();
		page.setViewportSize(1280, 900);
		milestone.locator("input[name=remarks]").fill("资料齐全，同意验收");
		milestone.locator("button.accept").click();
		assertThat(page.locator("#project-message")).isVisible();
		assertThat(page.locator("li.milestone[data-milestone='中期检查'] .milestone-state")).hasText("验收通过");
		assertThat(page.locator("li.milestone[data-milestone='中期检查'] .milestone-decision")).containsText("资料齐全，同意验收");

		phone();
		for (String path : new String[] { "/projects/new", "/projects/" + project.id() + "/landings/new", "/commissions",
				"/commissions/new" }) {
			page.navigate(url(path));
			assertThat(page.locator("h1")).isVisible();
			assertNoSidewaysScroll();
		}
		assertThat(page.locator("#commission-form")).isVisible();
	}

	@Test
	void aCommissionerInFuningLogsAVisit() {
		String visit = "走访坡皓村三七烘干房 " + Markers.digits(6);
		signIn("expert-sh");
		page.locator("#nav-commissions").first().click();
		page.locator("#commissions a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("剥隘镇坡皓村")).first().click();
		assertThat(page.locator("h1")).containsText("剥隘镇坡皓村");
		phone();
		assertNoSidewaysScroll();
		page.locator("#g-kind").selectOption("VISIT");
		page.locator("#g-description").fill(visit);
		page.locator("#log-submit").click();
		assertThat(page.locator("#commission-message")).isVisible();
		assertThat(page.locator("#commission-log")).containsText(visit);
		assertThat(page.locator("#commission-log")).containsText("走访服务");
	}
}
