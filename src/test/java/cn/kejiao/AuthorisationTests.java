package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.NewOrganisation;

/**
 * Every endpoint checks who may do what, and where: anonymous callers are turned away from everything
 * that is not public, roles are checked, and a region admin cannot act outside its region.
 */
@KejiaoIntegrationTest
class AuthorisationTests {

	/** What anyone may read or do without signing in. */
	static final Set<String> PUBLIC_API = Set.of("POST /api/v1/auth/tokens", "POST /api/v1/registrations",
			"GET /api/v1/regions", "GET /api/v1/regions/{code}", "GET /api/v1/regions/{code}/children",
			"GET /api/v1/regions/{code}/ancestors", "GET /api/v1/regions/{code}/within/{ancestor}", "GET /api/v1/zones",
			"GET /api/v1/zones/{code}", "GET /api/v1/organisations/notices", "GET /api/v1/search",
			"GET /api/v1/search/suggestions", "GET /api/v1/catalog/{types}/{id}", "GET /api/v1/catalog/exports",
			"GET /api/v1/catalog/imports/template", "GET /api/v1/catalog/categories", "GET /api/v1/demands",
			"GET /api/v1/demands/{id}", "GET /api/v1/catalog/entries/{id}/demands", "GET /api/v1/challenges",
			"GET /api/v1/challenges/{id}", "GET /api/v1/challenges/{id}/results", "GET /api/v1/instruments/free",
			"GET /api/v1/instruments/{id}/availability", "GET /api/v1/auctions", "GET /api/v1/auctions/{lotId}",
			"GET /api/v1/auctions/{lotId}/bids", "GET /api/v1/auctions/{lotId}/events", "GET /api/v1/auction-sessions",
			"GET /api/v1/auction-sessions/{id}", "GET /api/v1/listings", "GET /api/v1/listings/{id}",
			"GET /api/v1/events", "GET /api/v1/events/{id}", "GET /api/v1/events/{id}/items",
			"GET /api/v1/events/{id}/follow-ups", "GET /api/v1/stats/regions/{code}",
			"GET /api/v1/stats/regions/{code}.csv");

	static final Set<String> PUBLIC_PAGES = Set.of("GET /", "GET /login", "GET /register", "POST /register",
			"GET /register/done", "GET /password/forgot", "POST /password/forgot", "GET /password/reset",
			"POST /password/reset", "GET /terms", "GET /privacy", "GET /notices", "GET /regions", "GET /regions/{code}/children", "GET /regions/options",
			"GET /zones", "GET /catalog", "GET /catalog/entries/{id}", "GET /catalog/suggestions", "GET /demands", "GET /demands/{id}", "GET /demands/for-entry/{entryId}", "GET /challenges", "GET /challenges/{id}", "GET /instruments/free", "GET /instruments/{id}/calendar", "GET /calendar/{token}.ics", "GET /listings", "GET /listings/{id}", "GET /auctions", "GET /auctions/sessions/{id}", "GET /auctions/lots/{id}", "GET /auctions/lots/{id}/live", "GET /events", "GET /events/{id}", "GET /insight", "GET /insight/regions/{code}", "GET /error", "POST /error", "PUT /error", "DELETE /error", "PATCH /error");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Organisations organisations;

	@LocalServerPort
	int port;

	@Test
	void anonymousCallersAreTurnedAwayFromEveryApiEndpointThatIsNotPublic() {
		List<String> checked = new ArrayList<>();
		for (String endpoint : endpoints()) {
			String[] parts = endpoint.split(" ", 2);
			if (!parts[1].startsWith("/api/") || PUBLIC_API.contains(endpoint)) {
				continue;
			}
			var response = Http.api(port).send(parts[0], concrete(parts[1]), "application/json", "{}");
			assertThat(response.status()).as(endpoint).isEqualTo(401);
			assertThat(response.code()).as(endpoint).isEqualTo("auth.required");
			checked.add(endpoint);
		}
		assertThat(checked).contains("GET /api/v1/me", "GET /api/v1/audit", "POST /api/v1/organisations/{id}/decision",
				"PUT /api/v1/zones/{code}", "GET /api/v1/agreements", "GET /api/v1/agreements/{id}/tasks",
				"POST /api/v1/agreements/{id}/tasks/{taskId}/progress", "GET /api/v1/agreements/{id}/figures",
				"POST /api/v1/projects", "GET /api/v1/projects/{id}/milestones",
				"POST /api/v1/projects/{id}/landings", "GET /api/v1/commissions/map", "POST /api/v1/commissions/{id}/logs");
	}

