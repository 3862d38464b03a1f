package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.KejiaoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Searching the catalog as users would: Chinese in either script and width, synonyms, regions, zones, confidentiality. */
@KejiaoIntegrationTest
class CatalogSearchTests {

	@LocalServerPort
	int port;

	@Test
	void traditionalAndSimplifiedFindEachOther() {
		String traditional = publish("provider-jd", "instruments", "高精度儀器設備校準服務" + Markers.word(), null);
		String simplified = publish("provider-jd", "instruments", "量子测量仪器设备" + Markers.word(), null);
		assertThat(ids(search("q=仪器设备&size=100"))).contains(traditional, simplified);
		assertThat(ids(search("q=儀器設備&size=100"))).contains(traditional, simplified);
	}

	@Test
	void fullWidthLatinAndCaseDoNotMatter() {
		String entry = publish("provider-jd", "services", "ＸＲＤ物相定量分析" + Markers.word(), null);
		assertThat(ids(search("q=xrd&size=100"))).contains(entry);
		assertThat(ids(search("q=XRD&size=100"))).contains(entry);
		assertThat(ids(search("q=ＸＲＤ&size=100"))).contains(entry);
	}

	@Test
	void synonymsFindTheOtherNamesOfAThing() {
		JsonNode sem = search("q=SEM&type=instrument");
		assertThat(sem.get("total").asLong()).isPositive();
		assertThat(sem.get("hits").get(0).get("title").asString()).isIn("场发射扫描电子显微镜", "場發射掃描電子顯微鏡");
		assertThat(titles(search("q=扫描电镜&type=instrument&size=100"))).allMatch(t -> t.contains("扫描电子显微镜") || t.contains("掃描電子顯微鏡"));
	}

	@Test
	void thePlatformAdminsSynonymsTakeEffectAtOnce() {
		String entry = publish("provider-jd", "services", "创新券兑付咨询" + Markers.word(), null);
		assertThat(ids(search("q=科创券&size=100"))).doesNotContain(entry);
		Http admin = Http.as(port, "admin");
		List<String> groups = new ArrayList<>();
		admin.get("/api/v1/catalog/synonyms").json().forEach(node -> groups.add(node.asString()));
		List<String> changed = new ArrayList<>(groups);
		changed.add("科创券, 创新券");
		assertThat(admin.put("/api/v1/catalog/synonyms", Map.of("groups", changed)).status()).isEqualTo(200);
		try {
			assertThat(ids(search("q=科创券&size=100"))).contains(entry);
		}
		finally {
			admin.put("/api/v1/catalog/synonyms", Map.of("groups", groups));
		}
		assertThat(Http.as(port, "sh-admin").put("/api/v1/catalog/synonyms", Map.of("groups", changed)).status()).isEqualTo(403);
	}

	@Test
	void aRegionIncludesEverythingBelowIt() {
		JsonNode yunnan = search("region=530000&size=100");
		assertThat(yunnan.get("total").asLong()).isPositive();
		assertThat(regionCodes(yunnan)).allMatch(code -> code.startsWith("53")).anyMatch(code -> !code.equals("530000"));
		JsonNode wenshan = search("region=532600&size=100");
		assertThat(regionCodes(wenshan)).allMatch(code -> code.startsWith("5326"));
		JsonNode bauxite = search("q=低品位铝土矿&region=530000");
		assertThat(bauxite.get("hits").get(0).get("title").asString()).isEqualTo("低品位铝土矿生产氧化铝技术");
		assertThat(search("q=低品位铝土矿生产氧化铝技术&region=310000").get("hits").findValuesAsString("title"))
			.doesNotContain("低品位铝土矿生产氧化铝技术");
	}

	@Test
	void aZoneFilterKeepsToItsMembers() {
		JsonNode huDian = search("zone=hu-dian&size=100");
		assertThat(regionCodes(huDian)).isNotEmpty().allMatch(code -> code.startsWith("31") || code.startsWith("53"));
		assertThat(Http.api(port).get("/api/v1/search?zone=nowhere").status()).isEqualTo(404);
	}

