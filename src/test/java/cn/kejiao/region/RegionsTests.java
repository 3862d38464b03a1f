package cn.kejiao.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;

/** China's divisions as loaded from the shared data, and the zones of the founding agreements. */
@KejiaoIntegrationTest
class RegionsTests {

	@Autowired
	Regions regions;

	@LocalServerPort
	int port;

	@Test
	void everyProvinceLevelDivisionOfTheMainlandIsThere() {
		assertThat(regions.provinces()).hasSize(31).extracting(RegionView::name).contains("上海市", "云南省", "重庆市", "江苏省");
	}

	@Test
	void municipalDistrictsHangDirectlyBelowTheirMunicipality() {
		RegionView jiading = regions.get("310114");
		assertThat(jiading.name()).isEqualTo("嘉定区");
		assertThat(jiading.level()).isEqualTo(RegionLevel.COUNTY);
		assertThat(jiading.parentCode()).isEqualTo("310000");
		assertThat(regions.find("310100")).isEmpty();
	}

	@Test
	void aCountyKnowsItsAncestorsFromTheProvinceDown() {
		assertThat(regions.ancestors("532628")).extracting(RegionView::name).containsExactly("云南省", "文山壮族苗族自治州");
		assertThat(regions.fullName("532628")).isEqualTo("云南省 文山壮族苗族自治州 富宁县");
	}

	@Test
	void wenshanHasItsEightCounties() {
		assertThat(regions.children("532600")).extracting(RegionView::name)
			.containsExactly("文山市", "砚山县", "西畴县", "麻栗坡县", "马关县", "丘北县", "广南县", "富宁县");
	}

	@Test
	void containmentFollowsTheTree() {
		assertThat(regions.isWithin("532628", "530000")).isTrue();
		assertThat(regions.isWithin("532628", "532600")).isTrue();
		assertThat(regions.isWithin("532600", "532600")).isTrue();
		assertThat(regions.isWithin("310114", "530000")).isFalse();
		assertThat(regions.isWithin("530000", "532600")).isFalse();
		assertThat(regions.isWithin("999999", "530000")).isFalse();
	}

	@Test
	void theFoundingZonesCoverTheirMembersAndWhatLiesBelow() {
		assertThat(regions.zones()).extracting(ZoneView::name).containsExactlyInAnyOrder("长三角", "沪滇", "沪渝", "嘉昆太");
		assertThat(regions.zoneCovers("yrd", "320583")).isTrue();
		assertThat(regions.zoneCovers("hu-dian", "532628")).isTrue();
		assertThat(regions.zoneCovers("hu-dian", "320583")).isFalse();
		assertThat(regions.zoneCovers("jia-kun-tai", "310114")).isTrue();
		assertThat(regions.zoneCovers("jia-kun-tai", "310115")).isFalse();
		assertThat(regions.zone("hu-yu").regions()).extracting(RegionView::code).containsExactly("310000", "500000");
	}

	@Test
	void anUnknownCodeIsAProblemNotAnError() {
		assertThatThrownBy(() -> regions.get("990000")).isInstanceOfSatisfying(KejiaoException.class,
				ex -> assertThat(ex.code()).isEqualTo("region.not-found"));
	}

	@Test
	void theApiAnswersWithCodeNameLevelAndParent() {
		Http anonymous = Http.api(port);
		var jiading = anonymous.get("/api/v1/regions/310114");
		assertThat(jiading.status()).isEqualTo(200);
		assertThat(jiading.json().get("code").asString()).isEqualTo("310114");
		assertThat(jiading.json().get("name").asString()).isEqualTo("嘉定区");
		assertThat(jiading.json().get("level").asString()).isEqualTo("COUNTY");
		assertThat(jiading.json().get("parentCode").asString()).isEqualTo("310000");

		var children = anonymous.get("/api/v1/regions/530000/children");
		assertThat(children.status()).isEqualTo(200);
		assertThat(children.json().findValuesAsString("code")).contains("530100", "532600");

		var inside = anonymous.get("/api/v1/regions/532628/within/530000");
		assertThat(inside.json().get("within").asBoolean()).isTrue();
	}

	@Test
	void onlyThePlatformAdminEditsZones() {
		Map<String, Object> zone = Map.of("name", "沪苏湖", "nameEn", "Shanghai–Suzhou–Huzhou", "description", "测试合作区",
				"regionCodes", List.of("310000", "320500", "330500"));
		assertThat(Http.as(port, "sh-admin").put("/api/v1/zones/hu-su-hu", zone).status()).isEqualTo(403);
		assertThat(Http.api(port).put("/api/v1/zones/hu-su-hu", zone).status()).isEqualTo(401);

		Http admin = Http.as(port, "admin");
		var saved = admin.put("/api/v1/zones/hu-su-hu", zone);
		assertThat(saved.status()).isEqualTo(200);
		assertThat(regions.zoneCovers("hu-su-hu", "330502")).isTrue();

		var unknownRegion = admin.put("/api/v1/zones/hu-su-hu",
				Map.of("name", "沪苏湖", "nameEn", "x", "description", "", "regionCodes", List.of("990000")));
		assertThat(unknownRegion.status()).isEqualTo(404);
		assertThat(unknownRegion.code()).isEqualTo("region.not-found");

		assertThat(admin.delete("/api/v1/zones/hu-su-hu").status()).isEqualTo(204);
		assertThat(Http.api(port).get("/api/v1/zones/hu-su-hu").status()).isEqualTo(404);
	}
}