	@Test
	void anonymousVisitorsAreSentToSignInFromEveryPageThatIsNotPublic() {
		List<String> checked = new ArrayList<>();
		for (String endpoint : endpoints()) {
			String[] parts = endpoint.split(" ", 2);
			if (parts[1].startsWith("/api/") || PUBLIC_PAGES.contains(endpoint) || parts[1].startsWith("/v3/")
					|| parts[1].startsWith("/swagger-ui")) {
				continue;
			}
			var response = Http.browser(port).send(parts[0], concrete(parts[1]), "application/x-www-form-urlencoded", "");
			if (parts[0].equals("GET")) {
				assertThat(response.status()).as(endpoint).isEqualTo(302);
				assertThat(response.location()).as(endpoint).endsWith("/login");
			}
			else {
				assertThat(response.status()).as(endpoint + " without CSRF token").isEqualTo(403);
			}
			checked.add(endpoint);
		}
		assertThat(checked).contains("GET /admin/organisations", "GET /admin/audit", "GET /me",
				"POST /admin/organisations/{id}/decision", "GET /agreements", "GET /agreements/{id}",
				"POST /agreements/{id}/tasks/{taskId}/report",
				"GET /projects", "GET /projects/{id}", "GET /commissions",
				"POST /commissions/{id}/logs");
	}

	@Test
	void rolesDecideWhatASignedInUserMayDo() {
		Http enterprise = Http.as(port, "ent-ws");
		assertThat(enterprise.get("/api/v1/organisations").status()).isEqualTo(403);
		assertThat(enterprise.get("/api/v1/audit").status()).isEqualTo(403);
		assertThat(enterprise.put("/api/v1/zones/yrd", Map.of("name", "x", "nameEn", "x", "regionCodes", List.of("310000")))
			.status()).isEqualTo(403);
		assertThat(enterprise.post("/api/v1/organisations", Map.of()).status()).isEqualTo(403);
		var pending = pendingIn("310115");
		var decision = enterprise.post("/api/v1/organisations/" + pending.id() + "/decision", Map.of("verdict", "APPROVE"));
		assertThat(decision.status()).isEqualTo(403);
		assertThat(decision.code()).isEqualTo("auth.forbidden");
		assertThat(organisations.find(pending.id()).orElseThrow().status()).isEqualTo(OrganisationStatus.PENDING);

		Http regionAdmin = Http.as(port, "sh-admin");
		var zone = regionAdmin.put("/api/v1/zones/yrd",
				Map.of("name", "长三角", "nameEn", "YRD", "regionCodes", List.of("310000")));
		assertThat(zone.status()).isEqualTo(403);
		var create = regionAdmin.post("/api/v1/organisations", Map.of("name", "某局", "type", "GOVERNMENT", "regionCode",
				"310000", "creditCode", NewOrganisation.creditCode("310000"),
				"contactName", "张三", "contactPhone", "021-12345678", "contactEmail", "a@b.cn"));
		assertThat(create.status()).isEqualTo(403);
	}

