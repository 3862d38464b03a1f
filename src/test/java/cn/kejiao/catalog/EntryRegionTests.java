package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * An entry's region is its organisation's: a provider cannot move an entry out of its admins' reach and into
 * another region's, neither on creating it nor by changing it.
 */
@KejiaoIntegrationTest
class EntryRegionTests {

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Autowired
	EntryRegions entryRegions;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void aProviderCannotMoveItsEntryToChongqingAndChongqingsAdminCannotTouchIt() {
		Http provider = Http.as(port, "provider-jd");
		Map<String, Object> body = new HashMap<>(Map.of("title", "台式扫描电镜" + Markers.unique(), "summary", "嘉定的电镜",
				"price", "100", "priceUnit", "HOUR"));
		var created = provider.post("/api/v1/catalog/instruments", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("regionCode").asString()).isEqualTo("310114");

		body.put("regionCode", "500000");
		var moved = provider.put("/api/v1/catalog/instruments/" + id, body);
		assertThat(moved.status()).isEqualTo(400);
		assertThat(moved.code()).isEqualTo("catalog.region-of-organisation");
		assertThat(provider.get("/api/v1/catalog/instruments/" + id).json().get("regionCode").asString())
			.isEqualTo("310114");
		assertThat(provider.post("/api/v1/catalog/instruments", body).code()).isEqualTo("catalog.region-of-organisation");

		// Chongqing's admin neither governs it nor sees it as its own; 嘉定's admin still does
		var foreign = Http.as(port, "cq-admin").post("/api/v1/catalog/instruments/" + id + "/suspend", Map.of());
		assertThat(foreign.status()).isIn(403, 404);
		assertThat(Http.as(port, "cq-admin").get("/api/v1/catalog/instruments/" + id).status()).isEqualTo(404);
		assertThat(Http.as(port, "jd-admin").get("/api/v1/catalog/instruments/" + id).status()).isEqualTo(200);

		// the organisation's own region may be named, and changes nothing
		body.put("regionCode", "310114");
		body.put("title", "台式扫描电镜（升级）" + Markers.unique());
		var same = provider.put("/api/v1/catalog/instruments/" + id, body);
		assertThat(same.status()).as(same.body()).isEqualTo(200);
		assertThat(same.json().get("regionCode").asString()).isEqualTo("310114");
	}

	@Test
	void anEntryMovedToAnotherRegionBeforeTheRuleGoesBackToItsOrganisationsRegion() {
		Http provider = Http.as(port, "provider-jd");
		String id = provider.post("/api/v1/catalog/instruments", Map.of("title", "X射线衍射仪" + Markers.unique(),
				"summary", "嘉定的衍射仪")).json().get("id").asString();
		provider.post("/api/v1/catalog/instruments/" + id + "/publish", Map.of());
		// as the old rule let an owner do
		jdbc.update("update catalog.entry set region_code = '500000' where id = ?::uuid", id);
		assertThat(Http.as(port, "cq-admin").post("/api/v1/catalog/instruments/" + id + "/suspend", Map.of()).status())
			.isEqualTo(200);
		Http.as(port, "cq-admin").post("/api/v1/catalog/instruments/" + id + "/reinstate", Map.of());

		assertThat(entryRegions.followOrganisations()).isGreaterThanOrEqualTo(1);
		assertThat(provider.get("/api/v1/catalog/instruments/" + id).json().get("regionCode").asString()).isEqualTo("310114");
		var foreign = Http.as(port, "cq-admin").post("/api/v1/catalog/instruments/" + id + "/suspend", Map.of());
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(Http.as(port, "admin").get("/api/v1/audit?action=catalog.region-followed").json().get("total").asLong())
			.isGreaterThanOrEqualTo(1);
	}
}
