package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.challenge.MyApplications;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * Demands posted, matched and confirmed, and challenges published, applied for and awarded, as the read model
 * counts them, equal the demand and challenge tables; a changed verdict moves a confirmed match to the day of the
 * first useful verdict still standing, and a withdrawn application leaves the day it was handed in.
 */
@KejiaoIntegrationTest
class DemandChallengeFactsTests {

	private static final EnumSet<InsightKind> DEMANDS = EnumSet.of(InsightKind.DEMANDS_POSTED,
			InsightKind.DEMANDS_MATCHED, InsightKind.MATCHES_CONFIRMED);

	private static final EnumSet<InsightKind> CHALLENGES = EnumSet.of(InsightKind.CHALLENGES_PUBLISHED,
			InsightKind.CHALLENGE_APPLICATIONS, InsightKind.CHALLENGES_AWARDED);

	private static final String POSTED = """
			select count(*), 0 from demand.demand where region_code like :p and opened_at >= :from and opened_at < :to""";

	private static final String MATCHED = """
			select count(*), 0 from demand.demand where region_code like :p and matched_at >= :from and matched_at < :to""";

	/** Demand and achievement pairs by their first useful verdict still standing; the demand's side. */
	private static final String CONFIRMED = """
			select count(*), 0 from (
			  select d.region_code as served, e.region_code as serving, min(f.at) as first
			  from demand.feedback f join demand.demand d on d.id = f.demand_id join catalog.entry e on e.id = f.entry_id
			  where f.useful and f.entry_type = 'ACHIEVEMENT' group by f.demand_id, f.entry_id, d.region_code, e.region_code
			) m where %s like :p and first >= :from and first < :to""";

	private static final String PUBLISHED = """
			select count(*), coalesce(sum(bounty), 0) from challenge.challenge
			where region_code like :p and opened_at >= :from and opened_at < :to""";

	private static final String APPLIED = """
			select count(*), 0 from challenge.application a join challenge.challenge c on c.id = a.challenge_id
			where %s like :p and a.submitted_at >= :from and a.submitted_at < :to""";

	private static final String AWARDED = """
			select count(*), coalesce(sum(a.awarded_amount), 0) from challenge.application a
			join challenge.challenge c on c.id = a.challenge_id
			where a.awarded_amount is not null and %s like :p and c.decided_at >= :from and c.decided_at < :to""";

	private static final List<String> REGIONS = List.of("532600", "530000", "310000", "440000", InsightFigures.NATION);

	static final Map<String, Integer> GOOD = Map.of("SOLUTION", 90, "TEAM", 80, "PLAN", 85, "BUDGET", 70);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InsightFigures figures;

	@Autowired
	InsightReadModel model;

	@Autowired
	DemandSource demandSource;

	@Autowired
	ChallengeSource challengeSource;

	@Autowired
	MutableClock clock;

	@Autowired
	Personas personas;

	@Autowired
	MyApplications myApplications;

