package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.organisation.CreditCode;
import cn.kejiao.support.Http;
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
		String code = "INS-Z" + ThreadLocalRandom.current().nextInt(1_000_000);
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
		Http shenzhen = Http.browser(port);
		shenzhen.login(shenzhenUser(), "Str0ng-pass!");
		assertThat(shenzhen.get(page).body()).contains("电镜测试服务" + code).doesNotContain(title);
		// 文山 shares 沪滇 with 上海
		Http wenshan = Http.browser(port);
		wenshan.login("ent-ws", "kejiao-demo");
		assertThat(wenshan.get(page).body()).contains(title, "/catalog/entries/" + instrumentId);
	}

	private String shenzhenUser() {
		String first17 = "91440305MA" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)) + "0";
		String username = "sz" + ThreadLocalRandom.current().nextInt(10_000_000);
		var registered = Http.api(port).post("/api/v1/registrations", Map.of("organisation",
				Map.of("name", "深圳测试科技有限公司" + username, "type", "ENTERPRISE", "regionCode", "440305", "creditCode",
						first17 + CreditCode.checkCharacter(first17), "contactName", "陈工", "contactPhone", "0755-12345678",
						"contactEmail", "c@example.cn"),
				"user", Map.of("username", username, "password", "Str0ng-pass!", "displayName", "陈工", "email", "c@example.cn")));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return username;
	}
}