	@Test
	void aRegionAdminOfYunnanCannotActOnShanghaisOrganisations() {
		OrganisationView shanghai = pendingIn("310115");
		Http yunnan = Http.as(port, "yn-admin");

		var decision = yunnan.post("/api/v1/organisations/" + shanghai.id() + "/decision", Map.of("verdict", "APPROVE"));
		assertThat(decision.status()).isEqualTo(403);
		assertThat(decision.code()).isEqualTo("auth.region-forbidden");
		assertThat(organisations.find(shanghai.id()).orElseThrow().status()).isEqualTo(OrganisationStatus.PENDING);

		assertThat(yunnan.get("/api/v1/organisations/" + shanghai.id()).status()).isEqualTo(404);
		assertThat(yunnan.get("/api/v1/organisations?region=310000").code()).isEqualTo("auth.region-forbidden");
		assertThat(yunnan.get("/api/v1/audit?region=310000").code()).isEqualTo("auth.region-forbidden");
		var listed = yunnan.get("/api/v1/organisations?size=100").json().get("items").findValuesAsString("regionCode");
		assertThat(listed).isNotEmpty().allMatch(code -> code.startsWith("53"));
		var audited = yunnan.get("/api/v1/audit?size=200").json().get("items").findValuesAsString("regionCode");
		assertThat(audited).isNotEmpty().allMatch(code -> code.startsWith("53"));

		Http web = Http.browser(port);
		web.login("yn-admin", "kejiao-demo");
		assertThat(web.get("/admin/organisations/" + shanghai.id()).status()).isIn(403, 404);
	}

	@Test
	void aPrefectureAdminCannotActOnItsProvinceOrItsNeighbours() {
		Http wenshan = Http.as(port, "ws-admin");
		assertThat(wenshan.get("/api/v1/organisations?region=530000").code()).isEqualTo("auth.region-forbidden");
		assertThat(wenshan.get("/api/v1/organisations?region=532628").status()).isEqualTo(200);
		Http shanghai = Http.as(port, "sh-admin");
		assertThat(shanghai.get("/api/v1/organisations?region=310114").status()).isEqualTo(200);
	}

	@Test
	void membersOfAnOrganisationAreNotShownToOtherEnterprises() {
		UUID wenshanAlumina = UUID.fromString(Http.as(port, "ent-ws").get("/api/v1/me").json().get("organisationId").asString());
		assertThat(Http.as(port, "ent-ws").get("/api/v1/organisations/" + wenshanAlumina + "/members").status()).isEqualTo(200);
		assertThat(Http.as(port, "ent-jd").get("/api/v1/organisations/" + wenshanAlumina + "/members").status()).isEqualTo(403);
		assertThat(Http.as(port, "ws-admin").get("/api/v1/organisations/" + wenshanAlumina + "/members").status()).isEqualTo(200);
		assertThat(Http.as(port, "cq-admin").get("/api/v1/organisations/" + wenshanAlumina + "/members").status()).isEqualTo(403);
	}

	/** A fresh organisation waiting for verification, so that no other test can have decided it already. */
	private OrganisationView pendingIn(String region) {
		return organisations.find(NewOrganisation.enterprise(region).pending(port).id()).orElseThrow();
	}

	private List<String> endpoints() {
		List<String> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String path : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
					endpoints.add(method.name() + " " + path);
				}
			}
		}
		return endpoints;
	}

	static String concrete(String pattern) {
		return pattern.replace("{id}", "00000000-0000-0000-0000-000000000000").replace("{code}", "310000")
			.replace("{types}", "instruments").replace("{action}", "publish")
			.replace("{ancestor}", "310000").replace("{period}", "2026-10").replace("{type}", "achievement")
			.replace("{entryId}", "00000000-0000-0000-0000-000000000000")
			.replace("{milestoneId}", "00000000-0000-0000-0000-000000000000")
			.replace("{applicationId}", "00000000-0000-0000-0000-000000000000").replaceAll("\\{action:[^}]*\\}", "open")
			.replace("{year}", "2026").replaceAll("\\{[A-Za-z]+:([a-z-]+)[^}]*\\}", "$1")
			.replaceAll("\\{[A-Za-z]+\\}", "00000000-0000-0000-0000-000000000000");
	}
}
