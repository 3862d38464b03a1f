package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/**
 * S&T commissioners: a region commissions an expert to serve an enterprise, a village or a county of its region; the
 * commissioner logs its service; the served side rates once; the region sees who serves where; nobody else finds
 * the commission.
 */
@KejiaoIntegrationTest
class CommissionTests {

	@Autowired
	Personas personas;

	@Autowired
	Commissions commissions;

	private CommissionView serveWenshanEnterprise() {
		return personas.as("ws-admin", () -> commissions.create(new Commissions.NewCommission("expert-cq",
				CommissionView.ServedKind.ENTERPRISE, personas.actor("ent-ws").organisationId(), null, null, "氧化铝工艺诊断",
				LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(11))));
	}

	@Test
	void theCommissionerLogsItsServiceAndTheServedEnterpriseRatesOnce() {
		CommissionView commission = serveWenshanEnterprise();
		assertThat(commission.active()).isTrue();
		assertThat(commission.servedRegion()).isEqualTo("532600");
		assertThat(commission.expertOrganisation()).isEqualTo("重庆两江新材料检测中心");

		var visit = personas.api("expert-cq").post("/api/v1/commissions/" + commission.id() + "/logs",
				Map.of("kind", "VISIT", "description", "走访溶出车间", "servedOn", LocalDate.now().minusDays(3).toString()));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		var training = personas.api("expert-cq").post("/api/v1/commissions/" + commission.id() + "/logs",
				Map.of("kind", "TRAINING", "description", "赤泥安全培训", "peopleTrained", 25));
		assertThat(training.status()).isEqualTo(201);
		var future = personas.api("expert-cq").post("/api/v1/commissions/" + commission.id() + "/logs",
				Map.of("kind", "VISIT", "description", "x", "servedOn", LocalDate.now().plusDays(3).toString()));
		assertThat(future.code()).isEqualTo("commission.log-date-outside");
		var someoneElse = personas.api("expert-sh").post("/api/v1/commissions/" + commission.id() + "/logs",
				Map.of("kind", "VISIT", "description", "x"));
		assertThat(someoneElse.status()).isEqualTo(404);
		var enterpriseLogs = personas.api("ent-ws").post("/api/v1/commissions/" + commission.id() + "/logs",
				Map.of("kind", "VISIT", "description", "x"));
		assertThat(enterpriseLogs.code()).isEqualTo("commission.commissioner-only");

		assertThatThrownBy(() -> personas.as("expert-cq", () -> commissions.rate(commission.id(), 5, "")))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("commission.served-only"));
		var rating = personas.api("ent-ws").post("/api/v1/commissions/" + commission.id() + "/rating",
				Map.of("stars", 4, "comment", "解决了溶出率问题"));
		assertThat(rating.status()).as(rating.body()).isEqualTo(201);
		var again = personas.api("ent-ws").post("/api/v1/commissions/" + commission.id() + "/rating", Map.of("stars", 5));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("commission.already-rated");
		var outOfRange = personas.api("ent-ws").post("/api/v1/commissions/" + serveWenshanEnterprise().id() + "/rating",
				Map.of("stars", 6));
		assertThat(outOfRange.code()).isEqualTo("commission.stars-invalid");

