package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;

/** The API's promises: tokens, identity, and every error a problem detail with a stable code in the caller's language. */
@KejiaoIntegrationTest
class ApiContractTests {

	@LocalServerPort
	int port;

	@Test
	void aScriptGetsATokenAndSeesWhoItIs() {
		var issued = Http.api(port).post("/api/v1/auth/tokens", Map.of("username", "ent-ws", "password", "kejiao-demo"));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(token).startsWith("kj_").hasSizeGreaterThan(40);
		assertThat(Instant.parse(issued.json().get("expiresAt").asString())).isAfter(Instant.now());

		var me = Http.api(port).token(token).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("ent-ws");
		assertThat(me.json().get("roles").get(0).asString()).isEqualTo("ENTERPRISE");
		assertThat(me.json().get("organisation").asString()).isEqualTo("文山绿色铝材氧化铝有限公司");
		assertThat(me.json().get("regionCode").asString()).isEqualTo("532600");
	}

	@Test
	void aRegionAdminsRegionIsTheRegionItGoverns() {
		var me = Http.as(port, "jd-admin").get("/api/v1/me");
		assertThat(me.json().get("roles").get(0).asString()).isEqualTo("REGION_ADMIN");
		assertThat(me.json().get("regionCode").asString()).isEqualTo("310114");
	}

	@Test
	void aWrongPasswordOrAnUnknownTokenIsRefused() {
		var wrong = Http.api(port).post("/api/v1/auth/tokens", Map.of("username", "expert-sh", "password", "guess"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.code()).isEqualTo("auth.bad-credentials");
		assertThat(wrong.contentType()).startsWith("application/problem+json");

		var forged = Http.api(port).token("kj_forged").get("/api/v1/me");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("auth.token-invalid");
	}

	@Test
	void malformedJsonIsABadRequestWithItsCode() {
		var response = Http.api(port).send("POST", "/api/v1/auth/tokens", "application/json", "{\"username\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("request.malformed");
		assertThat(response.json().get("detail").asString()).contains("JSON");
	}

	@Test
	void missingFieldsAreNamed() {
		var response = Http.api(port).post("/api/v1/auth/tokens", Map.of("username", "ent-ws"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("request.invalid-fields");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("password");
	}

	@Test
	void valuesOfTheWrongTypeAreBadRequests() {
		Http admin = Http.as(port, "admin");
		var badEnum = admin.get("/api/v1/organisations?status=MAYBE");
		assertThat(badEnum.status()).isEqualTo(400);
		assertThat(badEnum.code()).isEqualTo("request.invalid-parameter");

		var badId = admin.get("/api/v1/organisations/not-a-uuid");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.code()).isEqualTo("request.invalid-parameter");

		var badVerdict = admin.post("/api/v1/organisations/00000000-0000-0000-0000-000000000000/decision",
				Map.of("verdict", "MAYBE"));
		assertThat(badVerdict.status()).isEqualTo(400);
		assertThat(badVerdict.code()).isEqualTo("request.malformed");

		var badPage = admin.get("/api/v1/audit?page=first");
		assertThat(badPage.status()).isEqualTo(400);
	}

	@Test
	void unknownThingsAreNotFound() {
		Http admin = Http.as(port, "admin");
		var region = admin.get("/api/v1/regions/999999");
		assertThat(region.status()).isEqualTo(404);
		assertThat(region.code()).isEqualTo("region.not-found");

		var organisation = admin.get("/api/v1/organisations/00000000-0000-0000-0000-000000000000");
		assertThat(organisation.status()).isEqualTo(404);
		assertThat(organisation.code()).isEqualTo("organisation.not-found");

		var path = admin.get("/api/v1/no-such-thing");
		assertThat(path.status()).isEqualTo(404);
		assertThat(path.code()).isEqualTo("request.not-found");
	}

	@Test
	void wrongMethodsAndMediaTypesAreClientErrors() {
		Http admin = Http.as(port, "admin");
		var method = admin.send("DELETE", "/api/v1/me", null, null);
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.code()).isEqualTo("request.method-not-allowed");

		var media = Http.api(port).send("POST", "/api/v1/auth/tokens", "text/plain", "ent-ws:kejiao-demo");
		assertThat(media.status()).isEqualTo(415);
		assertThat(media.code()).isEqualTo("request.unsupported-media-type");
	}

	@Test
	void problemsSpeakTheCallersLanguageChineseFirst() {
		var chinese = Http.api(port).get("/api/v1/regions/990000");
		assertThat(chinese.json().get("detail").asString()).isEqualTo("区划代码 990000 不存在。");
		assertThat(chinese.json().get("title").asString()).isEqualTo("未找到");

		var english = Http.api(port).language("en-GB,en;q=0.8").get("/api/v1/regions/990000");
		assertThat(english.json().get("detail").asString()).isEqualTo("There is no region with code 990000.");
		assertThat(english.code()).isEqualTo(chinese.code());

		var unsupported = Http.api(port).language("fr-FR").get("/api/v1/regions/990000");
		assertThat(unsupported.json().get("detail").asString()).isEqualTo("区划代码 990000 不存在。");
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		var document = Http.api(port).get("/v3/api-docs");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("paths").propertyNames()).contains("/api/v1/me", "/api/v1/auth/tokens",
				"/api/v1/regions/{code}", "/api/v1/regions/{code}/children", "/api/v1/organisations/{id}/decision");
		assertThat(Http.api(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void healthAndMetricsAreServed() {
		var health = Http.api(port).get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		var metrics = Http.api(port).get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
	}
}
