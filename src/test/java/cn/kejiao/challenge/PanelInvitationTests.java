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

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * A panel formed by invitation: invitations only after the deadline and with a due date, answers once, only
 * accepted experts score, and an expert never scores an application of an organisation it is affiliated with.
 */
@KejiaoIntegrationTest
class PanelInvitationTests {

	@Autowired
	Personas personas;

	@Autowired
	MutableClock clock;

	@Test
	void onlyAcceptedExpertsScoreAndConflictsKeepApplicationsFromThem() {
		Http publisher = personas.api("ws-admin");
		String deadline = OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)).plusHours(1).truncatedTo(ChronoUnit.SECONDS)
			.toString();
		String id = publisher.post("/api/v1/challenges", Map.of("title", "赤泥综合利用技术攻关 " + Markers.digits(6), "problem",
				"赤泥堆存量大、碱性强，征集赤泥脱碱与建材化利用成套技术。", "targets",
				List.of(Map.of("indicator", "赤泥利用率", "target", "≥ 60%")), "bounty", "800000", "eligibleZones",
				List.of("hu-dian"), "deadline", deadline, "open", true)).json().get("id").asString();
		String tongji = personas.api("expert-sh").post("/api/v1/challenges/" + id + "/applications", Map.of("team", "同济大学 团队",
				"proposal", "赤泥脱碱后制备路基材料与免烧砖，配套中试。")).json().get("id").asString();
		String academy = personas.api("provider-yn").post("/api/v1/challenges/" + id + "/applications", Map.of("team",
				"云南省科学技术院 团队", "proposal", "赤泥选铁与建材化协同利用，在文山建示范线。")).json().get("id").asString();
		String due = LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(7).toString();
		List<String> experts = List.of("expert-km", "expert-shu", "expert-tj", "expert-yn");

		var early = publisher.post("/api/v1/challenges/" + id + "/invitations", Map.of("experts", experts, "reviewDue", due));
		assertThat(early.code()).isEqualTo("challenge.deadline-not-reached");
		clock.advance(Duration.ofHours(1).plusMinutes(1));

		// the pool, for the publisher only, shows the conflicts with the applicants before anyone is invited
		JsonNode pool = publisher.get("/api/v1/challenges/" + id + "/experts?q=" + enc("冶金")).json();
		assertThat(conflicts(pool, "expert-tj")).containsExactly("SAME_ORGANISATION");
		assertThat(conflicts(pool, "expert-shu")).containsExactly("RELATED_ORGANISATION");
		assertThat(conflicts(pool, "expert-km")).isEmpty();
		assertThat(pool.findValuesAsString("username")).doesNotContain("expert-yn", "expert-cqu");
		assertThat(publisher.get("/api/v1/challenges/" + id + "/experts?region=500000").json().findValuesAsString("username"))
			.contains("expert-cq", "expert-cqu").doesNotContain("expert-km", "expert-tj");
		assertThat(personas.api("cq-admin").get("/api/v1/challenges/" + id + "/experts").code())
			.isEqualTo("challenge.publisher-only");
		assertThat(personas.api("expert-km").get("/api/v1/challenges/" + id + "/experts").code())
			.isEqualTo("challenge.publisher-only");

		assertThat(publisher.post("/api/v1/challenges/" + id + "/invitations", Map.of("experts", experts)).code())
			.isEqualTo("challenge.review-due-required");
		assertThat(publisher.post("/api/v1/challenges/" + id + "/invitations", Map.of("experts", experts, "reviewDue",
				LocalDate.now(clock.withZone(ChinaTime.ZONE)).minusDays(1).toString())).code()).isEqualTo("challenge.review-due-past");
		var invited = publisher.post("/api/v1/challenges/" + id + "/invitations", Map.of("experts", experts, "reviewDue", due));
		assertThat(invited.status()).as(invited.body()).isEqualTo(200);
		assertThat(invited.json().findValuesAsString("state")).containsOnly("INVITED").hasSize(4);
		assertThat(publisher.get("/api/v1/challenges/" + id).json().get("state").asString()).isEqualTo("REVIEW");

		// an invited expert scores nothing until it accepts, and accepts only promising it has no conflict
		Http kunming = personas.api("expert-km");
		assertThat(kunming.get("/api/v1/challenges/" + id + "/reviews").code()).isEqualTo("challenge.panellists-only");
		JsonNode mine = review(kunming.get("/api/v1/reviews/mine").json(), id);
		assertThat(mine.get("invitation").asString()).isEqualTo("INVITED");
		assertThat(mine.get("pending").asBoolean()).isTrue();
		assertThat(mine.get("reviewDue").asString()).startsWith(due);
		String accept = "/api/v1/challenges/" + id + "/invitation/accept";
		assertThat(kunming.post(accept, Map.of()).code()).isEqualTo("challenge.no-conflict-required");
		var accepted = kunming.post(accept, Map.of("noConflict", true));
		assertThat(accepted.json().get("invitation").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("toScore").asLong()).isEqualTo(2);
		assertThat(kunming.post(accept, Map.of("noConflict", true)).code()).isEqualTo("challenge.invitation-answered");
		assertThat(kunming.get("/api/v1/challenges/" + id + "/reviews").json().size()).isEqualTo(2);

		// 上海大学's expert, affiliated with 同济, never sees or scores 同济's application
		Http shu = personas.api("expert-shu");
		assertThat(shu.post(accept, Map.of("noConflict", true)).json().get("toScore").asLong()).isEqualTo(1);
		assertThat(shu.get("/api/v1/challenges/" + id + "/reviews").json().findValuesAsString("applicationId"))
			.containsExactly(academy);
		var conflicted = shu.post("/api/v1/challenges/" + id + "/reviews", Map.of("applicationId", tongji, "scores",
				Map.of("SOLUTION", 80, "TEAM", 80, "PLAN", 80, "BUDGET", 80)));
		assertThat(conflicted.status()).isEqualTo(403);
		assertThat(conflicted.code()).isEqualTo("challenge.conflict-of-interest");

		// 同济's own expert declines, declaring the conflict, once; it cannot be invited again
		Http tj = personas.api("expert-tj");
		String decline = "/api/v1/challenges/" + id + "/invitation/decline";
		assertThat(tj.post(decline, Map.of("conflict", true)).code()).isEqualTo("challenge.decline-reason-required");
		var declined = tj.post(decline, Map.of("reason", "本人所在单位为申请单位之一。", "conflict", true));
		assertThat(declined.json().get("invitation").asString()).isEqualTo("DECLINED");
		assertThat(declined.json().get("pending").asBoolean()).isFalse();
		assertThat(tj.post(decline, Map.of("reason", "再次谢绝"))).extracting(Http.Response::code)
			.isEqualTo("challenge.invitation-answered");
		assertThat(publisher.post("/api/v1/challenges/" + id + "/invitations", Map.of("experts", List.of("expert-tj"),
				"reviewDue", due)).code()).isEqualTo("challenge.expert-declared-conflict");
		assertThat(conflicts(publisher.get("/api/v1/challenges/" + id + "/experts?q=" + enc("冶金")).json(), "expert-tj"))
			.containsExactly("SAME_ORGANISATION", "DECLARED");

		// whoever was never invited has nothing to answer; a non-expert has no reviews
		assertThat(personas.api("expert-cq").post(accept, Map.of("noConflict", true)).code())
			.isEqualTo("challenge.invitation-not-found");
		assertThat(personas.api("ent-ws").get("/api/v1/reviews/mine").code()).isEqualTo("challenge.experts-only");

		// the publisher follows the answers; the ranking counts the affiliated expert as kept from 同济
		JsonNode states = publisher.get("/api/v1/challenges/" + id + "/invitations").json();
		assertThat(state(states, "expert-km")).isEqualTo("ACCEPTED");
		assertThat(state(states, "expert-shu")).isEqualTo("ACCEPTED");
		assertThat(state(states, "expert-tj")).isEqualTo("DECLINED");
		assertThat(state(states, "expert-yn")).isEqualTo("INVITED");
		JsonNode ranking = publisher.get("/api/v1/challenges/" + id + "/ranking").json();
		for (JsonNode row : ranking) {
			assertThat(row.get("excludedPanellists").asInt()).isEqualTo(row.get("applicationId").asString().equals(tongji) ? 1 : 0);
		}
	}

	@Test
	void anExpertKeepsItsProfileAndOnlyExpertsHaveOne() {
		Http expert = personas.api("expert-cq");
		var saved = expert.put("/api/v1/experts/me", Map.of("title", "正高级工程师", "discipline", "仪器科学与技术", "keywords",
				"材料检测、失效分析、MEMS 封装可靠性", "affiliations", List.of("重庆大学", " ", "重庆大学")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("affiliations").size()).isEqualTo(1);
		assertThat(expert.get("/api/v1/experts/me").json().get("affiliations").get(0).asString()).isEqualTo("重庆大学");
		assertThat(expert.put("/api/v1/experts/me", Map.of("title", "长".repeat(101))).code())
			.isEqualTo("challenge.profile-too-long");
		assertThat(personas.api("ent-ws").put("/api/v1/experts/me", Map.of("title", "x")).code())
			.isEqualTo("challenge.experts-only");
		expert.put("/api/v1/experts/me", Map.of("title", "正高级工程师", "discipline", "仪器科学与技术", "keywords",
				"材料检测、失效分析、MEMS 封装可靠性"));
	}

	private static List<String> conflicts(JsonNode pool, String username) {
		for (JsonNode expert : pool) {
			if (expert.get("username").asString().equals(username)) {
				return expert.get("conflicts").findValuesAsString("kind");
			}
		}
		throw new AssertionError(username + " not in the pool: " + pool);
	}

	private static String state(JsonNode invitations, String username) {
		for (JsonNode invitation : invitations) {
			if (invitation.get("username").asString().equals(username)) {
				return invitation.get("state").asString();
			}
		}
		throw new AssertionError(username + " not invited: " + invitations);
	}

	private static JsonNode review(JsonNode mine, String challengeId) {
		for (JsonNode review : mine) {
			if (review.get("challengeId").asString().equals(challengeId)) {
				return review;
			}
		}
		throw new AssertionError(challengeId + " not in my reviews: " + mine);
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}
}
