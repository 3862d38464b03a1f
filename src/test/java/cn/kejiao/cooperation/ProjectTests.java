package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/**
 * Funded projects: created by the funding region's admin, read by those who manage, lead or partner in it (404 for
 * anyone else), a portfolio whose figures equal counts taken directly in SQL, milestones delivered by the lead and
 * accepted or sent back by the funding admin, outcomes and the landing of the achievement.
 */
@KejiaoIntegrationTest
class ProjectTests {

	@Autowired
	Personas personas;

	@Autowired
	Projects projects;

	@Autowired
	ProjectMilestones milestones;

	@Autowired
	ProjectOutcomes outcomes;

	@Autowired
	JdbcClient jdbc;

	ProjectFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new ProjectFixture(personas, projects, milestones);
	}

	@Test
	void aRegionAdminCreatesAJointlyFundedProjectThatItsPartiesReadAndOthersCannotFind() {
		ProjectView project = fixture.wenshan("铝土矿浮选脱硅药剂研究", "绿色铝");
		assertThat(project.stage()).isEqualTo(ProjectStage.APPROVED);
		assertThat(project.regionCode()).isEqualTo("532600");
		assertThat(project.funding()).isEqualTo(Money.ofYuan("2000000", "f"));
		assertThat(project.number()).startsWith("KJXM");
		assertThat(project.lead().name()).isEqualTo("文山绿色铝材氧化铝有限公司");

		for (String reader : List.of("ws-admin", "yn-admin", "admin", "ent-ws", "provider-yn")) {
			assertThat(personas.as(reader, () -> projects.get(project.id())).id()).as(reader).isEqualTo(project.id());
		}
		for (String stranger : List.of("sh-admin", "cq-admin", "jd-admin", "ent-jd", "expert-sh")) {
			assertThatThrownBy(() -> personas.as(stranger, () -> projects.get(project.id()))).as(stranger)
				.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("project.not-found"));
		}
		var api = personas.api("cq-admin").get("/api/v1/projects/" + project.id());
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.code()).isEqualTo("project.not-found");
		assertThat(personas.api("ent-ws").get("/api/v1/projects/" + project.id()).status()).isEqualTo(200);
	}

	@Test
	void onlyAnAdminGoverningTheFirstFunderCreatesAndTheFormsRefusalsNameWhatToCorrect() {
		var shanghai = personas.api("sh-admin").post("/api/v1/projects", Map.of("title", "x", "funders",
				List.of(Map.of("regionCode", "532600", "amount", "100")), "leadOrgId", fixture.org("ent-ws").toString(),
				"startsOn", "2026-01-01", "endsOn", "2026-12-31"));
		assertThat(shanghai.status()).isEqualTo(403);
		assertThat(shanghai.code()).isEqualTo("project.region-forbidden");
		var enterprise = personas.api("ent-ws").post("/api/v1/projects", Map.of());
		assertThat(enterprise.status()).isEqualTo(403);
		assertThat(enterprise.code()).isEqualTo("project.admin-only");
		var noFunder = personas.api("ws-admin").post("/api/v1/projects", Map.of("title", "x"));
		assertThat(noFunder.code()).isEqualTo("project.funder-required");
		var backwards = personas.api("ws-admin").post("/api/v1/projects", Map.of("title", "x", "funders",
				List.of(Map.of("regionCode", "532600", "amount", "100")), "leadOrgId", fixture.org("ent-ws").toString(),
				"startsOn", "2026-12-01", "endsOn", "2026-01-31"));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.code()).isEqualTo("project.period-order");
		var unknownAgreement = personas.api("ws-admin").post("/api/v1/projects", Map.of("title", "API 立项",
				"funders", List.of(Map.of("regionCode", "532628", "amount", "300000")), "leadOrgId",
				fixture.org("ent-ws").toString(), "startsOn", "2026-01-01", "endsOn", "2027-12-31",
				"agreementId", UUID.randomUUID().toString()));
		assertThat(unknownAgreement.code()).as("an agreement the admin does not read").isEqualTo("agreement.not-found");
		String consultation = personas.api("ws-admin").get("/api/v1/agreements?size=100").json().get("items")
			.valueStream().filter(a -> a.get("title").asString().startsWith("云南省科技厅 文山州")).findFirst()
			.orElseThrow().get("id").asString();
		var created = personas.api("ws-admin").post("/api/v1/projects", Map.of("title", "API 立项", "number", "API-" + UUID.randomUUID(),
				"funders", List.of(Map.of("regionCode", "532628", "amount", "300000")), "leadOrgId",
				fixture.org("ent-ws").toString(), "industryChain", "乡村振兴", "startsOn", "2026-01-01", "endsOn", "2027-12-31",
				"agreementId", consultation));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("agreementId").asString()).isEqualTo(consultation);
		assertThat(created.json().get("regionCode").asString()).isEqualTo("532628");
		assertThat(created.json().get("funding").asString()).isEqualTo("300000.00");
	}

	@Test
	void thePortfolioOfARegionEqualsCountsTakenDirectlyInSql() {
		fixture.wenshan("三七种苗脱毒快繁技术", "三七");
		ProjectView overdue = fixture.wenshan("八角精油提取技术", "乡村振兴");
		fixture.milestone(overdue.id(), "逾期节点", LocalDate.now().minusDays(3));

		ProjectPortfolio wenshan = personas.as("ws-admin", () -> projects.portfolio(ProjectQuery.ALL));
		String inWenshan = """
				from cooperation.project p where p.region_code like '5326%'
				   or exists (select 1 from cooperation.project_funder f where f.project_id = p.id and f.region_code like '5326%')""";
		assertThat(wenshan.projects()).isEqualTo(jdbc.sql("select count(*) " + inWenshan).query(Long.class).single());
		for (ProjectStage stage : ProjectStage.values()) {
			assertThat(wenshan.byStage().get(stage)).as(stage.name()).isEqualTo(
					count("select count(*) from (select p.id, p.stage " + inWenshan + ") x where x.stage = '" + stage + "'"));
		}
		assertThat(wenshan.funding().fen()).isEqualTo(count(
				"select coalesce(sum(amount_fen), 0) from cooperation.project_funder where project_id in (select p.id " + inWenshan + ")"));
		String today = LocalDate.now(cn.kejiao.platform.ChinaTime.ZONE).toString();
		assertThat(wenshan.overdueMilestones()).isPositive().isEqualTo(count("""
				select count(*) from cooperation.project_milestone m join cooperation.project q on q.id = m.project_id
				where m.state in ('PLANNED', 'REJECTED') and m.due_on < cast('%s' as date)
				  and q.stage in ('APPROVED', 'IN_PROGRESS') and q.id in (select p.id %s)""".formatted(today, inWenshan)));
		assertThat(wenshan.landings()).isEqualTo(count(
				"select count(*) from cooperation.project_landing where project_id in (select p.id " + inWenshan + ")"));
		long chainTotal = wenshan.chains().stream().mapToLong(ProjectPortfolio.Chain::projects).sum();
		assertThat(chainTotal).isEqualTo(wenshan.projects());

		ProjectPortfolio sanqi = personas.as("ws-admin", () -> projects.portfolio(new ProjectQuery(null, null, "三七", null, false)));
		assertThat(sanqi.items()).isNotEmpty().allMatch(p -> p.industryChain().equals("三七"));
		ProjectPortfolio late = personas.as("ws-admin", () -> projects.portfolio(new ProjectQuery(null, null, null, null, true)));
		assertThat(late.items()).extracting(ProjectSummary::id).contains(overdue.id());
		assertThat(late.items()).allMatch(p -> p.overdueMilestones() > 0);

		ProjectPortfolio yunnan = personas.as("yn-admin", () -> projects.portfolio(ProjectQuery.ALL));
		assertThat(yunnan.projects()).isGreaterThanOrEqualTo(wenshan.projects());
		ProjectPortfolio shanghai = personas.as("sh-admin", () -> projects.portfolio(ProjectQuery.ALL));
		assertThat(shanghai.items()).noneMatch(p -> p.id().equals(overdue.id()));
		assertThatThrownBy(() -> personas.as("ws-admin", () -> projects.portfolio(new ProjectQuery("530000", null, null, null, false))))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("auth.region-forbidden"));
		ProjectPortfolio mine = personas.as("ent-ws", () -> projects.portfolio(ProjectQuery.ALL));
		assertThat(mine.items()).extracting(ProjectSummary::id).contains(overdue.id());
		assertThat(personas.as("ent-jd", () -> projects.portfolio(ProjectQuery.ALL)).items())
			.noneMatch(p -> p.id().equals(overdue.id()));

		var api = personas.api("ws-admin").get("/api/v1/projects?chain=%E4%B8%89%E4%B8%83");
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.json().get("items").size()).isEqualTo(sanqi.items().size());
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void theLeadDeliversAMilestoneAndTheFundingAdminAcceptsOrSendsItBack() {
		ProjectView project = fixture.wenshan("氧化铝溶出强化技术", "绿色铝");
		ProjectView.MilestoneView m = fixture.milestone(project.id(), "中期检查", LocalDate.now().plusDays(30));
		assertThatThrownBy(() -> personas.as("ws-admin", () -> milestones.decide(project.id(), m.id(), true, "")))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("project.milestone-not-delivered"));
		assertThatThrownBy(() -> personas.as("provider-yn", () -> milestones.deliver(project.id(), m.id(), "x")))
			.as("a partner reads but does not deliver")
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("project.lead-only"));
		ProjectView.MilestoneView delivered = personas.as("ent-ws", () -> milestones.deliver(project.id(), m.id(), "中期报告"));
		assertThat(delivered.state()).isEqualTo(MilestoneState.DELIVERED);
		assertThatThrownBy(() -> personas.as("ent-ws", () -> milestones.decide(project.id(), m.id(), true, "")))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("project.manager-only"));
		assertThatThrownBy(() -> personas.as("ws-admin", () -> milestones.decide(project.id(), m.id(), false, " ")))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("project.remarks-required"));
		ProjectView.MilestoneView rejected = personas.as("ws-admin", () -> milestones.decide(project.id(), m.id(), false, "数据不全"));
		assertThat(rejected.state()).isEqualTo(MilestoneState.REJECTED);
		assertThat(rejected.remarks()).isEqualTo("数据不全");
		personas.as("ent-ws", () -> milestones.deliver(project.id(), m.id(), "补充了检测数据"));
		var accepted = personas.api("yn-admin").post("/api/v1/projects/" + project.id() + "/milestones/" + m.id() + "/accept",
				Map.of("remarks", "同意验收"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("decidedBy").asString()).isEqualTo(personas.actor("yn-admin").displayName());
		var again = personas.api("ws-admin").post("/api/v1/projects/" + project.id() + "/milestones/" + m.id() + "/accept", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(personas.api("sh-admin").post("/api/v1/projects/" + project.id() + "/milestones/" + m.id() + "/accept",
				Map.of()).status()).isEqualTo(404);
	}

	@Test
	void theStageMovesOnlyAlongItsRules() {
		ProjectView project = fixture.wenshan("三七皂苷检测标准研究", "三七");
		assertThatThrownBy(() -> personas.as("ws-admin", () -> projects.changeStage(project.id(), ProjectStage.ACCEPTED, "")))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("project.stage-not-allowed"));
		assertThat(personas.as("ent-ws", () -> projects.changeStage(project.id(), ProjectStage.IN_PROGRESS, "")).stage())
			.isEqualTo(ProjectStage.IN_PROGRESS);
		assertThatThrownBy(() -> personas.as("ent-ws", () -> projects.changeStage(project.id(), ProjectStage.ACCEPTED, "")))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("project.manager-only"));
		assertThat(personas.as("ws-admin", () -> projects.changeStage(project.id(), ProjectStage.ACCEPTED, "通过")).stage())
			.isEqualTo(ProjectStage.ACCEPTED);
	}

	@Test
	void outcomesAndTheLandingAreRecordedAndShownWithTheProject() {
		ProjectView project = fixture.wenshan("赤泥制备陶粒技术", "绿色铝");
		personas.as("ent-ws", () -> outcomes.add(project.id(), new ProjectOutcomes.NewOutcome(OutcomeKind.PATENT,
				"一种赤泥陶粒的制备方法", null, null, null, null)));
		var revenue = personas.api("ent-ws").post("/api/v1/projects/" + project.id() + "/outcomes",
				Map.of("kind", "REVENUE", "title", "陶粒销售收入", "amount", "1250000"));
		assertThat(revenue.status()).as(revenue.body()).isEqualTo(201);
		var jobs = personas.api("ent-ws").post("/api/v1/projects/" + project.id() + "/outcomes",
				Map.of("kind", "JOBS", "title", "新增就业", "quantity", 12));
		assertThat(jobs.status()).isEqualTo(201);
		var unknownEntry = personas.api("ent-ws").post("/api/v1/projects/" + project.id() + "/outcomes",
				Map.of("kind", "ACHIEVEMENT", "catalogEntryId", UUID.randomUUID().toString()));
		assertThat(unknownEntry.code()).isEqualTo("project.outcome-entry-unknown");
		var partner = personas.api("provider-yn").post("/api/v1/projects/" + project.id() + "/outcomes",
				Map.of("kind", "PATENT", "title", "x"));
		assertThat(partner.status()).isEqualTo(403);
		assertThat(partner.code()).isEqualTo("project.lead-or-manager-only");

		var byEnterprise = personas.api("ent-ws").post("/api/v1/projects/" + project.id() + "/landings",
				Map.of("enterpriseId", fixture.org("ent-ws").toString(), "mode", "LICENCE", "landedOn", "2026-10-01"));
		assertThat(byEnterprise.status()).isEqualTo(403);
		var incubated = personas.api("ws-admin").post("/api/v1/projects/" + project.id() + "/landings",
				Map.of("enterpriseId", fixture.org("ent-ws").toString(), "mode", "INCUBATED", "landedOn", "2026-10-01"));
		assertThat(incubated.code()).isEqualTo("project.incubator-required");
		var landed = personas.api("ws-admin").post("/api/v1/projects/" + project.id() + "/landings",
				Map.of("enterpriseId", fixture.org("ent-ws").toString(), "mode", "INCUBATED", "incubator", "文山市科技企业孵化器",
						"landedOn", "2026-10-01", "note", "孵化中试线"));
		assertThat(landed.status()).as(landed.body()).isEqualTo(201);
		assertThat(landed.json().get("regionCode").asString()).isEqualTo("532600");

		ProjectView seen = personas.as("provider-yn", () -> projects.get(project.id()));
		assertThat(seen.outcomes()).extracting(ProjectView.OutcomeView::kind)
			.containsExactly(OutcomeKind.PATENT, OutcomeKind.REVENUE, OutcomeKind.JOBS);
		assertThat(seen.outcomes().get(1).amount()).isEqualTo(Money.ofYuan("1250000", "a"));
		assertThat(seen.landings()).singleElement().satisfies(l -> {
			assertThat(l.enterprise()).isEqualTo("文山绿色铝材氧化铝有限公司");
			assertThat(l.mode()).isEqualTo(LandingMode.INCUBATED);
		});
		assertThat(personas.api("ent-ws").get("/api/v1/projects/" + project.id() + "/outcomes").json().size()).isEqualTo(3);
	}

	@Autowired
	ProjectAwards awards;

	@Autowired
	cn.kejiao.challenge.Challenges challenges;

	@Test
	void aChallengeAwardIsOfferedToItsRegionUntilAProjectArisesFromIt() {
		var challenge = challenges.list(null).stream().filter(c -> c.regionCode().startsWith("53")).findFirst().orElseThrow();
		UUID winner = fixture.org("provider-yn");
		jdbc.sql("""
				insert into cooperation.project_award (challenge_id, org_id, title, amount_fen, region_code, awarded_at)
				values (:c, :o, :t, 50000000, :r, now()) on conflict do nothing""")
			.param("c", challenge.id()).param("o", winner).param("t", challenge.title()).param("r", challenge.regionCode())
			.update();
		assertThat(awards.open(personas.actor("sh-admin"))).noneMatch(a -> a.challengeId().equals(challenge.id()));
		String governing = challenge.regionCode().startsWith("5326") ? "ws-admin" : "yn-admin";
		assertThat(awards.open(personas.actor(governing))).anyMatch(a -> a.challengeId().equals(challenge.id())
				&& a.organisationId().equals(winner));
		var form = personas.browser(governing).get("/projects/new?challenge=" + challenge.id() + "&org=" + winner);
		assertThat(form.body()).contains("project-from-award", challenge.title());
		ProjectView project = personas.as(governing, () -> projects.create(new Projects.NewProject(null, challenge.title(),
				List.of(new Projects.Funding(personas.actor(governing).regionCode(), Money.ofYuan("500000", "a"))), winner,
				List.of(), "绿色铝", "", LocalDate.now(), LocalDate.now().plusYears(2), null, challenge.id())));
		assertThat(project.challengeId()).isEqualTo(challenge.id());
		assertThat(awards.open(personas.actor(governing))).noneMatch(a -> a.challengeId().equals(challenge.id())
				&& a.organisationId().equals(winner));
	}

	@Test
	void thePagesShowThePortfolioAndTheProject() {
		ProjectView project = fixture.wenshan("页面测试项目", "三七");
		var admin = personas.browser("ws-admin");
		var portfolio = admin.get("/projects");
		assertThat(portfolio.status()).isEqualTo(200);
		assertThat(portfolio.body()).contains("figure-projects", "页面测试项目");
		var page = admin.get("/projects/" + project.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("文山绿色铝材氧化铝有限公司", "云南省科学技术院");
		assertThat(personas.browser("cq-admin").get("/projects/" + project.id()).status()).isEqualTo(404);
		assertThat(admin.get("/projects/new").status()).isEqualTo(200);
		assertThat(admin.get("/projects/" + project.id() + "/milestones/new").status()).isEqualTo(200);
		assertThat(admin.get("/projects/" + project.id() + "/outcomes/new").status()).isEqualTo(200);
		assertThat(admin.get("/projects/" + project.id() + "/landings/new").status()).isEqualTo(200);
		var refused = admin.submitForm("/projects/new", "/projects", Map.of("title", "保留输入的项目", "funderRegion", "532600",
				"funderAmount", "abc", "lead", ""));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("保留输入的项目", "project-error");
	}
}
