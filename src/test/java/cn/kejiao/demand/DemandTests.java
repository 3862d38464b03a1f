package cn.kejiao.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Demands as their authors and readers meet them: who sees what, what the matching suggests and why. */
@KejiaoIntegrationTest
class DemandTests {

	static final String BAUXITE = "低品位铝土矿高效生产氧化铝的工艺技术";

	@LocalServerPort
	int port;

	@Test
	void theBauxiteDemandsBestMatchIsTheLowGradeBauxiteProcessAndSaysWhy() {
		Http enterprise = Http.as(port, "ent-ws");
		String demand = demandId(enterprise, BAUXITE);
		JsonNode matches = enterprise.get("/api/v1/demands/" + demand + "/matches?limit=10").json();
		assertThat(matches.size()).isGreaterThan(1);
		JsonNode best = matches.get(0);
		assertThat(best.get("title").asString()).isEqualTo("低品位铝土矿生产氧化铝技术");
		assertThat(best.get("type").asString()).isEqualTo("ACHIEVEMENT");
		assertThat(best.get("regionCode").asString()).startsWith("53");
		List<String> reasons = texts(best.get("reasons"));
		assertThat(reasons).anyMatch(r -> r.startsWith("共同词语：") && r.contains("铝土矿") && r.contains("氧化铝"));
		assertThat(reasons).contains("成熟度：中试阶段");
		assertThat(reasons).anyMatch(r -> r.startsWith("同省：云南省"));

		JsonNode instruments = enterprise.get("/api/v1/demands/" + demand + "/matches?type=instrument&limit=5").json();
		assertThat(instruments.findValuesAsString("type")).isNotEmpty().allMatch("INSTRUMENT"::equals);

		JsonNode english = enterprise.language("en").get("/api/v1/demands/" + demand + "/matches?limit=1").json();
		assertThat(texts(english.get(0).get("reasons"))).anyMatch(r -> r.startsWith("Shared terms: "));
	}