	@Test
	void demandsPostedMatchedAndConfirmedEqualTheDemandTables() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Http enterprise = Http.as(port, "ent-ws");
		var created = enterprise.post("/api/v1/demands", Map.of("title", "低品位铝土矿溶出与赤泥减量" + Markers.unique(),
				"description", "文山的铝土矿铝硅比低，需要提高氧化铝回收率、减少赤泥的技术，欢迎成果转让或合作开发。",
				"keywords", List.of("铝土矿", "氧化铝", "赤泥"), "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String demand = created.json().get("id").asString();
		String number = created.json().get("number").asString();
		Eventually.await(Duration.ofSeconds(30), () -> jdbc.sql(
				"select matched_at is not null from demand.demand where id = ?::uuid").param(demand).query(Boolean.class)
			.single());
		JsonNode achievement = null;
		for (JsonNode match : enterprise.get("/api/v1/demands/" + demand + "/matches?type=achievement&limit=5").json()) {
			achievement = match;
			break;
		}
		assertThat(achievement).as("an achievement is suggested").isNotNull();
		String entry = achievement.get("id").asString();
		String verdict = "/api/v1/demands/" + demand + "/matches/ACHIEVEMENT/" + entry + "/feedback";
		assertThat(enterprise.post(verdict, Map.of("useful", true)).status()).isEqualTo(204);
		model.refresh();
		FigureChecks checks = new FigureChecks(jdbc, figures, model);
		assertThat(checks.figure(InsightKind.MATCHES_CONFIRMED, "532600", today, today).served().count()).isPositive();

		// a day later the region's admin finds it useful too, and the enterprise changes its mind: the match now
		// counts from the admin's verdict
		clock.advance(Duration.ofDays(1));
		LocalDate tomorrow = today.plusDays(1);
		assertThat(Http.as(port, "ws-admin").post(verdict, Map.of("useful", true)).status()).isEqualTo(204);
		assertThat(Http.as(port, "ent-ws").post(verdict, Map.of("useful", false, "reason", "PRICE")).status())
			.isEqualTo(204);
		model.refresh();

		for (String region : REGIONS) {
			for (LocalDate[] period : List.of(new LocalDate[] { today.minusDays(30), tomorrow },
					new LocalDate[] { today, today }, new LocalDate[] { tomorrow, tomorrow })) {
				checks.assertFigure(InsightKind.DEMANDS_POSTED, region, period[0], period[1], POSTED, POSTED);
				checks.assertFigure(InsightKind.DEMANDS_MATCHED, region, period[0], period[1], MATCHED, MATCHED);
				checks.assertFigure(InsightKind.MATCHES_CONFIRMED, region, period[0], period[1],
						CONFIRMED.formatted("served"), CONFIRMED.formatted("serving"));
			}
		}
		checks.assertExact(today.minusDays(60), tomorrow, DEMANDS);

		assertThat(demandSource.rows(InsightKind.DEMANDS_POSTED, today, today, List.of("530000"), List.of(), 0, 100))
			.extracting(FlowItem::reference).contains(number);
		assertThat(demandSource.rows(InsightKind.DEMANDS_MATCHED, today, today, List.of(), List.of("532600"), 0, 100))
			.extracting(FlowItem::link).contains("/demands/" + demand);
		assertThat(demandSource.rows(InsightKind.MATCHES_CONFIRMED, today, today, List.of("530000"), List.of(), 0, 100))
			.extracting(FlowItem::reference).as("moved to the day after").doesNotContain(number);
		assertThat(demandSource.rows(InsightKind.MATCHES_CONFIRMED, tomorrow, tomorrow, List.of("530000"), List.of(), 0,
				100)).filteredOn(row -> row.reference().equals(number)).singleElement()
			.satisfies(row -> assertThat(row.servingName()).isEqualTo(achievementOwner(entry)));
		assertThat(demandSource.rows(InsightKind.DEMANDS_POSTED, today, today, List.of("440000"), List.of(), 0, 100))
			.isEmpty();
	}

	@Test
	void challengesPublishedAppliedForAndAwardedEqualTheChallengeTables() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Http publisher = personas.api("ws-admin");
		String deadline = OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)).plusHours(1).truncatedTo(ChronoUnit.SECONDS)
			.toString();
		var created = publisher.post("/api/v1/challenges", Map.of("title", "三七总皂苷绿色提取工艺攻关" + Markers.unique(),
				"problem", "现有提取工艺溶剂消耗大、得率低，征集提高总皂苷得率并降低溶剂用量的技术方案。", "targets",
				List.of(Map.of("indicator", "总皂苷得率", "target", "≥ 8%")), "bounty", "600000", "deadline", deadline,
				"noticeDays", 0, "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String number = created.json().get("number").asString();
		String winner = personas.api("provider-jd").post("/api/v1/challenges/" + id + "/applications", Map.of("team",
				"嘉定检测分析团队", "proposal", "以超声辅助提取结合大孔树脂纯化，降低乙醇用量。")).json().get("id").asString();
		String withdrawn = personas.api("provider-yn").post("/api/v1/challenges/" + id + "/applications", Map.of("team",
				"云南提取工艺团队", "proposal", "以亚临界水提取替代醇提，工艺放大验证。")).json().get("id").asString();
		personas.as("provider-yn", () -> myApplications.withdraw(UUID.fromString(withdrawn)));
		clock.advance(Duration.ofHours(1).plusMinutes(1));
		Http panelPublisher = personas.api("ws-admin");
		assertThat(panelPublisher.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("expert-cq")))
			.status()).isEqualTo(200);
		personas.api("expert-cq").post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", winner, "scores",
				GOOD));
		var awarded = panelPublisher.post("/api/v1/challenges/" + id + "/award", Map.of("awards",
				List.of(Map.of("applicationId", winner, "amount", "500000"))));
		assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);

		model.refresh();

		FigureChecks checks = new FigureChecks(jdbc, figures, model);
		for (String region : REGIONS) {
			for (LocalDate[] period : List.of(new LocalDate[] { today.minusDays(30), today },
					new LocalDate[] { today.minusDays(30), today.minusDays(1) }, new LocalDate[] { today, today })) {
				checks.assertFigure(InsightKind.CHALLENGES_PUBLISHED, region, period[0], period[1], PUBLISHED, PUBLISHED);
				checks.assertFigure(InsightKind.CHALLENGE_APPLICATIONS, region, period[0], period[1],
						APPLIED.formatted("c.region_code"), APPLIED.formatted("a.applicant_region"));
				checks.assertFigure(InsightKind.CHALLENGES_AWARDED, region, period[0], period[1],
						AWARDED.formatted("c.region_code"), AWARDED.formatted("a.applicant_region"));
			}
		}
		checks.assertExact(today.minusDays(60), today, CHALLENGES);

		assertThat(challengeSource.rows(InsightKind.CHALLENGES_PUBLISHED, today, today, List.of("532600"), List.of(), 0,
				100)).filteredOn(row -> row.reference().equals(number)).singleElement()
			.satisfies(row -> assertThat(row.value()).isEqualTo(new Money(60_000_000)));
		List<FlowItem> applications = challengeSource.rows(InsightKind.CHALLENGE_APPLICATIONS, today, today,
				List.of("530000"), List.of(), 0, 100);
		assertThat(applications).filteredOn(row -> row.link().equals("/challenges/" + id)).singleElement()
			.satisfies(row -> assertThat(row.servingRegion()).startsWith("31"));
		assertThat(challengeSource.rows(InsightKind.CHALLENGES_AWARDED, today, today, List.of(), List.of("310000"), 0,
				100)).filteredOn(row -> row.reference().equals(number)).singleElement()
			.satisfies(row -> assertThat(row.value()).isEqualTo(new Money(50_000_000)));
		assertThat(challengeSource.rows(InsightKind.CHALLENGES_AWARDED, today, today, List.of(), List.of("530000"), 0,
				100)).extracting(FlowItem::reference).doesNotContain(number);
	}

	private String achievementOwner(String entry) {
		return jdbc.sql("select owner_org_name from catalog.entry where id = ?::uuid").param(entry).query(String.class)
			.single();
	}
}