	@Test
	void anEmptyQueryListsEverythingTheFiltersAllowWithFacets() {
		JsonNode all = search("size=5");
		long total = all.get("total").asLong();
		long sum = 0;
		for (JsonNode count : all.get("facets").get("type")) {
			sum += count.asLong();
		}
		assertThat(sum).isEqualTo(total);
		assertThat(all.get("facets").get("region").propertyNames()).contains("310000", "530000");
		JsonNode instruments = search("type=instrument&size=100");
		assertThat(instruments.get("hits").findValuesAsString("type")).containsOnly("INSTRUMENT");
		assertThat(instruments.get("total").asLong()).isEqualTo(all.get("facets").get("type").get("INSTRUMENT").asLong());
		JsonNode cheap = search("type=instrument&priceMax=200&sort=price_asc&size=100");
		assertThat(cheap.get("total").asLong()).isPositive().isLessThan(instruments.get("total").asLong());
	}

	@Test
	void eachFacetCountIsWhatItsFilterFinds() {
		JsonNode facets = search("q=检测&size=1").get("facets");
		for (String[] facet : new String[][] { { "category", "category" }, { "maturity", "maturity" },
				{ "accreditation", "accreditation" }, { "region", "region" } }) {
			var counts = facets.get(facet[0]).properties().iterator();
			assertThat(counts.hasNext()).as(facet[0]).isTrue();
			var first = counts.next();
			String value = java.net.URLEncoder.encode(first.getKey(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(search("q=检测&size=1&" + facet[1] + "=" + value).get("total").asLong()).as(facet[0] + " " + first.getKey())
				.isEqualTo(first.getValue().asLong());
		}
	}

	@Test
	void theTotalIsExactAndThePagesAddUpToIt() {
		JsonNode first = search("q=检测&size=1");
		long total = first.get("total").asLong();
		assertThat(total).isGreaterThan(20);
		long byType = 0;
		for (var count : first.get("facets").get("type").properties()) {
			byType += count.getValue().asLong();
		}
		assertThat(byType).isEqualTo(total);
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (int page = 0; page * 50 < total; page++) {
			JsonNode result = search("q=检测&size=50&page=" + page);
			assertThat(result.get("total").asLong()).isEqualTo(total);
			seen.addAll(ids(result));
		}
		assertThat(seen).hasSize((int) total);
	}

	@Test
	void snippetsMarkWhatMatched() {
		JsonNode hits = search("q=氧化铝").get("hits");
		List<String> marked = new ArrayList<>();
		hits.forEach(hit -> hit.get("highlights").forEach(h -> marked.add(
				hit.get("snippet").asString().substring(h.get("start").asInt(), h.get("end").asInt()))));
		assertThat(marked).contains("氧化铝");
		assertThat(hits.findValuesAsString("snippet")).noneMatch(s -> s.contains("<mark>"));
		assertThat(Http.browser(port).get("/catalog?q=氧化铝").body()).contains("<mark>氧化铝</mark>");
	}

	@Test
	void confidentialPartsAreShownOnlyToTheOwnerAndItsAdmins() {
		String onRequest = publish("provider-jd", "achievements", "车规级毫米波雷达标定方法" + Markers.word(), "ON_REQUEST");
		JsonNode anonymous = Http.api(port).get("/api/v1/catalog/achievements/" + onRequest).json();
		assertThat(anonymous.get("confidential").asBoolean()).isTrue();
		assertThat(anonymous.get("summary").asString()).isEmpty();
		assertThat(anonymous.get("price").isNull()).isTrue();
		JsonNode owner = Http.as(port, "provider-jd").get("/api/v1/catalog/achievements/" + onRequest).json();
		assertThat(owner.get("summary").asString()).contains("测试用简介");
		assertThat(owner.get("price").asString()).isEqualTo("120000.00");
		JsonNode admin = Http.as(port, "jd-admin").get("/api/v1/catalog/achievements/" + onRequest).json();
		assertThat(admin.get("confidential").asBoolean()).isFalse();

		String zoneOnly = publish("provider-jd", "achievements", "嘉昆太区域内部成果" + Markers.word(), "ZONE");
		assertThat(ids(search("q=嘉昆太区域内部成果&size=100"))).doesNotContain(zoneOnly);
		assertThat(Http.api(port).get("/api/v1/catalog/achievements/" + zoneOnly).status()).isEqualTo(404);
		assertThat(ids(Http.as(port, "ent-jd").get("/api/v1/search?q=嘉昆太区域内部成果&size=100").json())).contains(zoneOnly);
		// 文山 shares 沪滇 with 上海, so its users see the entry; 深圳 shares no zone with 上海
		assertThat(ids(Http.as(port, "ent-ws").get("/api/v1/search?q=嘉昆太区域内部成果&size=100").json())).contains(zoneOnly);
		assertThat(ids(shenzhen().api().get("/api/v1/search?q=嘉昆太区域内部成果&size=100").json()))
			.doesNotContain(zoneOnly);
	}

	@Test
	void theIndexFollowsEveryChangeAtOnce() {
		String title = "氢燃料电池电堆耐久性测试" + Markers.word();
		Http provider = Http.as(port, "provider-jd");
		String id = provider.post("/api/v1/catalog/services", form(title, null)).json().get("id").asString();
		assertThat(ids(search("q=" + title))).doesNotContain(id);
		provider.post("/api/v1/catalog/services/" + id + "/publish", Map.of());
		assertThat(ids(search("q=" + title))).containsExactly(id);
		Map<String, Object> renamed = form("固体氧化物电解池测试" + Markers.word(), null);
		provider.put("/api/v1/catalog/services/" + id, renamed);
		assertThat(ids(search("q=" + renamed.get("title")))).containsExactly(id);
		provider.post("/api/v1/catalog/services/" + id + "/withdraw", Map.of());
		assertThat(ids(search("q=" + renamed.get("title")))).isEmpty();
	}

	@Test
	void onlyTheOwnerChangesAnEntryAndOnlyItsRegionsAdminSuspendsIt() {
		String id = publish("provider-jd", "instruments", "热场发射电子探针" + Markers.word(), null);
		var foreign = Http.as(port, "provider-yn").put("/api/v1/catalog/instruments/" + id, form("改名", null));
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.code()).isEqualTo("catalog.not-owner");
		assertThat(Http.as(port, "ent-jd").post("/api/v1/catalog/instruments", form("企业不能发布仪器", null)).status())
			.isEqualTo(403);
		assertThat(Http.as(port, "yn-admin").post("/api/v1/catalog/instruments/" + id + "/suspend", Map.of()).code())
			.isEqualTo("auth.region-forbidden");
		assertThat(Http.as(port, "jd-admin").post("/api/v1/catalog/instruments/" + id + "/suspend", Map.of()).status())
			.isEqualTo(200);
		assertThat(ids(search("q=热场发射电子探针&size=100"))).doesNotContain(id);
		assertThat(Http.as(port, "provider-jd").post("/api/v1/catalog/instruments/" + id + "/publish", Map.of()).code())
			.isEqualTo("catalog.suspended");
		JsonNode audit = Http.as(port, "jd-admin").get("/api/v1/audit?q=" + id).json();
		assertThat(audit.get("items").findValuesAsString("action")).contains("catalog.created", "catalog.published",
				"catalog.suspended");
	}

	@Test
	void badInputIsExplained() {
		Http provider = Http.as(port, "provider-jd");
		Map<String, Object> negative = form("负价格仪器", null);
		negative.put("price", "-5");
		assertThat(provider.post("/api/v1/catalog/instruments", negative).code()).isEqualTo("request.invalid-fields");
		Map<String, Object> cents = form("三位小数价格", null);
		cents.put("price", "1.005");
		assertThat(provider.post("/api/v1/catalog/instruments", cents).status()).isEqualTo(400);
		var unknown = provider.post("/api/v1/catalog/robots", form("机器人", null));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("catalog.unknown-type");
		assertThat(Http.api(port).get("/api/v1/search?priceMin=10&priceMax=1").code()).isEqualTo("catalog.price-range");
		assertThat(Http.api(port).get("/api/v1/search?sort=cheapest").status()).isEqualTo(400);
	}

	@Test
	void instrumentsTakeACategoryFromTheListByNameOrCode() {
		Http provider = Http.as(port, "provider-jd");
		Map<String, Object> byCode = form("超景深三维显微镜" + Markers.word(), null);
		byCode.put("category", "0108");
		var created = provider.post("/api/v1/catalog/instruments", byCode);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("category").asString()).isEqualTo("显微镜及图像分析仪器");
		Map<String, Object> unknown = form("未知类别仪器", null);
		unknown.put("category", "神奇仪器");
		var refused = provider.post("/api/v1/catalog/instruments", unknown);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("catalog.category-unknown");
		assertThat(Http.api(port).get("/api/v1/catalog/categories").json().findValuesAsString("name")).contains("电子光学仪器",
				"电磁兼容测试仪器");
		assertThat(search("type=instrument&category=电子光学仪器&size=100").get("hits").findValuesAsString("type"))
			.isNotEmpty().containsOnly("INSTRUMENT");
	}

