package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/**
 * A caller without the role an endpoint needs is refused before its body is read: it gets 401 or 403 with the
 * refusal's code, never 400 with the names of the fields it got wrong. Every endpoint that takes a body is tried
 * as every demo role that may not call it, so a new endpoint is covered when it declares its roles, and the test
 * fails when a new endpoint that takes a body declares neither roles nor that the facade decides by party.
 */
@KejiaoIntegrationTest
class RolesBeforeFieldsTests {

	/** One demo user of each role. */
	static final Map<Role, String> PERSONAS = new LinkedHashMap<>(Map.of(Role.ENTERPRISE, "ent-ws", Role.PROVIDER,
			"provider-jd", Role.EXPERT, "expert-sh", Role.REGION_ADMIN, "jd-admin", Role.PLATFORM_ADMIN, "admin"));

	/**
	 * Endpoints with a body that any role may try: whether the caller may is a matter of what it is party to (the
	 * owner, the order's provider or enterprise, the challenge's publisher, team or panel), which the facade decides
	 * with the row in hand.
	 */
	static final Set<String> DECIDED_BY_PARTY = Set.of("POST /api/v1/orders/{id}/quote",
			"POST /api/v1/orders/{id}/accept", "POST /api/v1/orders/{id}/deliver", "POST /api/v1/orders/{id}/cancel",
			"POST /api/v1/orders/{id}/dispute", "PUT /api/v1/demands/{id}",
			"POST /api/v1/demands/{id}/matches/{type}/{entryId}/feedback", "POST /api/v1/challenges/{id}/deadline",
			"POST /api/v1/challenges/{id}/applications", "POST /api/v1/challenges/{id}/panel",
			"POST /api/v1/challenges/{id}/reviews", "POST /api/v1/challenges/{id}/award",
			"POST /api/v1/challenges/{id}/milestones", "POST /api/v1/challenges/milestones/{milestoneId}/deliver",
			"POST /api/v1/challenges/milestones/{milestoneId}/accept",
			"POST /api/v1/bookings/{id}/cancel", "PUT /api/v1/bookings/{id}/sample",
			// any user of a verified organisation may wait for an instrument's time; only its own place is taken
			"POST /api/v1/instruments/{id}/waiting", "POST /api/v1/waiting/{id}/take",
			// either party of a technology contract, or an admin governing the seller's region, ends it
			"POST /api/v1/contracts/{id}/terminate",
			// the members of a task's owner organisation, of whatever role, and the parties' admins report on it
			"POST /api/v1/agreements/{id}/tasks/{taskId}/progress");

	/** Bodies that fail validation wherever validation runs: no fields, and fields of the wrong kind. */
	static final List<String> INVALID_BODIES = List.of("{}", "{\"name\":\"\",\"regionCode\":\"x\",\"verdict\":null}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Personas personas;

	@Test
	void aCallerWithoutTheRoleIsRefusedBeforeItsFieldsAreChecked() {
		Map<Role, Http> clients = new LinkedHashMap<>();
		PERSONAS.forEach((role, username) -> clients.put(role, personas.api(username)));
		List<String> tried = new ArrayList<>();
		for (var endpoint : bodyEndpoints().entrySet()) {
			ForRoles declared = declared(endpoint.getValue());
			if (declared == null) {
				continue;
			}
			Set<Role> allowed = EnumSet.copyOf(Arrays.asList(declared.value()));
			String[] parts = endpoint.getKey().split(" ", 2);
			String path = AuthorisationTests.concrete(parts[1]);
			for (var client : clients.entrySet()) {
				if (allowed.contains(client.getKey())) {
					continue;
				}
				for (String body : INVALID_BODIES) {
					Http.Response response = multipart(endpoint.getValue())
							? client.getValue().upload(path, Map.of("type", "x", "mode", "?"), "x.csv", new byte[0])
							: client.getValue().send(parts[0], path, "application/json", body);
					String as = endpoint.getKey() + " as " + client.getKey() + " with " + body;
					assertThat(response.status()).as(as).isEqualTo(403);
					assertThat(response.code()).as(as).isEqualTo(declared.refusal());
					assertThat(response.json().has("errors")).as(as + ": " + response.body()).isFalse();
				}
				tried.add(endpoint.getKey() + " as " + client.getKey());
			}
			var anonymous = Http.api(personas.port()).send(parts[0], path, "application/json", "{}");
			assertThat(anonymous.status()).as(endpoint.getKey() + " anonymously").isEqualTo(401);
		}
		assertThat(tried).contains("POST /api/v1/organisations as ENTERPRISE", "POST /api/v1/organisations as REGION_ADMIN",
				"PUT /api/v1/zones/{code} as REGION_ADMIN", "PUT /api/v1/zones/{code} as PROVIDER",
				"POST /api/v1/catalog/imports as PLATFORM_ADMIN", "PUT /api/v1/catalog/{types}/{id} as REGION_ADMIN",
				"POST /api/v1/projects as ENTERPRISE", "POST /api/v1/commissions as EXPERT",
				"POST /api/v1/commissions/{id}/logs as REGION_ADMIN");
	}

	@Test
	void theRefusalNamesNoField() {
		var response = personas.api("sh-admin").put("/api/v1/zones/yrd", Map.of("name", "", "regionCodes", List.of()));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("auth.forbidden");
		assertThat(response.body()).doesNotContain("regionCodes", "nameEn");

		var create = personas.api("ent-jd").post("/api/v1/organisations", Map.of());
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.body()).doesNotContain("creditCode", "contactEmail");

		var admin = personas.api("admin").post("/api/v1/organisations", Map.of());
		assertThat(admin.status()).as("the platform admin still learns what it got wrong").isEqualTo(400);
		assertThat(admin.json().get("errors").findValuesAsString("field")).contains("creditCode");
	}

	@Test
	void everyEndpointThatTakesABodyDeclaresItsRolesOrIsDecidedByParty() {
		Set<String> undeclared = new TreeSet<>();
		for (var endpoint : bodyEndpoints().entrySet()) {
			if (declared(endpoint.getValue()) == null && !AuthorisationTests.PUBLIC_API.contains(endpoint.getKey())
					&& !DECIDED_BY_PARTY.contains(endpoint.getKey())) {
				undeclared.add(endpoint.getKey());
			}
		}
		assertThat(undeclared).as("API endpoints with a body and no @ForRoles").isEmpty();
	}

	private Map<String, HandlerMethod> bodyEndpoints() {
		Map<String, HandlerMethod> endpoints = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			if (Arrays.stream(mapping.getValue().getMethodParameters()).noneMatch(RolesBeforeFieldsTests::isBody)) {
				continue;
			}
			for (String path : mapping.getKey().getPatternValues()) {
				for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
					if (path.startsWith("/api/")) {
						endpoints.put(method.name() + " " + path, mapping.getValue());
					}
				}
			}
		}
		return endpoints;
	}

	private static boolean isBody(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestPart.class)
				|| MultipartFile.class.equals(parameter.getParameterType());
	}

	private boolean multipart(HandlerMethod handler) {
		return mappings.getHandlerMethods().entrySet().stream().filter(e -> e.getValue().equals(handler))
			.anyMatch(e -> e.getKey().getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA));
	}

	private static ForRoles declared(HandlerMethod handler) {
		ForRoles roles = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ForRoles.class);
		return roles != null ? roles : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ForRoles.class);
	}
}
