package cn.kejiao.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.NewOrganisation.Registered;
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
		Registered registration = NewOrganisation.enterprise("532628").pending(port);
		assertThat(registration.api().get("/api/v1/organisations/" + registration.id()).json().get("status").asString())
			.isEqualTo("PENDING");

		var me = Http.as(port, registration.username(), NewOrganisation.PASSWORD).get("/api/v1/me");
		assertThat(me.json().get("roles").get(0).asString()).isEqualTo("ENTERPRISE");
		assertThat(me.json().get("regionCode").asString()).isEqualTo("532628");

		var decided = Http.as(port, "ws-admin").post("/api/v1/organisations/" + registration.id() + "/decision",
				Map.of("verdict", "APPROVE", "noticeDays", 0));
		assertThat(decided.status()).isEqualTo(200);
		assertThat(decided.json().get("status").asString()).isEqualTo("VERIFIED");
		assertThat(decided.json().get("reviewedBy").asString()).isEqualTo("ws-admin");

		var again = Http.as(port, "ws-admin").post("/api/v1/organisations/" + registration.id() + "/decision",
				Map.of("verdict", "REJECT", "reason", "重复审核"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("organisation.not-pending");

		JsonNode entries = Http.as(port, "yn-admin").get("/api/v1/audit?q=" + registration.id()).json().get("items");
		assertThat(entries.findValuesAsString("action")).contains("organisation.registered", "organisation.verified");
		JsonNode verified = find(entries, "organisation.verified");
		assertThat(verified.get("actorUsername").asString()).isEqualTo("ws-admin");
		assertThat(verified.get("actorOrgName").asString()).isEqualTo("文山壮族苗族自治州科学技术局");
		assertThat(verified.get("before").asString().replace(" ", "")).contains("\"status\":\"PENDING\"");
		assertThat(verified.get("after").asString().replace(" ", "")).contains("\"status\":\"VERIFIED\"");
		assertThat(verified.get("clientAddress").asString()).isNotBlank();
		assertThat(Http.as(port, "sh-admin").get("/api/v1/audit?q=" + registration.id()).json().get("total").asLong()).isZero();
	}

	@Test
	void aRejectionNeedsAReasonThatTheApplicantSees() {
		Registered registration = NewOrganisation.of("TESTING_AGENCY", "310114").pending(port);
		Http jiading = Http.as(port, "jd-admin");
		var noReason = jiading.post("/api/v1/organisations/" + registration.id() + "/decision", Map.of("verdict", "REJECT"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.code()).isEqualTo("organisation.reason-required");

		jiading.post("/api/v1/organisations/" + registration.id() + "/decision",
				Map.of("verdict", "REJECT", "reason", "营业执照与信用代码不一致"));
		var own = Http.as(port, registration.username(), NewOrganisation.PASSWORD).get("/api/v1/organisations/" + registration.id());
		assertThat(own.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(own.json().get("rejectionReason").asString()).isEqualTo("营业执照与信用代码不一致");
		assertThat(Http.as(port, registration.username(), NewOrganisation.PASSWORD).get("/api/v1/me").json().get("roles").get(0).asString())
			.isEqualTo("PROVIDER");
	}

	@Test
	void theRegionsAdminsAreToldOfARegistrationAndItsUsersOfTheVerdictInTheirLanguage() {
		Registered verified = NewOrganisation.of("ENTERPRISE", "532627").pending(port);
		String name = verified.name();
		Http wenshan = Http.as(port, "ws-admin");
		JsonNode waiting = noticeAbout(wenshan, "/admin/organisations/" + verified.id());
		assertThat(waiting.get("title").asString()).isEqualTo("新机构“" + name + "”等待审核");
		assertThat(noticesAbout(Http.as(port, "yn-admin"), "/admin/organisations/" + verified.id())).isEmpty();

		wenshan.post("/api/v1/organisations/" + verified.id() + "/decision", Map.of("verdict", "APPROVE", "noticeDays", 0));
		Http member = Http.as(port, verified.username(), NewOrganisation.PASSWORD);
		assertThat(noticeAbout(member, "/me").get("title").asString()).isEqualTo("“" + name + "”已通过认证");
		assertThat(noticeAbout(member.language("en"), "/me").get("title").asString())
			.isEqualTo("\"" + name + "\" is verified");

		Registered rejected = NewOrganisation.of("TESTING_AGENCY", "310114").pending(port);
		Http.as(port, "jd-admin").post("/api/v1/organisations/" + rejected.id() + "/decision",
				Map.of("verdict", "REJECT", "reason", "营业执照已过期"));
		JsonNode rejection = noticeAbout(Http.as(port, rejected.username(), NewOrganisation.PASSWORD), "/me");
		assertThat(rejection.get("body").asString()).endsWith("原因：营业执照已过期");
	}

	/** The first notice the user has with the given link: listeners run after the commit, so it is waited for. */
	private static JsonNode noticeAbout(Http user, String link) {
		return Eventually.await(Duration.ofSeconds(20), () -> noticesAbout(user, link).stream().findFirst().orElse(null));
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
		Registered registration = NewOrganisation.of("ENTERPRISE", "310114").pending(port);
		var decided = Http.as(port, "sh-admin").post("/api/v1/organisations/" + registration.id() + "/decision",
				Map.of("verdict", "APPROVE", "noticeDays", 5));
		assertThat(decided.json().get("status").asString()).isEqualTo("IN_NOTICE");
		assertThat(Http.api(port).get("/api/v1/organisations/notices").json().findValuesAsString("id"))
			.contains(registration.id().toString());
		assertThat(organisations.takeEffectDueNotices()).isZero();

		jdbc.update("update organisation.organisation set notice_ends_at = now() - interval '1 minute' where id = ?",
				registration.id());
		assertThat(organisations.takeEffectDueNotices()).isEqualTo(1);
		assertThat(organisations.takeEffectDueNotices()).isZero();
		assertThat(organisations.find(registration.id()).orElseThrow().status()).isEqualTo(OrganisationStatus.VERIFIED);
		assertThat(Http.api(port).get("/api/v1/organisations/notices").json().findValuesAsString("id"))
			.doesNotContain(registration.id().toString());
	}

	@Test
	void aWrongCreditCodeIsRefusedWithTheRuleItBreaks() {
		String first17 = "91532628MA" + Markers.digits(6) + "0";
		char right = CreditCode.checkCharacter(first17);
		char wrong = right == '0' ? '1' : '0';
		var response = Http.api(port).post("/api/v1/registrations", withCreditCode(NewOrganisation.enterprise("532628"), first17 + wrong));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("organisation.credit-code.check-character");
		assertThat(response.json().get("detail").asString()).contains("第 18 位应为“" + right + "”");

		var english = Http.api(port).language("en").post("/api/v1/registrations",
				withCreditCode(NewOrganisation.enterprise("532628"), "91532628MA12"));
		assertThat(english.code()).isEqualTo("organisation.credit-code.length");
		assertThat(english.json().get("detail").asString()).contains("this one has 12");
	}

	@Test
	void aCreditCodeIsRegisteredOnlyOnceAndNothingIsLeftBehind() {
		Registered first = NewOrganisation.of("ENTERPRISE", "500112").pending(port);
		String username = "dup" + Markers.digits(6);
		var second = Http.api(port).post("/api/v1/registrations", withCreditCode(NewOrganisation.enterprise("500112").user(username), first.creditCode()));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("organisation.credit-code.taken");
		assertThat(Http.api(port).post("/api/v1/auth/tokens", Map.of("username", username, "password", NewOrganisation.PASSWORD))
			.status()).isEqualTo(401);
	}

	@Test
	void governmentBodiesCannotRegisterThemselves() {
		String first17 = "11532628MA" + Markers.digits(6) + "0";
		var response = Http.api(port).post("/api/v1/registrations",
				withCreditCode(NewOrganisation.of("GOVERNMENT", "532628"), first17 + CreditCode.checkCharacter(first17)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("organisation.type-not-self-service");
	}

	@Test
	void twoAdminsApprovingAtOnceDecideOnce() throws Exception {
		Registered registration = NewOrganisation.of("ENTERPRISE", "532601").pending(port);
		Http wenshan = Http.as(port, "ws-admin");
		Http yunnan = Http.as(port, "yn-admin");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (Http admin : List.of(wenshan, yunnan)) {
				calls.add(() -> admin.post("/api/v1/organisations/" + registration.id() + "/decision",
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
		JsonNode entries = Http.as(port, "admin").get("/api/v1/audit?action=organisation.verified&q=" + registration.id())
			.json();
		assertThat(entries.get("total").asLong()).isEqualTo(1);
	}

	/** A registration's body with the credit code replaced, for the codes the registration must refuse. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> withCreditCode(NewOrganisation organisation, String creditCode) {
		Map<String, Object> body = new LinkedHashMap<>(organisation.body());
		Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) body.get("organisation"));
		fields.put("creditCode", creditCode);
		body.put("organisation", fields);
		return body;
	}

	private static JsonNode find(JsonNode entries, String action) {
		for (JsonNode entry : entries) {
			if (action.equals(entry.get("action").asString())) {
				return entry;
			}
		}
		throw new AssertionError("no " + action);
	}
}