	@Test
	void thePlatformAdminRebuildsTheIndexWithoutLosingAnything() {
		long before = search("size=1").get("total").asLong();
		var rebuilt = Http.as(port, "admin").post("/api/v1/catalog/index/rebuild", Map.of());
		assertThat(rebuilt.status()).isEqualTo(200);
		assertThat(rebuilt.json().get("state").asString()).isEqualTo("READY");
		assertThat(search("size=1").get("total").asLong()).isEqualTo(before);
		assertThat(Http.as(port, "sh-admin").post("/api/v1/catalog/index/rebuild", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void suggestionsCompleteTitles() {
		JsonNode suggestions = Http.api(port).get("/api/v1/search/suggestions?q=扫描").json();
		assertThat(suggestions.findValuesAsString("")).isEmpty();
		List<String> titles = new ArrayList<>();
		suggestions.forEach(node -> titles.add(node.asString()));
		assertThat(titles).isNotEmpty().anyMatch(t -> t.contains("扫描") || t.contains("掃描"));
	}

	private String publish(String user, String types, String title, String confidentiality) {
		Http owner = Http.as(port, user);
		var created = owner.post("/api/v1/catalog/" + types, form(title, confidentiality));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(owner.post("/api/v1/catalog/" + types + "/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	/** A user of a new organisation in 深圳, which shares no cooperation zone with 上海. */
	private NewOrganisation.Registered shenzhen() {
		return NewOrganisation.enterprise("440305").pending(port);
	}

	private static Map<String, Object> form(String title, String confidentiality) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("summary", "测试用简介：" + title);
		form.put("keywords", "测试");
		form.put("price", "120000");
		form.put("priceUnit", "TOTAL");
		if (confidentiality != null) {
			form.put("confidentiality", confidentiality);
		}
		return form;
	}

	private JsonNode search(String parameters) {
		var response = Http.api(port).get("/api/v1/search?" + parameters);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode result) {
		return result.get("hits").findValuesAsString("id");
	}

	private static List<String> titles(JsonNode result) {
		return result.get("hits").findValuesAsString("title");
	}

	private static List<String> regionCodes(JsonNode result) {
		return result.get("hits").findValuesAsString("regionCode");
	}
}
