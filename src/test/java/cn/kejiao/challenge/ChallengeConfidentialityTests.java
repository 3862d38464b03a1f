package cn.kejiao.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * What a challenge keeps from whom: a panellist does not learn who applied until the award is published (blind
 * review), and teams awarded the same challenge do not read each other's milestones, deliverables and payments.
 */
@KejiaoIntegrationTest
class ChallengeConfidentialityTests {

	static final Map<String, Integer> GOOD = Map.of("SOLUTION", 90, "TEAM", 80, "PLAN", 85, "BUDGET", 70);

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Autowired
	MutableClock clock;

	@Test
	void aPanellistKnowsTheApplicantsOnlyAsApplicantAAndBUntilTheAwardIsPublished() {
		Http publisher = personas.api("ws-admin");
		String id = open(publisher, "三七总皂苷高效提取纯化攻关" + Markers.unique(), 7);
		String tongji = apply("expert-sh", id, "同济大学 中药化工团队（王教授等 4 人）", "方案-同济.pdf");
		String academy = apply("provider-yn", id, "云南省科学技术院 天然产物团队", null);
		clock.advance(Duration.ofHours(1).plusMinutes(1));
		publisher.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("expert-cq")));

		Http expert = personas.api("expert-cq");
		var queue = expert.get("/api/v1/challenges/" + id + "/reviews");
		JsonNode items = queue.json();
		assertThat(items.findValuesAsString("label")).containsExactly("申请人 A", "申请人 B");
		for (JsonNode item : items) {
			assertThat(item.get("applicantName").isNull()).as(item.toString()).isTrue();
			assertThat(item.get("team").isNull()).isTrue();
			assertThat(item.get("attachmentName").isNull()).isTrue();
		}
		assertThat(items.get(0).get("hasAttachment").asBoolean()).isTrue();
		assertThat(queue.body()).doesNotContain("同济").doesNotContain("王教授").doesNotContain("云南省科学技术院")
			.doesNotContain("方案-同济");
		var scored = expert.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", tongji, "scores", GOOD));
		assertThat(scored.json().get("applicantName").isNull()).isTrue();
		assertThat(scored.body()).doesNotContain("同济");
		assertThat(expert.language("en").get("/api/v1/challenges/" + id + "/reviews").json().findValuesAsString("label"))
			.containsExactly("Applicant A", "Applicant B");

		String page = personas.browser("expert-cq").get("/challenges/" + id).body();
		assertThat(page).contains("id=\"review-queue\"").contains("申请人 A").contains("申请人 B")
			.doesNotContain("同济大学").doesNotContain("王教授").doesNotContain("方案-同济");

		// the publisher ranks by name all along; once the award is published, the panel sees the names too
		assertThat(publisher.get("/api/v1/challenges/" + id + "/ranking").json().findValuesAsString("applicantName"))
			.contains("同济大学", "云南省科学技术院");
		expert.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", academy, "scores", GOOD));
		publisher.post("/api/v1/challenges/" + id + "/award", Map.of("awards",
				List.of(Map.of("applicationId", tongji, "amount", "100000")), "decision", "同济大学团队揭榜。"));
		JsonNode after = expert.get("/api/v1/challenges/" + id + "/reviews").json();
		assertThat(after.findValuesAsString("applicantName")).containsExactly("同济大学", "云南省科学技术院");
		assertThat(after.get(0).get("attachmentName").asString()).isEqualTo("方案-同济.pdf");
	}

	@Test
	void teamsAwardedTheSameChallengeFollowOnlyTheirOwnMilestones() {
		Http publisher = personas.api("ws-admin");
		String id = open(publisher, "赤泥综合利用技术攻关" + Markers.unique(), 0);
		String tongji = apply("expert-sh", id, "同济大学 固废团队", null);
		String academy = apply("provider-yn", id, "云南省科学技术院 建材团队", null);
		String other = apply("ent-jd", id, "嘉定 材料团队", null);
		clock.advance(Duration.ofHours(1).plusMinutes(1));
		publisher.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("expert-cq")));
		for (String application : List.of(tongji, academy, other)) {
			personas.api("expert-cq").post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", application,
					"scores", GOOD));
		}
		assertThat(publisher.post("/api/v1/challenges/" + id + "/award", Map.of("awards", List.of(
				Map.of("applicationId", tongji, "amount", "300000"), Map.of("applicationId", academy, "amount", "200000"))))
			.json().get("state").asString()).isEqualTo("AWARDED");
		String due = LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusMonths(3).toString();
		String tongjiMilestone = publisher.post("/api/v1/challenges/" + id + "/milestones", Map.of("applicationId", tongji,
				"title", "赤泥脱碱中试（同济）", "dueOn", due, "payment", "100000")).json().get("id").asString();
		String academyMilestone = publisher.post("/api/v1/challenges/" + id + "/milestones", Map.of("applicationId", academy,
				"title", "赤泥建材试制（科学院）", "dueOn", due, "payment", "50000")).json().get("id").asString();
		personas.api("provider-yn").post("/api/v1/challenges/milestones/" + academyMilestone + "/deliver",
				Map.of("deliverable", "科学院试制报告 KY-001"));

		var own = personas.api("expert-sh").get("/api/v1/challenges/" + id + "/milestones");
		assertThat(own.json().findValuesAsString("id")).containsExactly(tongjiMilestone);
		assertThat(own.body()).doesNotContain("科学院");
		assertThat(personas.api("provider-yn").get("/api/v1/challenges/" + id + "/milestones").json().findValuesAsString("id"))
			.containsExactly(academyMilestone);
		assertThat(publisher.get("/api/v1/challenges/" + id + "/milestones").json().findValuesAsString("id"))
			.containsExactlyInAnyOrder(tongjiMilestone, academyMilestone);
		var notAwarded = personas.api("ent-jd").get("/api/v1/challenges/" + id + "/milestones");
		assertThat(notAwarded.status()).isEqualTo(403);
		var foreignDelivery = personas.api("expert-sh").post("/api/v1/challenges/milestones/" + academyMilestone + "/deliver",
				Map.of("deliverable", "冒名交付"));
		assertThat(foreignDelivery.status()).isEqualTo(403);
		assertThat(foreignDelivery.code()).isEqualTo("challenge.team-only");

		String page = personas.browser("expert-sh").get("/challenges/" + id).body();
		assertThat(page).contains("赤泥脱碱中试（同济）").doesNotContain("赤泥建材试制（科学院）").doesNotContain("KY-001");
	}

	@Test
	void aMilestoneDueInThePastIsRefused() {
		Http publisher = personas.api("ws-admin");
		String id = open(publisher, "铝电解槽节能技术攻关" + Markers.unique(), 0);
		String application = apply("provider-yn", id, "云南省科学技术院 节能团队", null);
		clock.advance(Duration.ofHours(1).plusMinutes(1));
		publisher.post("/api/v1/challenges/" + id + "/panel", Map.of("experts", List.of("expert-cq")));
		personas.api("expert-cq").post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", application,
				"scores", GOOD));
		publisher.post("/api/v1/challenges/" + id + "/award", Map.of("awards",
				List.of(Map.of("applicationId", application, "amount", "100000"))));
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		var past = publisher.post("/api/v1/challenges/" + id + "/milestones", Map.of("applicationId", application,
				"title", "已过期的里程碑", "dueOn", today.minusDays(1).toString(), "payment", "10000"));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.code()).isEqualTo("challenge.milestone-due-past");
		assertThat(past.json().get("detail").asString()).contains(today.minusDays(1).toString());
		assertThat(publisher.language("en").post("/api/v1/challenges/" + id + "/milestones", Map.of("applicationId",
				application, "title", "已过期的里程碑", "dueOn", today.minusDays(1).toString())).json().get("detail")
			.asString()).contains("has passed").contains(today.minusDays(1).toString());
		assertThat(publisher.post("/api/v1/challenges/" + id + "/milestones", Map.of("applicationId", application,
				"title", "今天到期的里程碑", "dueOn", today.toString(), "payment", "10000")).status()).isEqualTo(201);
	}

	@Test
	void labelsRunLikeSpreadsheetColumnsAndAnAttachmentKeepsOnlyItsExtension() {
		assertThat(BlindReview.letters(1)).isEqualTo("A");
		assertThat(BlindReview.letters(26)).isEqualTo("Z");
		assertThat(BlindReview.letters(27)).isEqualTo("AA");
		assertThat(BlindReview.attachmentName(3, "同济大学-方案.pdf")).isEqualTo("applicant-C.pdf");
		assertThat(BlindReview.attachmentName(2, "同济大学方案")).isEqualTo("applicant-B");
	}

	private String apply(String user, String challenge, String team, String attachmentName) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("team", team, "proposal",
				"以选矿脱硅与强化溶出联合工艺为主，辅以中试验证，分三个阶段实施。"));
		if (attachmentName != null) {
			body.put("attachmentName", attachmentName);
			body.put("attachmentBase64", java.util.Base64.getEncoder().encodeToString("方案".getBytes(
					java.nio.charset.StandardCharsets.UTF_8)));
		}
		var applied = personas.api(user).post("/api/v1/challenges/" + challenge + "/applications", body);
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		return applied.json().get("id").asString();
	}

	private String open(Http publisher, String title, int noticeDays) {
		String deadline = OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)).plusHours(1).truncatedTo(ChronoUnit.SECONDS)
			.toString();
		var created = publisher.post("/api/v1/challenges", Map.of("title", title, "problem",
				"征集可落地的技术方案，要求给出中试路线与经济性分析。", "targets", List.of(Map.of("indicator", "回收率", "target", "≥ 80%")),
				"bounty", "1000000", "deadline", deadline, "noticeDays", noticeDays, "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}
}