	@Test
	void aVerdictMovesASuggestionAndANoNeedsAReason() {
		Http enterprise = Http.as(port, "ent-jd");
		var created = enterprise.post("/api/v1/demands", Map.of("title", "汽车零部件盐雾腐蚀与振动可靠性试验",
				"description", "需要对新能源汽车电池包壳体和连接器开展盐雾腐蚀、振动与高低温循环可靠性试验，出具 CMA 报告。",
				"keywords", List.of("盐雾", "振动试验", "可靠性"), "modes", List.of("COMMISSIONED"), "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String demand = created.json().get("id").asString();
		JsonNode before = enterprise.get("/api/v1/demands/" + demand + "/matches?limit=20").json();
		assertThat(before.size()).isGreaterThan(2);
		String first = before.get(0).get("id").asString();
		String firstType = before.get(0).get("type").asString().toLowerCase();

		var noReason = enterprise.post("/api/v1/demands/" + demand + "/matches/" + firstType + "/" + first + "/feedback",
				Map.of("useful", false));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.code()).isEqualTo("match.reason-required");
		assertThat(enterprise.post("/api/v1/demands/" + demand + "/matches/" + firstType + "/" + first + "/feedback",
				Map.of("useful", false, "reason", "PRICE", "note", "报价超出预算")).status()).isEqualTo(204);
		JsonNode after = enterprise.get("/api/v1/demands/" + demand + "/matches?limit=20").json();
		assertThat(after.get(0).get("id").asString()).isNotEqualTo(first);
		assertThat(ids(after).indexOf(first)).isGreaterThan(0);

		String second = before.get(1).get("id").asString();
		String secondType = before.get(1).get("type").asString().toLowerCase();
		enterprise.post("/api/v1/demands/" + demand + "/matches/" + secondType + "/" + second + "/feedback", Map.of("useful", true));
		JsonNode again = enterprise.get("/api/v1/demands/" + demand + "/matches?limit=20").json();
		assertThat(again.get(0).get("id").asString()).isEqualTo(second);
		assertThat(again.get(0).get("useful").asBoolean()).isTrue();

		// the region's admin sees the verdicts; another enterprise cannot give any
		JsonNode verdicts = Http.as(port, "jd-admin").get("/api/v1/demand-feedback").json();
		assertThat(verdicts.findValuesAsString("note")).contains("报价超出预算");
		Http admin = Http.browser(port);
		admin.login("jd-admin", "kejiao-demo");
		assertThat(admin.get("/demands?mine=true").body()).contains("对推荐的评价").contains("价格：报价超出预算");
		var stranger = Http.as(port, "ent-ws").post("/api/v1/demands/" + demand + "/matches/" + secondType + "/" + second
				+ "/feedback", Map.of("useful", false, "reason", "OTHER"));
		assertThat(stranger.status()).isIn(403, 404);
	}

	@Test
	void visibilityDecidesWhoSeesADemandAndAHiddenNameStaysHidden() {
		// 嘉定's sensor demand: 长三角 only, the enterprise's name hidden
		String title = "新能源汽车电池包温度与压力传感器国产化";
		Http author = Http.as(port, "ent-jd");
		JsonNode own = find(author.get("/api/v1/demands?mine=true").json(), title);
		assertThat(own.get("ownerName").asString()).contains("嘉定");
		assertThat(own.get("manageable").asBoolean()).isTrue();

		JsonNode seenInZone = find(Http.as(port, "provider-jd").get("/api/v1/demands").json(), title);
		assertThat(seenInZone.get("ownerName").asString()).startsWith("某企业（");
		assertThat(seenInZone.get("ownerOrgId").isNull()).isTrue();
		assertThat(seenInZone.get("manageable").asBoolean()).isFalse();

		assertThat(Http.as(port, "ent-ws").get("/api/v1/demands").json().findValuesAsString("title")).doesNotContain(title);
		assertThat(Http.api(port).get("/api/v1/demands").json().findValuesAsString("title")).doesNotContain(title)
			.contains("三七精深加工与皂苷高效提取技术");
		var anonymous = Http.api(port).get("/api/v1/demands/" + own.get("id").asString());
		assertThat(anonymous.status()).isEqualTo(404);

		// 重庆's integrated-circuit demand is still a draft: only 重庆's admins see it
		String draft = "集成电路先进封装与测试能力建设";
		assertThat(Http.as(port, "cq-admin").get("/api/v1/demands?mine=true").json().findValuesAsString("title")).contains(draft);
		assertThat(Http.as(port, "sh-admin").get("/api/v1/demands").json().findValuesAsString("title")).doesNotContain(draft);

		// revealing the name shows it to the zone's readers too
		String id = own.get("id").asString();
		assertThat(author.post("/api/v1/demands/" + id + "/reveal", Map.of()).status()).isEqualTo(200);
		assertThat(find(Http.as(port, "provider-jd").get("/api/v1/demands").json(), title).get("ownerName").asString())
			.contains("嘉定");
	}

	@Test
	void aDemandGoesFromDraftToSolvedAndBadInputIsExplained() {
		Http enterprise = Http.as(port, "ent-ws");
		var tooShort = enterprise.post("/api/v1/demands", Map.of("title", "需求", "description", "太短"));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.code()).isEqualTo("demand.title-length");
		var badBudget = enterprise.post("/api/v1/demands", Map.of("title", "赤泥综合利用制备建材", "description",
				"寻求赤泥脱碱并制备免烧砖、路基材料的成熟技术，年处理赤泥 10 万吨。", "budget", "12.345"));
		assertThat(badBudget.status()).isEqualTo(400);
		var zoneNotOwn = enterprise.post("/api/v1/demands", Map.of("title", "赤泥综合利用制备建材", "description",
				"寻求赤泥脱碱并制备免烧砖、路基材料的成熟技术，年处理赤泥 10 万吨。", "visibility", "ZONE", "zoneCode", "yrd"));
		assertThat(zoneNotOwn.code()).isEqualTo("demand.zone-not-own");

		var created = enterprise.post("/api/v1/demands", Map.of("title", "赤泥综合利用制备建材", "description",
				"寻求赤泥脱碱并制备免烧砖、路基材料的成熟技术，年处理赤泥 10 万吨。", "budget", "800000", "visibility", "REGION"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode draft = created.json();
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("budget").asString()).isEqualTo("800000.00");
		String id = draft.get("id").asString();
		assertThat(Http.as(port, "yn-admin").get("/api/v1/demands/" + id).status()).isEqualTo(200);
		assertThat(Http.as(port, "provider-yn").get("/api/v1/demands/" + id).status()).isEqualTo(404);
		assertThat(enterprise.post("/api/v1/demands/" + id + "/open", Map.of()).json().get("state").asString()).isEqualTo("OPEN");
		assertThat(Http.as(port, "provider-yn").get("/api/v1/demands/" + id).status()).isEqualTo(200);
		assertThat(Http.as(port, "provider-jd").get("/api/v1/demands/" + id).status()).isEqualTo(404);
		assertThat(enterprise.post("/api/v1/demands/" + id + "/in-talks", Map.of()).json().get("state").asString())
			.isEqualTo("IN_TALKS");
		assertThat(enterprise.post("/api/v1/demands/" + id + "/solved", Map.of()).json().get("state").asString())
			.isEqualTo("SOLVED");
		var closeSolved = enterprise.post("/api/v1/demands/" + id + "/close", Map.of());
		assertThat(closeSolved.status()).isEqualTo(409);
		assertThat(closeSolved.code()).isEqualTo("demand.state");
		assertThat(Http.as(port, "provider-yn").post("/api/v1/demands/" + id + "/close", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void anAchievementFindsTheDemandsItCouldAnswer() {
		Http provider = Http.as(port, "provider-yn");
		JsonNode hits = provider.get("/api/v1/search?q=" + java.net.URLEncoder.encode("低品位铝土矿生产氧化铝技术",
				java.nio.charset.StandardCharsets.UTF_8) + "&type=achievement").json().get("hits");
		String achievement = hits.get(0).get("id").asString();
		JsonNode demands = provider.get("/api/v1/catalog/entries/" + achievement + "/demands").json();
		assertThat(demands.get(0).get("demand").get("title").asString()).isEqualTo(BAUXITE);
		assertThat(texts(demands.get(0).get("reasons"))).anyMatch(r -> r.contains("铝土矿"));
		// the entry's page lists them too (a fragment it loads), for a reader who may see them
		Http browser = Http.browser(port);
		browser.login("provider-yn", "kejiao-demo");
		assertThat(browser.get("/demands/for-entry/" + achievement).body()).contains("它可能满足的技术需求").contains(BAUXITE);
		assertThat(Http.browser(port).get("/demands/for-entry/" + achievement).body()).doesNotContain(BAUXITE);
		// the bauxite demand is for 沪滇 only: a visitor does not see it
		assertThat(Http.api(port).get("/api/v1/catalog/entries/" + achievement + "/demands").json()
			.findValuesAsString("title")).doesNotContain(BAUXITE);
	}

	@Test
	void aDemandPostedOnThePageIsOpenedInTheSameStepAndARefusalKeepsWhatWasTyped() {
		Http browser = Http.browser(port);
		browser.login("ent-ws", "kejiao-demo");
		String description = "寻求三七茎叶中皂苷的低成本提取工艺，年处理茎叶 5000 吨，可中试验证。";
		var refused = browser.submitForm("/demands/new", "/demands/new", Map.of("title", "三七", "description",
				description, "visibility", "PUBLIC", "open", "true"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("需求标题需要 4 到 200 个字。", description);
		var badDate = browser.submitForm("/demands/new", "/demands/new", Map.of("title", "三七茎叶皂苷提取工艺",
				"description", description, "deadline", "next spring"));
		assertThat(badDate.status()).isEqualTo(200);
		assertThat(badDate.body()).contains("参数 deadline 的值格式不正确。");

		var posted = browser.submitForm("/demands/new", "/demands/new", Map.of("title", "三七茎叶皂苷提取工艺",
				"description", description, "keywords", "三七, 皂苷 提取", "visibility", "PUBLIC", "open", "true"));
		assertThat(posted.status()).as(posted.body()).isEqualTo(302);
		String id = posted.location().replaceFirst(".*/demands/", "");
		JsonNode opened = Http.api(port).get("/api/v1/demands/" + id).json();
		assertThat(opened.get("state").asString()).isEqualTo("OPEN");
		assertThat(texts(opened.get("keywords"), n -> n.asString())).containsExactly("三七", "皂苷", "提取");
		Http provider = Http.browser(port);
		provider.login("provider-yn", "kejiao-demo");
		assertThat(provider.get("/demands/new").status()).isEqualTo(403);
	}

	private String demandId(Http http, String title) {
		return find(http.get("/api/v1/demands?mine=true").json(), title).get("id").asString();
	}

	private static JsonNode find(JsonNode list, String title) {
		for (JsonNode node : list) {
			if (node.get("title").asString().equals(title)) {
				return node;
			}
		}
		throw new AssertionError("no demand titled " + title + " in " + list);
	}

	private static List<String> texts(JsonNode reasons) {
		return texts(reasons, r -> r.get("text").asString());
	}

	private static List<String> texts(JsonNode nodes, java.util.function.Function<JsonNode, String> text) {
		List<String> texts = new ArrayList<>();
		nodes.forEach(n -> texts.add(text.apply(n)));
		return texts;
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(n -> ids.add(n.get("id").asString()));
		return ids;
	}
}
