package cn.kejiao.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.insight.Amount;
import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightReadModel;
import cn.kejiao.insight.KindFigures;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * The insight API over HTTP: the figures it answers are the read model's figures of the region, a region admin reads
 * its region and below and is refused every other region (figures, trends, flows, drill-down rows and every
 * download), the platform admin reads the whole country, anonymous callers nothing. The demo data has a confirmed
 * order of 文山's ent-ws from 嘉定's provider-jd: a flow from 上海 to 云南.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightApiTests {

	static final String YUNNAN = "530000";
	static final String WENSHAN = "532600";
	static final String SHANGHAI = "310000";

	@Autowired
	Personas personas;

	@Autowired
	InsightReadModel readModel;

	@Autowired
	InsightFigures insightFigures;

	LocalDate from;
	LocalDate to;

	@BeforeAll
	void readModelIsCurrent() {
		readModel.refresh();
		to = LocalDate.now(ChinaTime.ZONE);
		from = to.minusYears(2).withDayOfYear(1);
	}

	@Test
	void theFiguresOfTheApiAreTheReadModelsFiguresOfTheRegion() {
		Http.Response response = personas.api("yn-admin").get(
				"/api/v1/insight/regions/" + YUNNAN + "/figures?from=" + from + "&to=" + to);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.path("regionName").asString()).isEqualTo("云南省");
		List<KindFigures> expected = insightFigures.figures(YUNNAN, from, to);
		assertThat(body.path("figures").size()).isEqualTo(expected.size()).isPositive();
		for (int i = 0; i < expected.size(); i++) {
			KindFigures kind = expected.get(i);
			JsonNode figure = body.path("figures").get(i);
			assertThat(figure.path("kind").asString()).isEqualTo(kind.kind().name());
			assertThat(figure.path("source").asString()).as(kind.kind().name()).isNotBlank();
			same(figure.path("served"), kind.served(), kind.kind().name());
			same(figure.path("serving"), kind.serving(), kind.kind().name());
			same(figure.path("inside"), kind.inside(), kind.kind().name());
		}
		JsonNode orders = figure(body, "ORDERS");
		assertThat(orders.path("served").path("count").asLong()).as("orders 云南's enterprises placed").isPositive();
		assertThat(orders.path("served").path("value").asString()).matches("\\d+\\.\\d{2}");
	}

	@Test
	void theFlowsRunFromShanghaiToYunnanWithNames() {
		Http.Response response = personas.api("yn-admin").get(
				"/api/v1/insight/regions/" + YUNNAN + "/flows?kind=ORDERS&level=province&from=" + from + "&to=" + to);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode shanghai = null;
		for (JsonNode pair : response.json().path("pairs")) {
			if (pair.path("servingRegion").asString().equals(SHANGHAI) && pair.path("servedRegion").asString().equals(YUNNAN)) {
				shanghai = pair;
			}
		}
		assertThat(shanghai).as("a flow from 上海 to 云南").isNotNull();
		assertThat(shanghai.path("servingName").asString()).isEqualTo("上海市");
		assertThat(shanghai.path("servedName").asString()).isEqualTo("云南省");
		assertThat(shanghai.path("count").asLong()).isPositive();
		Http.Response byDefault = personas.api("yn-admin").get("/api/v1/insight/regions/" + YUNNAN + "/flows");
		assertThat(byDefault.json().path("level").asString()).isEqualTo("prefecture");
		assertThat(byDefault.json().path("kind").asString()).isEqualTo("ORDERS");
		Http.Response trends = personas.api("yn-admin").get("/api/v1/insight/regions/" + YUNNAN + "/trends?from=" + from);
		assertThat(trends.status()).isEqualTo(200);
		assertThat(trends.json().path("months").size()).isGreaterThanOrEqualTo(25);
		assertThat(trends.json().path("rows").toString()).contains("ORDERS");
	}

	@Test
	void aRegionAdminIsRefusedARegionOutsideItsOwnEverywhere() {
		for (String admin : List.of("ws-admin", "yn-admin")) {
			Http api = personas.api(admin);
			for (String path : List.of("/figures", "/trends", "/flows?kind=ORDERS", "/drill?figure=ORDERS&side=served")) {
				Http.Response response = api.get("/api/v1/insight/regions/" + SHANGHAI + path);
				assertThat(response.status()).as(admin + " " + path).isEqualTo(403);
				assertThat(response.code()).isEqualTo("insight.scope");
			}
			assertThat(api.get("/api/v1/insight/regions/" + InsightFigures.NATION + "/figures").status()).isEqualTo(403);
			Http browser = personas.browser(admin);
			for (String path : List.of("/figures.xlsx", "/trends.xlsx", "/flows.xlsx?kind=ORDERS",
					"/drill.xlsx?figure=ORDERS&side=served", "/drill?figure=ORDERS&side=served")) {
				assertThat(browser.get("/insight/regions/" + SHANGHAI + path).status()).as(admin + " " + path).isEqualTo(403);
			}
		}
		Http wenshan = personas.api("ws-admin");
		assertThat(wenshan.get("/api/v1/insight/regions/" + YUNNAN + "/figures").status()).as("the province above").isEqualTo(403);
		Http.Response outside = wenshan.get("/api/v1/insight/regions/" + WENSHAN
				+ "/drill?figure=ORDERS&side=served&served=" + SHANGHAI);
		assertThat(outside.status()).as("a filter outside its own side").isEqualTo(403);
		assertThat(outside.code()).isEqualTo("insight.scope");
		assertThat(wenshan.get("/api/v1/insight/regions/" + WENSHAN + "/figures").status()).isEqualTo(200);
	}

	@Test
	void theRowsBehindAFigureAreListedOrSaidToBeUnavailable() {
		Http.Response response = personas.api("yn-admin").get("/api/v1/insight/regions/" + YUNNAN
				+ "/drill?figure=ORDERS&side=served&serving=" + SHANGHAI + "&from=" + from + "&to=" + to);
		assertThat(response.status()).as(response.body()).isIn(200, 501);
		if (response.status() == 501) {
			assertThat(response.code()).isEqualTo("insight.drill-unavailable");
		}
		else {
			assertThat(response.json().path("items").size()).isPositive();
		}
	}

	@Test
	void thePlatformAdminReadsTheWholeCountryAndAnonymousCallersNothing() {
		Http.Response nation = personas.api("admin").get("/api/v1/insight/regions/" + InsightFigures.NATION + "/figures");
		assertThat(nation.status()).as(nation.body()).isEqualTo(200);
		assertThat(nation.json().path("regionName").asString()).isEqualTo("全国");
		assertThat(personas.api("admin").get("/api/v1/insight/regions/" + SHANGHAI + "/flows").json().path("level").asString())
			.isEqualTo("prefecture");
		assertThat(personas.api("admin").get("/api/v1/insight/regions/" + InsightFigures.NATION + "/flows").json()
			.path("level").asString()).isEqualTo("province");
		Http anonymous = Http.api(personas.port());
		for (String path : List.of("/figures", "/trends", "/flows", "/drill?figure=ORDERS")) {
			assertThat(anonymous.get("/api/v1/insight/regions/" + YUNNAN + path).status()).as(path).isIn(401, 403);
		}
	}

	@Test
	void badRegionsPeriodsAndKindsAreRefusedAsProblems() {
		Http admin = personas.api("admin");
		assertThat(admin.get("/api/v1/insight/regions/990000/figures").code()).isEqualTo("region.not-found");
		assertThat(admin.get("/api/v1/insight/regions/990000/figures").status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/insight/regions/53/figures").code()).isEqualTo("insight.region");
		assertThat(admin.get("/api/v1/insight/regions/530000/figures?from=2026-13-01").code()).isEqualTo("insight.date");
		assertThat(admin.get("/api/v1/insight/regions/530000/figures?from=2026-05-01&to=2026-04-01").code())
			.isEqualTo("flows.span");
		assertThat(admin.get("/api/v1/insight/regions/530000/flows?kind=NOPE").code()).isEqualTo("insight.kind");
		assertThat(admin.get("/api/v1/insight/regions/530000/flows?level=street").code()).isEqualTo("insight.level");
		assertThat(admin.get("/api/v1/insight/regions/530000/drill?figure=ORDERS&side=up").code()).isEqualTo("insight.side");
		Http.Response months = admin.get("/api/v1/insight/regions/530000/figures?from=2025-02&to=2025-03");
		assertThat(months.json().path("from").asString()).isEqualTo("2025-02-01");
		assertThat(months.json().path("to").asString()).isEqualTo("2025-03-31");
	}

	private static JsonNode figure(JsonNode body, String kind) {
		for (JsonNode figure : body.path("figures")) {
			if (figure.path("kind").asString().equals(kind)) {
				return figure;
			}
		}
		throw new AssertionError("no figure " + kind);
	}

	private static void same(JsonNode answered, Amount expected, String kind) {
		assertThat(answered.path("count").asLong()).as(kind).isEqualTo(expected.count());
		if (expected.value() == null) {
			assertThat(answered.path("value").isNull() || answered.path("value").isMissingNode()).as(kind).isTrue();
		}
		else {
			assertThat(answered.path("value").asString()).as(kind).isEqualTo(expected.value().yuan());
		}
	}
}
