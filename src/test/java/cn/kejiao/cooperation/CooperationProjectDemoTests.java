package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/** The demo: 文山's thirty-odd funded projects at every stage, the bauxite project landed, two commissioners in 富宁. */
@KejiaoIntegrationTest
class CooperationProjectDemoTests {

	@Autowired
	Personas personas;

	@Autowired
	Projects projects;

	@Autowired
	Commissions commissions;

	@Autowired
	Agreements agreements;

	@Test
	void wenshanHasAboutThirtyProjectsAtEveryStageWithOverdueMilestonesAndALanding() {
		ProjectPortfolio wenshan = personas.as("ws-admin", () -> projects.portfolio(
				new ProjectQuery(null, null, null, "WSKJ", false)));
		assertThat(wenshan.projects()).isEqualTo(30);
		for (ProjectStage stage : ProjectStage.values()) {
			assertThat(wenshan.byStage().get(stage)).as(stage.name()).isPositive();
		}
		assertThat(wenshan.chains()).extracting(ProjectPortfolio.Chain::name).contains("绿色铝", "三七", "乡村振兴");
		assertThat(wenshan.overdueMilestones()).isPositive();
		assertThat(wenshan.landings()).isPositive();
		ProjectSummary bauxite = wenshan.items().stream().filter(p -> p.title().equals("低品位铝土矿生产氧化铝技术"))
			.findFirst().orElseThrow();
		ProjectView landed = personas.as("ws-admin", () -> projects.get(bauxite.id()));
		assertThat(landed.stage()).isEqualTo(ProjectStage.ACCEPTED);
		assertThat(landed.funders()).extracting(ProjectView.Funder::regionCode).containsExactlyInAnyOrder("532600", "530000");
		assertThat(landed.landings()).singleElement().satisfies(l -> {
			assertThat(l.enterprise()).isEqualTo("文山绿色铝材氧化铝有限公司");
			assertThat(l.mode()).isEqualTo(LandingMode.LICENCE);
		});
		assertThat(landed.milestones()).allMatch(m -> m.state() == MilestoneState.ACCEPTED);
		assertThat(landed.landings().getFirst().recordedAt()).as("replayed at the time it happened")
			.isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(300)));
	}

	@Test
	void theProjectsTheProvinceFundsWithWenshanAreCarriedOutUnderTheirConsultation() {
		AgreementSummary consultation = personas.as("ws-admin", () -> agreements.list(cn.kejiao.platform.Paging.of(0, 100, 100)))
			.getContent().stream().filter(a -> a.title().startsWith("云南省科技厅 文山州")).findFirst().orElseThrow();
		java.util.List<ProjectSummary> under = personas.as("yn-admin", () -> projects.ofAgreement(consultation.id()));
		assertThat(under).extracting(ProjectSummary::title).contains("低品位铝土矿生产氧化铝技术");
		for (ProjectSummary summary : under) {
			assertThat(personas.as("yn-admin", () -> projects.get(summary.id())).funders())
				.extracting(ProjectView.Funder::regionCode).contains("532600", "530000");
		}
		assertThat(personas.browser("yn-admin").get("/agreements/" + consultation.id()).body()).contains("低品位铝土矿生产氧化铝技术",
				"/projects/new?agreement=" + consultation.id());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> personas.as("cq-admin",
				() -> projects.ofAgreement(consultation.id())))
			.isInstanceOfSatisfying(cn.kejiao.platform.KejiaoException.class,
					e -> assertThat(e.code()).isEqualTo("agreement.not-found"));
	}

	@Test
	void twoCommissionersServeFuningWithLogsAndARating() {
		CommissionMap map = personas.as("ws-admin", () -> commissions.map("532628"));
		assertThat(map.places()).singleElement().satisfies(p -> {
			assertThat(p.commissioners()).extracting(CommissionMap.Commissioner::expertName)
				.contains(personas.actor("expert-sh").displayName(), personas.actor("expert-tj").displayName());
			assertThat(p.logs()).isGreaterThanOrEqualTo(6);
			assertThat(p.peopleTrained()).isGreaterThanOrEqualTo(46);
		});
		assertThat(personas.as("expert-sh", () -> commissions.list(null))).anySatisfy(c -> {
			assertThat(c.servedName()).isEqualTo("剥隘镇坡皓村");
			assertThat(c.rating()).isNotNull();
		});
	}
}
