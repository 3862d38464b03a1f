package cn.kejiao.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * A 揭榜挂帅 challenge from publication to payment: eligibility, a deadline extension the applicants are told
 * of, a panel whose member from an applicant's organisation never sees that application, blind scores, the
 * award published for a notice period, milestones once it is final.
 */
@KejiaoIntegrationTest
class ChallengeTests {

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Autowired
	MutableClock clock;

	static final Map<String, Integer> GOOD = Map.of("SOLUTION", 90, "TEAM", 80, "PLAN", 85, "BUDGET", 70);

	@Test
	void aChallengeRunsFromPublicationToAPublishedAward() {
		Http publisher = personas.api("ws-admin");
		String deadline = inAnHour();
		var created = publisher.post("/api/v1/challenges", Map.of("title", "低品位铝土矿高效溶出与赤泥减量技术攻关",
				"problem", "文山铝土矿铝硅比低，拜耳法溶出率低、赤泥量大。征集能将氧化铝回收率提高到 80% 以上的技术方案。",
				"targets", List.of(Map.of("indicator", "氧化铝回收率", "target", "≥ 80%"), Map.of("indicator", "吨氧化铝碱耗", "target", "下降 20%")),
				"bounty", "1000000", "eligibleZones", List.of("hu-dian"), "deadline", deadline, "noticeDays", 7, "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("state").asString()).isEqualTo("OPEN");
		assertThat(Http.api(port).get("/api/v1/challenges/" + id).json().get("bounty").asString()).isEqualTo("1000000.00");

		// 同济 (Shanghai, in 沪滇) and 云南省科学技术院 apply; a 重庆 agency is not eligible
		Http tongji = personas.api("expert-sh");
		var tongjiApplication = tongji.post("/api/v1/challenges/" + id + "/applications", Map.of("team", "同济大学 冶金团队（5 人）",
				"proposal", "采用选矿脱硅与强化溶出联合工艺，辅以赤泥脱碱，中试验证回收率。", "attachmentName", "方案.txt",
				"attachmentBase64", java.util.Base64.getEncoder().encodeToString("技术方案".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		assertThat(tongjiApplication.status()).as(tongjiApplication.body()).isEqualTo(201);
		String tongjiId = tongjiApplication.json().get("id").asString();
		String academyId = personas.api("provider-yn").post("/api/v1/challenges/" + id + "/applications", Map.of("team",
				"云南省科学技术院 资源利用团队", "proposal", "以本地矿为对象，开展焙烧预处理和高压溶出试验，配套赤泥建材化。")).json()
			.get("id").asString();
		var ineligible = personas.api("expert-cq").post("/api/v1/challenges/" + id + "/applications", Map.of("team", "重庆团队",
				"proposal", "材料检测与工艺评价支撑方案，提供全流程分析检测。"));
		assertThat(ineligible.status()).isEqualTo(403);
		assertThat(ineligible.code()).isEqualTo("challenge.not-eligible");
		assertThat(tongji.post("/api/v1/challenges/" + id + "/applications", Map.of("team", "同济大学 另一团队",
				"proposal", "另一份技术方案，同一单位不能重复揭榜。")).code()).isEqualTo("challenge.already-applied");

		// the deadline is extended: audited and announced to the applicants
		String later = OffsetDateTime.parse(deadline).plusMinutes(30).toString();
		var extended = publisher.post("/api/v1/challenges/" + id + "/deadline", Map.of("deadline", later, "reason", "应揭榜单位要求补充中试数据"));
		assertThat(extended.status()).as(extended.body()).isEqualTo(200);
		JsonNode mine = tongji.get("/api/v1/challenges/applications/mine").json();
		assertThat(mine.toString()).contains("延长至").contains("补充中试数据");
		Eventually.await(Duration.ofSeconds(10), () -> assertThat(tongji.get("/api/v1/notifications").json().findValuesAsString("title"))
			.contains("榜单“低品位铝土矿高效溶出与赤泥减量技术攻关”延长了揭榜截止时间"));
		assertThat(personas.api("admin").get("/api/v1/audit?action=challenge.deadline-extended").json().get("total").asLong())
			.isGreaterThanOrEqualTo(1);
		var early = publisher.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("expert-tj", "expert-cq")));
		assertThat(early.code()).isEqualTo("challenge.deadline-not-reached");

		clock.advance(Duration.ofHours(2));
		assertThat(personas.api("ent-jd").post("/api/v1/challenges/" + id + "/applications", Map.of("team", "嘉定团队",
				"proposal", "截止之后提交的方案不被接受。")).code()).isEqualTo("challenge.closed-for-applications");
		assertThat(publisher.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("ent-jd"))).code())
			.isEqualTo("challenge.not-an-expert");
		var panel = publisher.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("expert-tj", "expert-cq")));
		assertThat(panel.json().get("state").asString()).isEqualTo("REVIEW");

