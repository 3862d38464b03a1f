package cn.kejiao.cooperation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;

import cn.kejiao.platform.Paging;
import cn.kejiao.platform.web.Amounts;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * The 沪渝 framework agreement as its people use it: 重庆's admin opens it, reports progress on the resource-sharing
 * task its bureau owns (a percent that cannot be read is refused, with what was typed kept), and 上海's admin then
 * sees that report on the agreement's page next to the area's live figures, which equal those computed for the
 * parties over the agreement's term.
 */
@KejiaoIntegrationTest
class AgreementJourneyTests extends JourneyTest {

	static final String AGREEMENT = "沪渝科技创新合作框架协议";

	static final String TASK = "重庆市大型科研仪器接入沪渝共享服务平台";

	@Autowired
	Personas personas;

	@Autowired
	Agreements agreements;

	@Autowired
	AgreementFigures figures;

	@Autowired
	Amounts amounts;

	@Test
	void chongqingReportsProgressOnItsTaskAndShanghaiSeesItWithTheAreasLiveFigures() {
		String report = "第二批 " + Markers.digits(4) + " 台仪器完成接入，创新券互认规则已会签";

		signIn("cq-admin");
		page.locator("#nav-agreements").click();
		page.locator("#agreements a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(AGREEMENT)).click();
		assertThat(page.locator("h1")).hasText(AGREEMENT);
		assertThat(page.locator("#agreement-parties")).containsText("上海市科学技术委员会");
		assertThat(page.locator("#agreement-parties")).containsText("重庆市科学技术局");
		Locator task = page.locator("li.task-item[data-task='" + TASK + "']");
		assertThat(task).containsText("推进中");
		assertThat(page.locator(".task-overdue").first()).isVisible();
		task.getByText("报告进展").click();

		assertThat(page.locator("h1")).hasText("报告任务进展");
		assertThat(page.locator("#report-task")).containsText(TASK);
		page.locator("#r-text").fill(report);
		page.locator("#r-percent").fill("七成");
		page.locator("#report-submit").click();
		assertThat(page.locator("#report-error")).containsText("0 到 100");
		assertThat(page.locator("#r-text")).hasValue(report);
		page.locator("#r-percent").fill("75");
		phone();
		assertNoSidewaysScroll();
		page.setViewportSize(1280, 900);
		page.locator("#report-submit").click();
		assertThat(page.locator("#agreement-message")).containsText("进展已报告");
		assertThat(page.locator("li.task-item[data-task='" + TASK + "']")).containsText(report);
		assertThat(page.locator("li.task-item[data-task='" + TASK + "']")).containsText("进度 75%");
		signOut();

		signIn("sh-admin");
		page.locator("#nav-agreements").click();
		page.locator("#agreements a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(AGREEMENT)).click();
		Locator reported = page.locator("li.task-item[data-task='" + TASK + "']");
		assertThat(reported).containsText(report);
		assertThat(reported).containsText("重庆市科技局管理员");
		Locator area = page.locator("section.agreement-area[data-area='科技资源共享']");
		assertThat(area.locator("h2")).hasText("科技资源共享");
		assertThat(area).containsText("上海市 → 重庆市");

		AgreementView agreement = personas.as("sh-admin", () -> agreements.get(agreements.list(new Paging(0, 100))
			.getContent().stream().filter(a -> a.title().equals(AGREEMENT)).findFirst().orElseThrow().id()));
		AgreementView.Area sharing = agreement.areas().stream().filter(a -> a.name().equals("科技资源共享")).findFirst()
			.orElseThrow();
		LocalDate today = agreements.today();
		List<AgreementFigures.Figure> expected = figures.between(agreement.partyRegions(),
				EnumSet.copyOf(sharing.figures()), LocalDate.of(2021, 6, 3), today);
		assertThat(page.locator("#figure-period-shown")).containsText("2021-06-03");
		Locator lines = area.locator("tr.figure-line");
		org.assertj.core.api.Assertions.assertThat(lines.count()).isEqualTo(sharing.figures().size() * 2);
		for (FigureKind kind : sharing.figures()) {
			for (String[] pair : new String[][] { { "310000", "500000" }, { "500000", "310000" } }) {
				AgreementFigures.Figure figure = expected.stream()
					.filter(f -> f.kind() == kind && f.servedParty().equals(pair[0]) && f.servingParty().equals(pair[1]))
					.findFirst().orElse(null);
				Locator line = area.locator("tr.figure-line[data-kind='" + kind + "'][data-served='" + pair[0]
						+ "'][data-serving='" + pair[1] + "']");
				long count = figure == null ? 0 : figure.count();
				assertThat(line.locator(".figure-count")).hasText(String.format("%,d", count));
				assertThat(line.locator(".figure-value"))
					.hasText(amounts.yuan(figure == null || figure.value() == null ? cn.kejiao.platform.Money.ZERO : figure.value()));
			}
		}
		phone();
		assertNoSidewaysScroll();
	}
}