		CommissionView seen = personas.as("ws-admin", () -> commissions.get(commission.id()));
		assertThat(seen.log()).hasSize(2);
		assertThat(seen.peopleTrained()).isEqualTo(25);
		assertThat(seen.rating().stars()).isEqualTo(4);
		assertThat(personas.api("ent-ws").get("/api/v1/commissions/" + commission.id() + "/logs").json().size()).isEqualTo(2);
	}

	@Test
	void onlyTheRegionsAdminsTheCommissionerAndTheServedSideFindACommission() {
		CommissionView commission = serveWenshanEnterprise();
		for (String reader : new String[] { "ws-admin", "yn-admin", "admin", "expert-cq", "ent-ws" }) {
			assertThat(personas.api(reader).get("/api/v1/commissions/" + commission.id()).status()).as(reader).isEqualTo(200);
		}
		for (String stranger : new String[] { "sh-admin", "cq-admin", "ent-jd", "expert-sh", "provider-yn" }) {
			var response = personas.api(stranger).get("/api/v1/commissions/" + commission.id());
			assertThat(response.status()).as(stranger).isEqualTo(404);
			assertThat(response.code()).isEqualTo("commission.not-found");
		}
		var outside = personas.api("sh-admin").post("/api/v1/commissions", Map.of("expert", "expert-sh", "servedKind",
				"COUNTY", "servedRegion", "532628", "startsOn", "2026-01-01", "endsOn", "2026-12-31"));
		assertThat(outside.status()).isEqualTo(403);
		assertThat(outside.code()).isEqualTo("commission.region-forbidden");
		var notAnExpert = personas.api("ws-admin").post("/api/v1/commissions", Map.of("expert", "ent-jd", "servedKind",
				"COUNTY", "servedRegion", "532628", "startsOn", "2026-01-01", "endsOn", "2026-12-31"));
		assertThat(notAnExpert.code()).isEqualTo("commission.expert-unknown");
		var enterprise = personas.api("ent-ws").post("/api/v1/commissions", Map.of());
		assertThat(enterprise.code()).isEqualTo("commission.admin-only");
		assertThat(personas.api("ent-ws").get("/api/v1/commissions/map").code()).isEqualTo("commission.admin-only");
		assertThat(personas.api("ws-admin").get("/api/v1/commissions/map?region=530000").code())
			.isEqualTo("auth.region-forbidden");
		assertThat(personas.as("expert-cq", () -> commissions.list(null))).extracting(CommissionView::id)
			.contains(commission.id());
		assertThat(personas.as("sh-admin", () -> commissions.list(null))).extracting(CommissionView::id)
			.doesNotContain(commission.id());
	}

	@Test
	void theMapListsWhoServesWherePerCountyWithLogsAndPeopleTrained() {
		CommissionView village = personas.as("ws-admin", () -> commissions.create(new Commissions.NewCommission("expert-cq",
				CommissionView.ServedKind.VILLAGE, null, "谷拉乡测试村", "532628", "三七", LocalDate.now().minusMonths(2),
				LocalDate.now().plusMonths(10))));
		personas.as("expert-cq", () -> commissions.log(village.id(), new Commissions.NewLogEntry(null,
				CommissionView.LogKind.TRAINING, "三七种植培训", 30, "https://example.cn/photo.jpg")));
		assertThat(personas.as("ws-admin", () -> commissions.rate(village.id(), 5, "好")).stars()).isEqualTo(5);

		CommissionMap map = personas.as("ws-admin", () -> commissions.map(null));
		assertThat(map.regionCode()).isEqualTo("532600");
		CommissionMap.Place funing = map.places().stream().filter(p -> p.regionCode().equals("532628")).findFirst()
			.orElseThrow();
		assertThat(funing.regionName()).contains("富宁县");
		assertThat(funing.commissioners()).extracting(CommissionMap.Commissioner::servedName).contains("谷拉乡测试村");
		CommissionMap direct = personas.as("ws-admin", () -> commissions.map("532628"));
		assertThat(direct.places()).singleElement().satisfies(p -> {
			assertThat(p.logs()).isEqualTo(personas.as("ws-admin", () -> commissions.list("532628")).stream()
				.filter(c -> c.servedRegion().equals("532628")).mapToLong(c -> c.log().size()).sum());
			assertThat(p.peopleTrained()).isGreaterThanOrEqualTo(30);
			assertThat(p.active()).isGreaterThanOrEqualTo(1);
		});

		var json = personas.api("ws-admin").get("/api/v1/commissions/map?region=532628");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("places").get(0).get("regionCode").asString()).isEqualTo("532628");
		assertThat(json.json().get("places").get(0).get("commissioners").size()).isGreaterThanOrEqualTo(1);

		var page = personas.browser("ws-admin").get("/commissions");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("commission-map", "谷拉乡测试村");
		assertThat(personas.browser("expert-cq").get("/commissions/" + village.id()).body()).contains("log-form");
		assertThat(personas.browser("ws-admin").get("/commissions/new").status()).isEqualTo(200);
	}
}
