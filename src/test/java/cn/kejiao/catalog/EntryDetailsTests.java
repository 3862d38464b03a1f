package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.KejiaoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The type's own attributes: one meaning whether they come through the API, the form or an import. */
@KejiaoIntegrationTest
class EntryDetailsTests {

	@LocalServerPort
	int port;

	@Test
	void patentsAndTransferModesWrittenAsTextAreStoredAsRecords() {
		Http provider = Http.as(port, "provider-yn");
		var created = provider.post("/api/v1/catalog/achievements", Map.of("title", "三七皂苷提取纯化工艺" + Markers.unique(),
				"details", Map.of("patents", "ZL201810123456.7 发明专利（已授权）；201920654321X 实用新型（申请中）",
						"transferModes", "技术许可、合作开发", "trl", "6", "inventors", "张明、李华")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode details = created.json().get("details");
		assertThat(details.get("patents").get(0).get("number").asString()).isEqualTo("ZL201810123456.7");
		assertThat(details.get("patents").get(0).get("type").asString()).isEqualTo("INVENTION");
		assertThat(details.get("patents").get(0).get("status").asString()).isEqualTo("GRANTED");
		assertThat(details.get("patents").get(1).get("type").asString()).isEqualTo("UTILITY");
		assertThat(details.get("patents").get(1).get("status").asString()).isEqualTo("PENDING");
		assertThat(details.get("transferModes").toString()).isEqualTo("[\"LICENCE\",\"JOINT\"]");
		assertThat(details.get("trl").asInt()).isEqualTo(6);
		assertThat(details.get("inventors").toString()).isEqualTo("[\"张明\",\"李华\"]");

		String id = created.json().get("id").asString();
		provider.post("/api/v1/catalog/achievements/" + id + "/publish", Map.of());
		String page = Http.api(port).get("/catalog/entries/" + id).body();
		assertThat(page).contains("ZL201810123456.7", "发明专利", "已授权", "实用新型", "申请中", "技术许可", "合作开发");
	}

	@Test
	void badDetailsAreRefusedWithTheFieldNamed() {
		Http provider = Http.as(port, "provider-yn");
		var patent = provider.post("/api/v1/catalog/achievements",
				Map.of("title", "某成果" + Markers.unique(), "details", Map.of("patents", "一项很好的专利")));
		assertThat(patent.status()).isEqualTo(400);
		assertThat(patent.code()).isEqualTo("catalog.detail.patent");
		assertThat(patent.json().get("detail").asString()).contains("一项很好的专利");

		var unknown = provider.post("/api/v1/catalog/instruments",
				Map.of("title", "某仪器" + Markers.unique(), "details", Map.of("colour", "red")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.code()).isEqualTo("catalog.detail.unknown-detail");
		assertThat(unknown.json().get("detail").asString()).contains("colour", "bookingMode");

		var mode = provider.post("/api/v1/catalog/instruments",
				Map.of("title", "某仪器" + Markers.unique(), "details", Map.of("bookingMode", "随便")));
		assertThat(mode.code()).isEqualTo("catalog.detail.choice");
		assertThat(mode.json().get("detail").asString()).contains("预约方式", "机主审核");

		var english = Http.as(port, "provider-yn").language("en").post("/api/v1/catalog/instruments",
				Map.of("title", "Some instrument" + Markers.unique(), "details", Map.of("purchaseYear", "1890")));
		assertThat(english.code()).isEqualTo("catalog.detail.year");
		assertThat(english.json().get("detail").asString()).contains("1890", "not valid");
	}

	@Test
	void aServiceNamesTheOwnersInstrumentsAndItsPageLinksThem() {
		Http provider = Http.as(port, "provider-jd");
		String code = "INS-L" + Markers.unique();
		var instrument = provider.post("/api/v1/catalog/instruments", Map.of("externalCode", code, "title",
				"电磁兼容暗室" + code, "details", Map.of("bookingMode", "机主审核", "purchaseYear", 2019)));
		assertThat(instrument.status()).as(instrument.body()).isEqualTo(201);
		assertThat(instrument.json().get("details").get("bookingMode").asString()).isEqualTo("APPROVAL");
		String instrumentId = instrument.json().get("id").asString();
		provider.post("/api/v1/catalog/instruments/" + instrumentId + "/publish", Map.of());

		var service = provider.post("/api/v1/catalog/services", Map.of("title", "整车电磁兼容测试" + code,
				"details", Map.of("instruments", List.of(code), "turnaroundDays", 10)));
		assertThat(service.status()).as(service.body()).isEqualTo(201);
		String serviceId = service.json().get("id").asString();
		provider.post("/api/v1/catalog/services/" + serviceId + "/publish", Map.of());
		String servicePage = Http.api(port).get("/catalog/entries/" + serviceId).body();
		assertThat(servicePage).contains("/catalog/entries/" + instrumentId, "电磁兼容暗室" + code);

		// another organisation's instrument cannot be named
		var foreign = Http.as(port, "provider-yn").post("/api/v1/catalog/services",
				Map.of("title", "借用仪器的服务" + code, "details", Map.of("instruments", List.of(code))));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.code()).isEqualTo("catalog.detail.instrument");
	}

	@Test
	void anImportRowWithABadPatentNamesRowAndColumn() throws Exception {
		Http provider = Http.as(port, "provider-yn");
		String batch = "PAT" + Markers.unique();
		String csv = "编号*,名称*,专利,转化方式\n" + batch + "-1,铝电解槽节能技术" + batch + ",ZL201710000001.2 发明（授权）,转让\n"
				+ batch + "-2,赤泥综合利用" + batch + ",专利若干,许可\n";
		var started = provider.upload("/api/v1/catalog/imports", Map.of("type", "achievements", "mode", "VALID_ROWS", "publish", "true"),
				"成果.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		JsonNode job = ImportJobs.finished(provider, started.json().get("id").asString(), Duration.ofSeconds(30));
		assertThat(job.get("rowsImported").asInt()).isEqualTo(1);
		JsonNode error = job.get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(3);
		assertThat(error.get("column").asString()).isEqualTo("专利");
		assertThat(error.get("message").asString()).contains("专利若干");

		// the export writes patents back as text that imports to the same records
		byte[] export = provider.download("/api/v1/catalog/achievements/export");
		var again = provider.upload("/api/v1/catalog/imports", Map.of("type", "achievements", "mode", "ALL_OR_NOTHING"),
				"export.xlsx", export);
		JsonNode reimported = ImportJobs.finished(provider, again.json().get("id").asString(), Duration.ofSeconds(30));
		assertThat(reimported.get("state").asString()).isEqualTo("DONE");
		assertThat(reimported.get("errors").size()).isZero();
		JsonNode entry = Http.api(port).get("/api/v1/search?q=" + java.net.URLEncoder.encode("铝电解槽节能技术" + batch,
				StandardCharsets.UTF_8)).json().get("hits").get(0);
		JsonNode stored = provider.get("/api/v1/catalog/achievements/" + entry.get("id").asString()).json();
		assertThat(stored.get("details").get("patents").get(0).get("number").asString()).isEqualTo("ZL201710000001.2");
		assertThat(stored.get("details").get("transferModes").toString()).isEqualTo("[\"TRANSFER\"]");
	}

	@Test
	void theOwnersFormEditsTheDetailsAndKeepsWhatWasTypedWhenAValueIsWrong() {
		Http provider = Http.as(port, "provider-jd");
		String id = provider.post("/api/v1/catalog/instruments", Map.of("title", "原子力显微镜" + Markers.unique(), "details",
				Map.of("model", "Dimension Icon", "bookingMode", "AUTO", "purchaseYear", 2020))).json().get("id").asString();
		Http browser = Http.browser(port);
		browser.login("provider-jd", "kejiao-demo");
		String form = browser.get("/catalog/mine/entries/" + id).body();
		assertThat(form).contains("value=\"Dimension Icon\"", "value=\"2020\"");
		assertThat(form).containsPattern("<option value=\"AUTO\" selected");

		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("title", "原子力显微镜（改）");
		fields.put("detail.model", "Dimension FastScan");
		fields.put("detail.purchaseYear", "两千年");
		fields.put("detail.bookingMode", "APPROVAL");
		var wrong = browser.submitForm("/catalog/mine/entries/" + id, "/catalog/mine/entries/" + id, fields);
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("两千年", "value=\"Dimension FastScan\"", "value=\"原子力显微镜（改）\"");
		assertThat(wrong.body()).containsPattern("<option value=\"APPROVAL\" selected");
		assertThat(provider.get("/api/v1/catalog/instruments/" + id).json().get("details").get("model").asString())
			.as("nothing saved").isEqualTo("Dimension Icon");

		fields.put("detail.purchaseYear", "2021");
		var saved = browser.submitForm("/catalog/mine/entries/" + id, "/catalog/mine/entries/" + id, fields);
		assertThat(saved.status()).isEqualTo(302);
		JsonNode details = provider.get("/api/v1/catalog/instruments/" + id).json().get("details");
		assertThat(details.get("model").asString()).isEqualTo("Dimension FastScan");
		assertThat(details.get("purchaseYear").asInt()).isEqualTo(2021);
		assertThat(details.get("bookingMode").asString()).isEqualTo("APPROVAL");
	}


	@Test
	void theOwnersNewEntryFormSaysWhatIsMissingOrWrongInTheReadersLanguage() {
		Http browser = Http.browser(port);
		browser.login("provider-jd", "kejiao-demo");
		var untitled = browser.submitForm("/catalog/mine", "/catalog/mine/entries", Map.of("type", "instruments", "title", " "));
		assertThat(untitled.status()).isEqualTo(302);
		assertThat(browser.get("/catalog/mine").body()).contains("必填项为空");
		var badPrice = browser.submitForm("/catalog/mine", "/catalog/mine/entries",
				Map.of("type", "instruments", "title", "价格有误的仪器" + Markers.unique(), "price", "十万"));
		assertThat(badPrice.status()).isEqualTo(302);
		assertThat(browser.get("/catalog/mine").body()).contains("金额“十万”无效");
		String title = "新建的仪器" + Markers.unique();
		browser.submitForm("/catalog/mine", "/catalog/mine/entries", Map.of("type", "instruments", "title", title, "price", "1200.50"));
		assertThat(browser.get("/catalog/mine").body()).contains(title);
		// the price as people write it: thousands separators and 万
		String written = "写法不同的仪器" + Markers.unique();
		browser.submitForm("/catalog/mine", "/catalog/mine/entries", Map.of("type", "services", "title", written, "price", "1.2万"));
		var link = java.util.regex.Pattern.compile("href=\"(/catalog/mine/entries/[0-9a-f-]{36})\">" + written)
			.matcher(browser.get("/catalog/mine").body());
		assertThat(link.find()).as("the new entry is listed").isTrue();
		assertThat(browser.get(link.group(1)).body()).contains("value=\"12000.00\"");
	}
}
