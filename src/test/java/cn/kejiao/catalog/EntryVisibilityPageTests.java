package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * The regression test of a leak: a zone-only instrument named by a published service was listed on the
 * service's public page although the instrument's own page answered 404 to the same reader.
 */
@KejiaoIntegrationTest
class EntryVisibilityPageTests {

	@LocalServerPort
	int port;

	@Test
	void aZoneOnlyInstrumentNamedByAPublicServiceIsListedOnlyToReadersInTheZone() {
		Http provider = Http.as(port, "provider-jd");
		String code = "INS-Z" + Markers.unique();
		String title = "区域内部共享的电镜" + code;
		var instrument = provider.post("/api/v1/catalog/instruments",
				Map.of("externalCode", code, "title", title, "confidentiality", "ZONE"));
		assertThat(instrument.status()).as(instrument.body()).isEqualTo(201);
		String instrumentId = instrument.json().get("id").asString();
		assertThat(provider.post("/api/v1/catalog/instruments/" + instrumentId + "/publish", Map.of()).status()).isEqualTo(200);
		var service = provider.post("/api/v1/catalog/services",
				Map.of("title", "电镜测试服务" + code, "details", Map.of("instruments", List.of(code))));
		assertThat(service.status()).as(service.body()).isEqualTo(201);
		String serviceId = service.json().get("id").asString();
		assertThat(provider.post("/api/v1/catalog/services/" + serviceId + "/publish", Map.of()).status()).isEqualTo(200);
		String page = "/catalog/entries/" + serviceId;

		assertThat(Http.browser(port).get(page).body()).contains("电镜测试服务" + code).doesNotContain(title);
		// 深圳 shares no cooperation zone with 上海
		NewOrganisation.Registered outside = NewOrganisation.enterprise("440305").pending(port);
		Http shenzhen = Http.browser(port);
		shenzhen.login(outside.username(), outside.password());
		assertThat(shenzhen.get(page).body()).contains("电镜测试服务" + code).doesNotContain(title);
		// 文山 shares 沪滇 with 上海
		Http wenshan = Http.browser(port);
		wenshan.login("ent-ws", "kejiao-demo");
		assertThat(wenshan.get(page).body()).contains(title, "/catalog/entries/" + instrumentId);
	}
}
