package cn.kejiao.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * A demand whose owner hides its name: only the owner decides it, and everyone else — the region's admins
 * included — sees neither the name nor the county, in the API, on the pages, by a region filter and in the
 * notices of its matches.
 */
@KejiaoIntegrationTest
class HiddenNameTests {

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Test
	void aRegionAdminCannotRevealOrUnhideAndAnEditWithoutHideNameLeavesItHidden() {
		Http owner = Http.as(port, "ent-jd");
		Map<String, Object> body = demand("电池包热失控预警传感器" + Markers.unique());
		String id = owner.post("/api/v1/demands", body).json().get("id").asString();
		Http admin = Http.as(port, "jd-admin");

		var reveal = admin.post("/api/v1/demands/" + id + "/reveal", Map.of());
		assertThat(reveal.status()).isEqualTo(403);
		assertThat(reveal.code()).isEqualTo("demand.hide-name-owner-only");
		Map<String, Object> unhide = new HashMap<>(body);
		unhide.put("hideName", false);
		var unhidden = admin.put("/api/v1/demands/" + id, unhide);
		assertThat(unhidden.status()).isEqualTo(403);
		assertThat(unhidden.code()).isEqualTo("demand.hide-name-owner-only");

		// an edit that leaves hideName out changes nothing, by the admin or by the owner
		Map<String, Object> edit = new HashMap<>(body);
		edit.remove("hideName");
		edit.put("field", "汽车电子");
		assertThat(admin.put("/api/v1/demands/" + id, edit).status()).isEqualTo(200);
		assertThat(owner.put("/api/v1/demands/" + id, edit).json().get("hideName").asBoolean()).isTrue();
		JsonNode seen = Http.as(port, "provider-jd").get("/api/v1/demands/" + id).json();
		assertThat(seen.get("hideName").asBoolean()).isTrue();
		assertThat(seen.get("ownerName").asString()).doesNotContain("嘉定");

		// the owner reveals it
		assertThat(owner.post("/api/v1/demands/" + id + "/reveal", Map.of()).json().get("hideName").asBoolean()).isFalse();
		assertThat(Http.as(port, "provider-jd").get("/api/v1/demands/" + id).json().get("ownerName").asString())
			.contains("嘉定");
	}

	@Test
	void aHiddenDemandShowsItsPrefectureAtMostToEveryoneButItsOwner() {
		NewOrganisation.Registered funing = NewOrganisation.enterprise("532628").verified(port);
		Http owner = funing.api();
		String title = "三七皂苷提取工艺" + Markers.unique();
		String id = owner.post("/api/v1/demands", demand(title)).json().get("id").asString();

		JsonNode own = owner.get("/api/v1/demands/" + id).json();
		assertThat(own.get("ownerName").asString()).isEqualTo(funing.name());
		assertThat(own.get("regionCode").asString()).isEqualTo("532628");
		assertThat(own.get("owned").asBoolean()).isTrue();

		for (Http reader : List.of(Http.api(port), Http.as(port, "provider-yn"), Http.as(port, "ws-admin"),
				Http.as(port, "yn-admin"), Http.as(port, "admin"))) {
			var response = reader.get("/api/v1/demands/" + id);
			assertThat(response.status()).isEqualTo(200);
			JsonNode seen = response.json();
			assertThat(seen.get("regionCode").asString()).isEqualTo("532600");
			assertThat(seen.get("regionName").asString()).isEqualTo("云南省 文山壮族苗族自治州");
			assertThat(seen.get("ownerName").asString()).isEqualTo("某企业（文山壮族苗族自治州）");
			assertThat(seen.get("ownerOrgId").isNull()).isTrue();
			assertThat(seen.get("owned").asBoolean()).isFalse();
			assertThat(response.body()).doesNotContain("532628").doesNotContain("富宁").doesNotContain(funing.name())
				.doesNotContain(funing.username());
		}
		// the region's admins manage it all the same, without learning whose it is
		assertThat(Http.as(port, "ws-admin").get("/api/v1/demands/" + id).json().get("manageable").asBoolean()).isTrue();

		// a filter by the county does not find it; one by the prefecture does
		Http reader = Http.as(port, "provider-yn");
		assertThat(reader.get("/api/v1/demands?region=532628").json().findValuesAsString("title")).doesNotContain(title);
		assertThat(reader.get("/api/v1/demands?region=532600").json().findValuesAsString("title")).contains(title);
		assertThat(owner.get("/api/v1/demands?region=532628").json().findValuesAsString("title")).contains(title);

		// the pages, for a visitor and for the region's admin, who is not offered to reveal it
		String page = Http.browser(port).get("/demands/" + id).body();
		assertThat(page).contains("某企业（文山壮族苗族自治州）").doesNotContain("富宁").doesNotContain(funing.name());
		String adminPage = personas.browser("ws-admin").get("/demands/" + id).body();
		assertThat(adminPage).doesNotContain("富宁").doesNotContain(funing.name()).doesNotContain("demand-reveal");
		assertThat(Http.browser(port).get("/demands?q=" + java.net.URLEncoder.encode(title,
				java.nio.charset.StandardCharsets.UTF_8)).body()).contains(title).doesNotContain("富宁");
	}

	@Test
	void theOwnerOfAMatchIsToldThePrefectureOfAHiddenDemandNotItsCounty() {
		Http owner = NewOrganisation.enterprise("532628").verified(port).api();
		String marker = Markers.unique();
		Map<String, Object> body = new HashMap<>(Map.of("title", "低品位铝土矿生产氧化铝 " + marker, "description",
				"寻求低品位铝土矿选矿脱硅、拜耳法强化溶出生产氧化铝的中试技术，赤泥综合利用。", "keywords",
				List.of("低品位铝土矿", "氧化铝", "拜耳法"), "modes", List.of("LICENCE"), "hideName", true, "open", true));
		String demand = owner.post("/api/v1/demands", body).json().get("id").asString();
		Http provider = Http.as(port, "provider-yn");
		JsonNode told = Eventually.await(Duration.ofSeconds(10), () -> {
			for (JsonNode notice : provider.get("/api/v1/notifications").json()) {
				if (notice.get("link").asString().equals("/demands/" + demand)) {
					return notice;
				}
			}
			return null;
		});
		assertThat(told.get("body").asString()).contains("文山壮族苗族自治州").doesNotContain("富宁");
	}

	private static Map<String, Object> demand(String title) {
		return new HashMap<>(Map.of("title", title, "description", "寻求高可靠性的传感器设计与封装合作，满足车规级要求。",
				"keywords", List.of("传感器", "封装"), "modes", List.of("JOINT"), "hideName", true, "open", true));
	}
}
