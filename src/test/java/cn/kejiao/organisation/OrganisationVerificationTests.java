package cn.kejiao.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Self-service registration, verification by the right region admin, public notice, and the audit trail of each step. */
@KejiaoIntegrationTest
class OrganisationVerificationTests {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRegisteredEnterpriseWaitsForItsRegionAdminWhoVerifiesIt() {
		Registration registration = register("532628", "ENTERPRISE");
		assertThat(registration.response.status()).isEqualTo(201);
		assertThat(registration.response.json().get("status").asString()).isEqualTo("PENDING");

		var me = Http.as(port, registration.username, "Str0ng-pass!").get("/api/v1/me");
		assertThat(me.json().get("roles").get(0).asString()).isEqualTo("ENTERPRISE");
		assertThat(me.json().get("regionCode").asString()).isEqualTo("532628");

		var decided = Http.as(port, "ws-admin").post("/api/v1/organisations/" + registration.id + "/decision",
				Map.of("verdict", "APPROVE", "noticeDays", 0));
		assertThat(decided.status()).isEqualTo(200);
		assertThat(decided.json().get("status").asString()).isEqualTo("VERIFIED");
		assertThat(decided.json().get("reviewedBy").asString()).isEqualTo("ws-admin");

		var again = Http.as(port, "ws-admin").post("/api/v1/organisations/" + registration.id + "/decision",
				Map.of("verdict", "REJECT", "reason", "重复审核"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("organisation.not-pending");

		JsonNode entries = Http.as(port, "yn-admin").get("/api/v1/audit?q=" + registration.id).json().get("items");
		assertThat(entries.findValuesAsString("action")).contains("organisation.registered", "organisation.verified");
		JsonNode verified = find(entries, "organisation.verified");
		assertThat(verified.get("actorUsername").asString()).isEqualTo("ws-admin");
		assertThat(verified.get("actorOrgName").asString()).isEqualTo("文山壮族苗族自治州科学技术局");
		assertThat(verified.get("before").asString().replace(" ", "")).contains("\"status\":\"PENDING\"");
		assertThat(verified.get("after").asString().replace(" ", "")).contains("\"status\":\"VERIFIED\"");
		assertThat(verified.get("clientAddress").asString()).isNotBlank();
		assertThat(Http.as(port, "sh-admin").get("/api/v1/audit?q=" + registration.id).json().get("total").asLong()).isZero();
	}

	@Test
	void aRejectionNeedsAReasonThatTheApplicantSees() {
		Registration registration = register("310114", "TESTING_AGENCY");
		Http jiading = Http.as(port, "jd-admin");
		var noReason = jiading.post("/api/v1/organisations/" + registration.id + "/decision", Map.of("verdict", "REJECT"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.code()).isEqualTo("organisation.reason-required");

		jiading.post("/api/v1/organisations/" + registration.id + "/decision",
				Map.of("verdict", "REJECT", "reason", "营业执照与信用代码不一致"));
		var own = Http.as(port, registration.username, "Str0ng-pass!").get("/api/v1/organisations/" + registration.id);
		assertThat(own.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(own.json().get("rejectionReason").asString()).isEqualTo("营业执照与信用代码不一致");
		assertThat(Http.as(port, registration.username, "Str0ng-pass!").get("/api/v1/me").json().get("roles").get(0).asString())
			.isEqualTo("PROVIDER");
	}

	@Test
	void theRegionsAdminsAreToldOfARegistrationAndItsUsersOfTheVerdictInTheirLanguage() {
		Registration verified = register("532627", "ENTERPRISE");
		String name = verified.response.json().get("name").asString();
		Http wenshan = Http.as(port, "ws-admin");
		JsonNode waiting = noticeAbout(wenshan, "/admin/organisations/" + verified.id);
		assertThat(waiting.get("title").asString()).isEqualTo("新机构“" + name + "”等待审核");
		assertThat(noticesAbout(Http.as(port, "yn-admin"), "/admin/organisations/" + verified.id)).isEmpty();

		wenshan.post("/api/v1/organisations/" + verified.id + "/decision", Map.of("verdict", "APPROVE", "noticeDays", 0));
		Http member = Http.as(port, verified.username, "Str0ng-pass!");
		assertThat(noticeAbout(member, "/me").get("title").asString()).isEqualTo("“" + name + "”已通过认证");
		assertThat(noticeAbout(member.language("en"), "/me").get("title").asString())
			.isEqualTo("\"" + name + "\" is verified");

		Registration rejected = register("310114", "TESTING_AGENCY");
		Http.as(port, "jd-admin").post("/api/v1/organisations/" + rejected.id + "/decision",
				Map.of("verdict", "REJECT", "reason", "营业执照已过期"));
		JsonNode rejection = noticeAbout(Http.as(port, rejected.username, "Str0ng-pass!"), "/me");
		assertThat(rejection.get("body").asString()).endsWith("原因：营业执照已过期");
	}

	/** The first notice the user has with the given link: listeners run after the commit, so it is waited for. */
	private static JsonNode noticeAbout(Http user, String link) {
		long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		List<JsonNode> found = noticesAbout(user, link);
		while (found.isEmpty() && System.nanoTime() < until) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			found = noticesAbout(user, link);
		}
		assertThat(found).as("a notice linking to " + link).isNotEmpty();
		return found.get(0);
	}

	private static List<JsonNode> noticesAbout(Http user, String link) {
		List<JsonNode> found = new ArrayList<>();
		user.get("/api/v1/notifications").json().forEach(n -> {
			if (link.equals(n.get("link").asString())) {
				found.add(n);
			}
		});
		return found;
	}

	@Test
	void withANoticePeriodTheOrganisationTakesEffectOnlyWhenTheNoticeEnds() {
		Registration registration = register("310114", "ENTERPRISE");
		var decided = Http.as(port, "sh-admin").post("/api/v1/organisations/" + registration.id + "/decision",
				Map.of("verdict", "APPROVE", "noticeDays", 5));
		assertThat(decided.json().get("status").asString()).isEqualTo("IN_NOTICE");
		assertThat(Http.api(port).get("/api/v1/organisations/notices").json().findValuesAsString("id"))
			.contains(registration.id.toString());
		assertThat(organisations.takeEffectDueNotices()).isZero();

		jdbc.update("update organisation.organisation set notice_ends_at = now() - interval '1 minute' where id = ?",
				registration.id);
		assertThat(organisations.takeEffectDueNotices()).isEqualTo(1);
		assertThat(organisations.takeEffectDueNotices()).isZero();
		assertThat(organisations.find(registration.id).orElseThrow().status()).isEqualTo(OrganisationStatus.VERIFIED);
		assertThat(Http.api(port).get("/api/v1/organisations/notices").json().findValuesAsString("id"))
			.doesNotContain(registration.id.toString());
	}

	@Test
	void aWrongCreditCodeIsRefusedWithTheRuleItBreaks() {
		String first17 = "91532628MA" + digits(6) + "0";
		char right = CreditCode.checkCharacter(first17);
		char wrong = right == '0' ? '1' : '0';
		var response = Http.api(port).post("/api/v1/registrations", body(first17 + wrong, "532628", "ENTERPRISE", "bad" + digits(6)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("organisation.credit-code.check-character");
		assertThat(response.json().get("detail").asString()).contains("第 18 位应为“" + right + "”");

		var english = Http.api(port).language("en").post("/api/v1/registrations",
				body("91532628MA12", "532628", "ENTERPRISE", "bad" + digits(6)));
		assertThat(english.code()).isEqualTo("organisation.credit-code.length");
		assertThat(english.json().get("detail").asString()).contains("this one has 12");
	}

	@Test
	void aCreditCodeIsRegisteredOnlyOnceAndNothingIsLeftBehind() {
		Registration first = register("500112", "ENTERPRISE");
		String username = "dup" + digits(6);
		var second = Http.api(port).post("/api/v1/registrations", body(first.creditCode, "500112", "ENTERPRISE", username));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("organisation.credit-code.taken");
		assertThat(Http.api(port).post("/api/v1/auth/tokens", Map.of("username", username, "password", "Str0ng-pass!"))
			.status()).isEqualTo(401);
	}

	@Test
	void governmentBodiesCannotRegisterThemselves() {
		String first17 = "11532628MA" + digits(6) + "0";
		var response = Http.api(port).post("/api/v1/registrations",
				body(first17 + CreditCode.checkCharacter(first17), "532628", "GOVERNMENT", "gov" + digits(6)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("organisation.type-not-self-service");
	}

	@Test
	void twoAdminsApprovingAtOnceDecideOnce() throws Exception {
		Registration registration = register("532601", "ENTERPRISE");
		Http wenshan = Http.as(port, "ws-admin");
		Http yunnan = Http.as(port, "yn-admin");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (Http admin : List.of(wenshan, yunnan)) {
				calls.add(() -> admin.post("/api/v1/organisations/" + registration.id + "/decision",
						Map.of("verdict", "APPROVE", "noticeDays", 0)).status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : pool.invokeAll(calls)) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		JsonNode entries = Http.as(port, "admin").get("/api/v1/audit?action=organisation.verified&q=" + registration.id)
			.json();
		assertThat(entries.get("total").asLong()).isEqualTo(1);
	}

	record Registration(UUID id, String username, String creditCode, Http.Response response) {
	}

	private Registration register(String region, String type) {
		String first17 = "91" + region + "MA" + digits(6) + "0";
		String code = first17 + CreditCode.checkCharacter(first17);
		String username = "u" + digits(8);
		var response = Http.api(port).post("/api/v1/registrations", body(code, region, type, username));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return new Registration(UUID.fromString(response.json().get("id").asString()), username, code, response);
	}

	private static Map<String, Object> body(String creditCode, String region, String type, String username) {
		Map<String, Object> organisation = new LinkedHashMap<>();
		organisation.put("name", "测试机构" + digits(6));
		organisation.put("type", type);
		organisation.put("regionCode", region);
		organisation.put("creditCode", creditCode);
		organisation.put("contactName", "李工");
		organisation.put("contactPhone", "0876-1234567");
		organisation.put("contactEmail", username + "@example.cn");
		organisation.put("qualifications", List.of("TECH_SME"));
		Map<String, Object> user = Map.of("username", username, "password", "Str0ng-pass!", "displayName", "李工",
				"email", username + "@example.cn");
		return Map.of("organisation", organisation, "user", user);
	}

	private static JsonNode find(JsonNode entries, String action) {
		for (JsonNode entry : entries) {
			if (action.equals(entry.get("action").asString())) {
				return entry;
			}
		}
		throw new AssertionError("no " + action);
	}

	static String digits(int n) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < n; i++) {
			text.append(ThreadLocalRandom.current().nextInt(10));
		}
		return text.toString();
	}
}