		// conflict of interest: 同济's panellist never sees 同济's application
		Http tj = personas.api("expert-tj");
		assertThat(tj.get("/api/v1/challenges/" + id + "/reviews").json().findValuesAsString("applicationId")).containsExactly(academyId);
		var conflicted = tj.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", tongjiId, "scores", GOOD));
		assertThat(conflicted.status()).isEqualTo(403);
		assertThat(conflicted.code()).isEqualTo("challenge.conflict-of-interest");
		assertThat(personas.api("expert-sh").get("/api/v1/challenges/" + id + "/reviews").status()).isEqualTo(403);

		// blind: each panellist sees its own scores only
		Http cq = personas.api("expert-cq");
		assertThat(tj.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", academyId, "scores",
				Map.of("SOLUTION", 60, "TEAM", 70, "PLAN", 60, "BUDGET", 80))).json().get("myTotal").decimalValue())
			.isEqualByComparingTo("65.00");
		JsonNode cqQueue = cq.get("/api/v1/challenges/" + id + "/reviews").json();
		assertThat(cqQueue.findValuesAsString("applicationId")).containsExactlyInAnyOrder(tongjiId, academyId);
		cqQueue.forEach(item -> assertThat(item.get("myScores").isNull()).isTrue());
		var incomplete = cq.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", tongjiId, "scores", Map.of("SOLUTION", 90)));
		assertThat(incomplete.code()).isEqualTo("challenge.scores-incomplete");
		// a fraction is refused in words, never cut to a whole number
		var fraction = cq.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", tongjiId, "scores",
				Map.of("SOLUTION", 99.9, "TEAM", 80, "PLAN", 85, "BUDGET", 70)));
		assertThat(fraction.status()).isEqualTo(400);
		assertThat(fraction.code()).isEqualTo("challenge.score-whole");
		assertThat(fraction.json().get("detail").asString()).contains("SOLUTION", "99.9");
		cq.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", tongjiId, "scores", GOOD, "comment", "方案完整"));
		cq.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", academyId, "scores",
				Map.of("SOLUTION", 70, "TEAM", 70, "PLAN", 70, "BUDGET", 70)));

		JsonNode ranking = publisher.get("/api/v1/challenges/" + id + "/ranking").json();
		assertThat(ranking.get(0).get("applicationId").asString()).isEqualTo(tongjiId);
		assertThat(ranking.get(0).get("meanTotal").decimalValue()).isEqualByComparingTo("84.00");
		assertThat(ranking.get(0).get("excludedPanellists").asInt()).isEqualTo(1);
		assertThat(ranking.get(1).get("reviews").asInt()).isEqualTo(2);
		assertThat(tongji.get("/api/v1/challenges/" + id + "/ranking").status()).isEqualTo(403);

		// the award: within the bounty, published for the notice period; milestones wait until it is final
		var tooMuch = publisher.post("/api/v1/challenges/" + id + "/award", Map.of("awards",
				List.of(Map.of("applicationId", tongjiId, "amount", "900000"), Map.of("applicationId", academyId, "amount", "200000"))));
		assertThat(tooMuch.code()).isEqualTo("challenge.award-above-bounty");
		var awarded = publisher.post("/api/v1/challenges/" + id + "/award", Map.of("awards",
				List.of(Map.of("applicationId", tongjiId, "amount", "800000")), "decision", "经专家评审，同济大学团队揭榜。"));
		assertThat(awarded.json().get("state").asString()).isEqualTo("NOTICE");
		JsonNode results = Http.api(port).get("/api/v1/challenges/" + id + "/results").json();
		assertThat(results.findValuesAsString("applicantName")).containsExactly("同济大学");
		assertThat(results.get(0).get("awardedAmount").asString()).isEqualTo("800000.00");
		// each applicant is told, the awarded one with its amount, in the reader's language
		Eventually.await(Duration.ofSeconds(10), () -> assertThat(tongji.get("/api/v1/notifications").json().findValuesAsString("body"))
			.anyMatch(body -> body.contains("奖励金额 ¥800000.00")));
		Eventually.await(Duration.ofSeconds(10), () -> assertThat(personas.api("provider-yn").language("en").get("/api/v1/notifications").json()
			.findValuesAsString("title")).contains("The result of the challenge \"低品位铝土矿高效溶出与赤泥减量技术攻关\" is published"));
		assertThat(publisher.post("/api/v1/challenges/" + id + "/milestones", Map.of("applicationId", tongjiId, "title",
				"中试方案评审", "dueOn", "2027-03-31", "payment", "300000")).code()).isEqualTo("challenge.not-final");
	}

	@Test
	void afterTheNoticePeriodMilestonesRecordDeliveryAcceptanceAndPayment() {
		Http publisher = personas.api("jd-admin");
		String deadline = inAnHour();
		String id = openWithoutNotice(publisher, "车规级 MEMS 压力传感器封装可靠性攻关",
				"电池包压力传感器在 −40~125 ℃ 循环下封装失效，征集提高可靠性的封装方案。", Map.of("indicator", "温度循环", "target",
						"1000 次无失效"), "500000", deadline);
		Http team = personas.api("provider-jd");
		String application = team.post("/api/v1/challenges/" + id + "/applications", Map.of("team", "嘉定检测可靠性团队",
				"proposal", "以 AEC-Q100 为依据设计加速寿命试验，并改进灌封材料。")).json().get("id").asString();
		clock.advance(Duration.ofHours(1).plusMinutes(1));
		publisher.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("expert-cq")));
		personas.api("expert-cq").post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", application, "scores", GOOD));
		var awarded = publisher.post("/api/v1/challenges/" + id + "/award", Map.of("awards",
				List.of(Map.of("applicationId", application, "amount", "500000"))));
		assertThat(awarded.json().get("state").asString()).isEqualTo("AWARDED");

		var milestone = publisher.post("/api/v1/challenges/" + id + "/milestones", Map.of("applicationId", application, "title",
				"加速寿命试验报告", "dueOn", "2027-06-30", "payment", "200000"));
		assertThat(milestone.status()).as(milestone.body()).isEqualTo(201);
		String milestoneId = milestone.json().get("id").asString();
		assertThat(publisher.post("/api/v1/challenges/" + id + "/milestones", Map.of("applicationId", application, "title",
				"超出立项金额的里程碑", "dueOn", "2027-09-30", "payment", "400000")).code()).isEqualTo("challenge.payments-above-award");
		assertThat(personas.api("ent-jd").post("/api/v1/challenges/milestones/" + milestoneId + "/deliver",
				Map.of("deliverable", "不是立项单位")).status()).isEqualTo(403);
		assertThat(team.post("/api/v1/challenges/milestones/" + milestoneId + "/deliver", Map.of("deliverable",
				"试验报告 JD-REL-001，1000 次温度循环无失效")).json().get("state").asString()).isEqualTo("DELIVERED");
		JsonNode accepted = publisher.post("/api/v1/challenges/milestones/" + milestoneId + "/accept",
				Map.of("paymentReference", "财政拨付 2027-0415")).json();
		assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.get("paidAt").isNull()).isFalse();
		assertThat(team.get("/api/v1/challenges/" + id + "/milestones").json().findValuesAsString("paymentReference"))
			.containsExactly("财政拨付 2027-0415");
	}

	@Test
	void onThePagesATeamAppliesWithAnAttachmentAndMilestonesRunToAcceptance() {
		Http publisherApi = personas.api("jd-admin");
		String deadline = inAnHour();
		String id = openWithoutNotice(publisherApi, "高导热绝缘灌封胶国产化攻关",
				"功率模块灌封胶依赖进口，导热系数与耐压需同时达标，征集国产化配方与工艺。", Map.of("indicator", "导热系数", "target",
						"≥ 1.5 W/(m·K)"), "300000", deadline);
		String page = "/challenges/" + id;

		Http team = personas.browser("provider-jd");
		byte[] proposal = "灌封胶配方与固化工艺方案（含导热填料级配试验数据）".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		var applied = team.upload(page + "/apply", Map.of("_csrf", team.csrf(page), "team", "嘉定检测材料团队",
				"proposal", "以氮化硼与氧化铝复配填料提高导热，真空灌封控制气孔。"), "attachment", "灌封方案.pdf", proposal);
		assertThat(applied.status()).as(applied.body()).isEqualTo(302);
		String teamPage = team.get(page).body();
		assertThat(teamPage).contains("id=\"applied\"").contains("灌封方案.pdf");
		String application = personas.api("provider-jd").get("/api/v1/challenges/applications/mine").json().findValuesAsString("id")
			.stream().filter(a -> teamPage.contains("/challenges/applications/" + a + "/attachment")).findFirst().orElseThrow();
		String download = "/challenges/applications/" + application + "/attachment";
		assertThat(team.download(download)).isEqualTo(proposal);
		Http outsider = personas.browser("ent-jd");
		assertThat(outsider.get(download).status()).isEqualTo(404);

		clock.advance(Duration.ofHours(1).plusMinutes(1));
		publisherApi.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("expert-cq")));
		Http expert = personas.browser("expert-cq");
		assertThat(expert.download(download)).as("a panellist reads the attachment").isEqualTo(proposal);
		personas.api("expert-cq").post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", application, "scores", GOOD));
		publisherApi.post("/api/v1/challenges/" + id + "/award", Map.of("awards",
				List.of(Map.of("applicationId", application, "amount", "300000"))));

		Http publisher = personas.browser("jd-admin");
		assertThat(publisher.get(page).body()).contains("id=\"milestones\"").contains("尚未安排里程碑");
		assertThat(publisher.submitForm(page, page + "/milestones", Map.of("applicationId", application, "title", "中试配方验证",
				"dueOn", "2027-05-31", "payment", "120000")).status()).isEqualTo(302);
		String milestone = personas.api("provider-jd").get("/api/v1/challenges/" + id + "/milestones").json()
			.findValuesAsString("id").getFirst();
		assertThat(team.get(page).body()).contains("中试配方验证").contains("计划中");
		assertThat(team.submitForm(page, page + "/milestones/" + milestone + "/deliver", Map.of("deliverable",
				"中试 3 批次导热系数 1.62 W/(m·K)，击穿电压合格")).status()).isEqualTo(302);
		assertThat(publisher.submitForm(page, page + "/milestones/" + milestone + "/accept", Map.of("paymentReference",
				"嘉定科委拨付 2027-0602")).status()).isEqualTo(302);
		assertThat(team.get(page).body()).contains("已验收").contains("嘉定科委拨付 2027-0602");
	}

	@Test
	void onThePagesAChallengeIsCreatedAndOpenedTogetherOrNotAtAll() {
		Http publisher = personas.browser("jd-admin");
		String title = "车用功率模块散热基板国产化 " + Markers.unique();
		Map<String, String> form = Map.of("title", title, "problem", "功率模块散热基板依赖进口，征集国产氮化硅基板的制备工艺。",
				"targets", "热导率：≥ 90 W/(m·K)", "bounty", "600000", "deadline", "2020-01-01T10:00:00", "noticeDays", "7");
		var refused = publisher.submitForm("/challenges/new", "/challenges/new", form);
		assertThat(refused.status()).as("the form comes back with what was typed").isEqualTo(200);
		assertThat(refused.body()).contains("截止时间已经过去").contains(title);
		assertThat(personas.api("jd-admin").get("/api/v1/challenges").body()).as("no draft is left behind").doesNotContain(title);

		var published = publisher.submitForm("/challenges/new", "/challenges/new", new java.util.HashMap<>(Map.of("title", title,
				"problem", form.get("problem"), "targets", form.get("targets"), "bounty", "600000", "deadline",
				java.time.LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).plusDays(30).withNano(0).toString())));
		assertThat(published.status()).isEqualTo(302);
		String id = published.location().substring(published.location().lastIndexOf('/') + 1);
		var created = Http.api(port).get("/api/v1/challenges/" + id).json();
		assertThat(created.get("state").asString()).isEqualTo("OPEN");
		assertThat(created.get("noticeDays").asInt()).isEqualTo(7);
	}

	@Test
	void aFormThatDoesNotBindGoesBackToItsPageNamingTheField() {
		String id = Http.api(port).get("/api/v1/challenges").json().get(0).get("id").asString();
		String page = "/challenges/" + id;
		Http publisher = personas.browser("jd-admin");
		var refused = publisher.submitForm(page, page + "/award", Map.of("applicationId", "not-an-id", "amount", "1000"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(publisher.get(page).body()).contains("id=\"challenge-error\"").contains("applicationId");
	}

	@Test
	void anAmountThatIsNotAYuanStringIsRefusedNamingItsField() {
		Http publisher = personas.api("jd-admin");
		var bounty = publisher.post("/api/v1/challenges", Map.of("title", "金额格式校验用榜单", "problem", "金额必须以元为单位的字符串给出。",
				"targets", List.of(Map.of("indicator", "金额", "target", "字符串")), "bounty", 1000000, "deadline", "2099-01-01"));
		assertThat(bounty.status()).isEqualTo(400);
		assertThat(bounty.code()).isEqualTo("money.format");
		assertThat(bounty.body()).contains("bounty");
		var zero = publisher.post("/api/v1/challenges", Map.of("title", "金额格式校验用榜单", "problem", "金额必须以元为单位的字符串给出。",
				"targets", List.of(Map.of("indicator", "金额", "target", "字符串")), "bounty", "0", "deadline", "2099-01-01"));
		assertThat(zero.code()).isEqualTo("money.not-positive");
	}

	/** Publishes an open challenge with one target and no notice period: its award is final at once. */
	private static String openWithoutNotice(Http publisher, String title, String problem, Map<String, String> target,
			String bounty, String deadline) {
		return publisher.post("/api/v1/challenges", Map.of("title", title, "problem", problem, "targets", List.of(target),
				"bounty", bounty, "deadline", deadline, "noticeDays", 0, "open", true)).json().get("id").asString();
	}

	/** A deadline an hour ahead on the test clock, which the test then advances past it. */
	private String inAnHour() {
		return OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)).plusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
	}
}
