package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.OpenApiDocument;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * The open statistics, read by someone who never signed in: the counts of every kind equal the dashboards' figures,
 * money only where it is published anyway, the CSV says the same, the answers may be cached by portals and proxies,
 * and the OpenAPI document describes them.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenStatisticsTests {

	static final String YUNNAN = "530000";

	@Autowired
	Personas personas;

	@Autowired
	InsightReadModel model;

	@Autowired
	InsightFigures figures;

	LocalDate from;
	LocalDate to;
	String query;

	@BeforeAll
	void theReadModelIsCurrent() {
		model.refresh();
		to = LocalDate.now(ChinaTime.ZONE);
		from = to.withDayOfYear(1).minusYears(1);
		query = "?from=" + from + "&to=" + to;
	}

	@Test
	void anyoneReadsARegionsCountsAndOnlyThePublishedMoney() {
		Http.Response response = Http.api(personas.port()).get("/api/v1/stats/regions/" + YUNNAN + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("name").asString()).isEqualTo("云南省");
		assertThat(json.get("nameEn").asString()).isEqualTo("Yunnan");
		assertThat(json.get("from").asString()).isEqualTo(from.toString());
		assertThat(json.get("to").asString()).isEqualTo(to.toString());
		assertThat(json.get("generatedAt").asString()).isNotBlank();
		List<KindFigures> expected = figures.figures(YUNNAN, from, to);
		assertThat(json.get("figures").size()).isEqualTo(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			KindFigures kind = expected.get(i);
			JsonNode shown = json.get("figures").get(i);
			assertThat(shown.get("kind").asString()).isEqualTo(kind.kind().name());
			assertThat(shown.get("name").asString()).isNotBlank();
			boolean published = InsightAccess.publicValue(kind.kind()) && kind.kind().money();
			assertThat(shown.get("moneyPublished").asBoolean()).isEqualTo(published);
			assertFigure(shown.get("served"), kind.served(), published);
			assertFigure(shown.get("serving"), kind.serving(), published);
			assertFigure(shown.get("inside"), kind.inside(), published);
		}
		assertThat(json.get("figures").findValues("kind")).extracting(JsonNode::asString)
			.as("the orders' value is one organisation's business").contains(InsightKind.ORDERS.name());
		for (JsonNode stock : json.get("stocks")) {
			InsightKind kind = InsightKind.valueOf(stock.get("kind").asString());
			assertThat(kind.group()).isEqualTo(InsightKind.Group.CATALOG);
			assertThat(stock.get("count").asLong()).isEqualTo(figures.stock(YUNNAN, to, kind).count());
		}
		assertThat(json.get("stocks").size()).isEqualTo(
				model.kinds().stream().filter(kind -> kind.group() == InsightKind.Group.CATALOG).count());
	}

	@Test
	void theCsvSaysTheSameWithAByteOrderMarkForExcel() throws Exception {
		HttpResponse<byte[]> csv = get("/api/v1/stats/regions/" + YUNNAN + ".csv" + query, null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		byte[] body = csv.body();
		assertThat(new byte[] { body[0], body[1], body[2] }).isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text)).getRecords();
		JsonNode json = Http.api(personas.port()).get("/api/v1/stats/regions/" + YUNNAN + query).json();
		Map<String, JsonNode> byKind = new HashMap<>();
		json.get("figures").forEach(kind -> byKind.put(kind.get("kind").asString(), kind));
		Map<String, Long> stocks = new HashMap<>();
		json.get("stocks").forEach(stock -> stocks.put(stock.get("kind").asString(), stock.get("count").asLong()));
		assertThat(records).hasSize(byKind.size());
		for (CSVRecord record : records) {
			JsonNode kind = byKind.get(record.get("kind"));
			assertThat(record.get("region")).isEqualTo(YUNNAN);
			assertThat(record.get("region_name")).isEqualTo("云南省");
			assertThat(record.get("kind_name")).isEqualTo(kind.get("name").asString());
			for (String side : List.of("served", "serving", "inside")) {
				assertThat(Long.parseLong(record.get(side + "_count"))).isEqualTo(kind.get(side).get("count").asLong());
				JsonNode value = kind.get(side).get("value");
				assertThat(record.get(side + "_value")).isEqualTo(value == null || value.isNull() ? "" : value.asString());
			}
			Long stock = stocks.get(record.get("kind"));
			assertThat(record.get("stock")).isEqualTo(stock == null ? "" : stock.toString());
		}
	}

	@Test
	void answersMayBeCachedAndAreNotSentAgainWhenUnchanged() throws Exception {
		for (String path : List.of("/api/v1/stats/regions/" + YUNNAN + query,
				"/api/v1/stats/regions/" + YUNNAN + ".csv" + query)) {
			HttpResponse<byte[]> first = get(path, null);
			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("public", "max-age=300")
				.doesNotContain("no-store");
			String etag = first.headers().firstValue("ETag").orElseThrow();
			assertThat(etag).startsWith("W/\"");
			HttpResponse<byte[]> again = get(path, etag);
			assertThat(again.statusCode()).isEqualTo(304);
			assertThat(again.body()).isEmpty();
			assertThat(again.headers().firstValue("ETag")).contains(etag);
			assertThat(get(path, "W/\"something-else\"").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void theWholeCountryIsARegionToo() {
		Http.Response response = Http.api(personas.port()).get("/api/v1/stats/regions/" + InsightFigures.NATION + query);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("全国");
		assertThat(response.json().get("nameEn").asString()).isEqualTo("China");
		List<KindFigures> expected = figures.figures(InsightFigures.NATION, from, to);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(response.json().get("figures").get(i).get("served").get("count").asLong())
				.isEqualTo(expected.get(i).served().count());
		}
		assertThat(Http.api(personas.port()).get("/api/v1/stats/regions/" + YUNNAN).status())
			.as("this year so far when no period is given").isEqualTo(200);
	}

	@Test
	void unknownRegionsAreNotFoundAndBadDatesBadRequests() {
		Http anonymous = Http.api(personas.port());
		expect(anonymous.get("/api/v1/stats/regions/999999"), 404, "region.not-found");
		expect(anonymous.get("/api/v1/stats/regions/abc.csv"), 404, "region.not-found");
		expect(anonymous.get("/api/v1/stats/regions/532601"), 404, "stats.region-not-public");
		expect(anonymous.get("/api/v1/stats/regions/" + YUNNAN + "?from=2026-13-01"), 400, "stats.date-invalid");
		expect(anonymous.get("/api/v1/stats/regions/" + YUNNAN + ".csv?to=yesterday"), 400, "stats.date-invalid");
		expect(anonymous.get("/api/v1/stats/regions/" + YUNNAN + "?from=2026-05-01&to=2026-04-01"), 400, "flows.span");
	}

	@Test
	void theOpenApiDocumentDescribesTheOpenStatisticsWithoutAToken() {
		OpenApiDocument document = OpenApiDocument.of(personas.port());
		for (String path : List.of("/api/v1/stats/regions/{code}", "/api/v1/stats/regions/{code}.csv")) {
			JsonNode operation = document.operation("GET", path);
			assertThat(operation).as(path).isNotNull();
			assertThat(operation.path("security").isMissingNode() || operation.get("security").isEmpty()).as(path).isTrue();
			assertThat(operation.path("responses").has("404")).isTrue();
		}
		Http.Response response = Http.api(personas.port()).get("/api/v1/stats/regions/" + YUNNAN + query);
		assertThat(document.check("GET", "/api/v1/stats/regions/{code}", response)).isEmpty();
		assertThat(document.operation("POST", "/api/v1/insight/reports")).isNotNull();
	}

	private static void assertFigure(JsonNode shown, Amount expected, boolean published) {
		assertThat(shown.get("count").asLong()).isEqualTo(expected.count());
		JsonNode value = shown.get("value");
		if (published) {
			assertThat(value.asString()).isEqualTo(expected.value().yuan());
		}
		else {
			assertThat(value == null || value.isNull()).as("no money for a kind not published").isTrue();
		}
	}

	private static void expect(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.code()).isEqualTo(code);
	}

	private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + personas.port() + path));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
