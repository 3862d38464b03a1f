package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.OpenApiDocument;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document tells the truth: every operation it lists is called, anonymously and as each demo role,
 * and each answer must have a status the operation declares and a body that matches the schema declared for that
 * status (a property declared never null that comes back null fails it). Reads are called with the ids the lists
 * before them answered, so that most answer with data; writes are sent a body they cannot read, so that they
 * answer with the problems they declare and change nothing.
 */
@KejiaoIntegrationTest
class OpenApiConformanceTests {

	static final List<@Nullable String> CALLERS = java.util.Arrays.asList(null, "ent-ws", "ent-jd", "provider-jd",
			"expert-sh", "expert-tj", "jd-admin", "yn-admin", "admin");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
	private static final String NONE = "00000000-0000-0000-0000-000000000000";

	@Autowired
	Personas personas;

	@Test
	void everyAnswerHasADeclaredStatusAndTheDeclaredShape() {
		OpenApiDocument document = OpenApiDocument.of(personas.port());
		List<String> problems = new ArrayList<>();
		Set<String> answeredWithData = new TreeSet<>();
		for (String caller : CALLERS) {
			Http http = caller == null ? Http.api(personas.port()) : personas.api(caller);
			Map<String, List<String>> found = new HashMap<>();
			for (String template : reads(document)) {
				for (String path : concrete(template, found)) {
					Http.Response response = http.get(path);
					List<String> wrong = document.check("GET", template, response);
					wrong.forEach(problem -> problems.add((caller == null ? "anonymous" : caller) + " " + path + ": " + problem));
					if (response.status() / 100 == 2 && response.contentType().contains("json")) {
						answeredWithData.add("GET " + template);
						found.put(path, values(response.json()));
					}
				}
			}
			for (String[] write : writes(document)) {
				String path = VARIABLE.matcher(write[1]).replaceAll(match -> sampleForWrite(match.group(1)));
				Http.Response response = http.send(write[0], path, "application/json", "[]");
				document.check(write[0], write[1], response)
					.forEach(problem -> problems.add((caller == null ? "anonymous" : caller) + ": " + problem));
			}
		}
		assertThat(problems).as("answers that differ from the OpenAPI document").isEmpty();
		assertThat(answeredWithData).as("reads answered with data").hasSizeGreaterThan(40).contains(
				"GET /api/v1/demands/{id}", "GET /api/v1/challenges/{id}", "GET /api/v1/catalog/{types}/{id}",
				"GET /api/v1/orders/{id}", "GET /api/v1/voucher-schemes/{id}", "GET /api/v1/organisations/{id}",
				"GET /api/v1/audit", "GET /api/v1/me", "GET /api/v1/search");
	}

	@Test
	void operationsThatAnyoneMayCallAskForNoToken() {
		JsonNode document = OpenApiDocument.of(personas.port()).json();
		assertThat(document.has("security")).as("no bearer token asked of every operation").isFalse();
		for (String endpoint : AuthorisationTests.PUBLIC_API) {
			String[] parts = endpoint.split(" ", 2);
			JsonNode operation = document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
			assertThat(operation.isMissingNode()).as(endpoint).isFalse();
			assertThat(operation.path("security").isEmpty()).as(endpoint + " asks for no token").isTrue();
			assertThat(operation.path("responses").has("403")).as(endpoint).isFalse();
		}
		JsonNode me = document.path("paths").path("/api/v1/me").path("get");
		assertThat(me.path("security").get(0).has("bearer")).isTrue();
		assertThat(me.path("responses").propertyNames()).contains("200", "400", "401", "403");
		JsonNode decision = document.path("paths").path("/api/v1/organisations/{id}/decision").path("post");
		assertThat(decision.path("responses").propertyNames()).contains("200", "400", "401", "403", "404", "409", "415");
		assertThat(decision.path("description").asString()).contains("REGION_ADMIN, PLATFORM_ADMIN");
		assertThat(decision.path("responses").path("404").path("content").path("application/problem+json").path("schema")
			.path("$ref").asString()).isEqualTo("#/components/schemas/ProblemDetail");
	}

	@Test
	void whatMayBeNullIsDeclaredSoAndWhatIsAlwaysThereIsRequired() {
		JsonNode schemas = OpenApiDocument.of(personas.port()).json().path("components").path("schemas");
		JsonNode organisation = schemas.path("OrganisationView");
		assertThat(organisation.path("properties").path("rejectionReason").path("type").toString()).contains("null");
		assertThat(organisation.path("properties").path("name").path("type").asString()).isEqualTo("string");
		assertThat(organisation.path("required").toString()).contains("\"name\"").doesNotContain("rejectionReason");
		assertThat(schemas.path("ProblemDetail").path("required").toString()).contains("code");
	}

	@Test
	void theCheckFindsANullWhereTheDocumentPromisesAValueAndAStatusItDoesNotDeclare() {
		JsonMapper json = JsonMapper.builder().build();
		OpenApiDocument document = new OpenApiDocument(json.readTree("""
				{"paths": {"/x": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
				  {"$ref": "#/components/schemas/X"}}}}}}}},
				 "components": {"schemas": {"X": {"type": "object", "required": ["id"], "properties": {
				  "id": {"type": "string", "format": "uuid"}, "note": {"type": ["string", "null"]},
				  "at": {"type": "string", "format": "date-time"}, "state": {"type": "string", "enum": ["A", "B"]},
				  "tags": {"type": "array", "items": {"type": "string"}}}}}}}"""));
		String good = "{\"id\":\"" + NONE + "\",\"note\":null,\"at\":\"2026-12-04T10:00:00Z\",\"state\":\"A\",\"tags\":[\"t\"]}";
		assertThat(document.check("GET", "/x", new Http.Response(200, good, "application/json", ""))).isEmpty();
		assertThat(document.check("GET", "/x", new Http.Response(200, "{\"id\":null}", "application/json", "")))
			.singleElement().asString().contains("$.id: null");
		assertThat(document.check("GET", "/x", new Http.Response(200, "{\"id\":\"x\",\"state\":\"C\",\"tags\":[1],\"at\":\"today\"}",
				"application/json", ""))).hasSize(4);
		assertThat(document.check("GET", "/x", new Http.Response(200, "{}", "application/json", "")))
			.singleElement().asString().contains("required property id");
		assertThat(document.check("GET", "/x", new Http.Response(404, "{}", "application/problem+json", "")))
			.singleElement().asString().contains("status not declared");
	}

	/** The GET operations, those with fewer path variables first, so that lists are read before their items. */
	private static List<String> reads(OpenApiDocument document) {
		List<String> reads = new ArrayList<>();
		for (String path : document.json().path("paths").propertyNames()) {
			// a stream of server-sent events never ends: the lot's stream is read by the auction tests
			if (document.operation("GET", path) != null
					&& !document.operation("GET", path).path("responses").path("200").path("content")
						.has("text/event-stream")) {
				reads.add(path);
			}
		}
		reads.sort(Comparator.comparingLong((String path) -> VARIABLE.matcher(path).results().count())
			.thenComparing(Comparator.naturalOrder()));
		return reads;
	}

	private static List<String[]> writes(OpenApiDocument document) {
		List<String[]> writes = new ArrayList<>();
		for (String path : document.json().path("paths").propertyNames()) {
			for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
				JsonNode operation = document.operation(method, path);
				// an action without a body or a path variable would be done for real (rebuilding the index)
				if (operation != null && (operation.has("requestBody") || VARIABLE.matcher(path).find())) {
					writes.add(new String[] { method, path });
				}
			}
		}
		return writes;
	}

	/** The paths to read for a template: its variables filled with what the list before it answered. */
	private static List<String> concrete(String template, Map<String, List<String>> found) {
		List<String> paths = new ArrayList<>(List.of(template));
		Matcher matcher = VARIABLE.matcher(template);
		boolean single = VARIABLE.matcher(template).results().count() == 1;
		while (matcher.find()) {
			List<String> next = new ArrayList<>();
			for (String partial : paths) {
				String prefix = partial.substring(0, partial.indexOf(matcher.group()) - 1);
				List<String> values = candidates(matcher.group(1), prefix, found);
				for (String value : single ? values : values.subList(0, 1)) {
					next.add(partial.replace(matcher.group(), value));
				}
			}
			paths = next;
		}
		return paths;
	}

	private static List<String> candidates(String variable, String prefix, Map<String, List<String>> found) {
		switch (variable) {
			case "types":
				return List.of("instruments", "achievements");
			case "ancestor":
				return List.of("530000");
			case "period":
				return List.of(YearMonth.now().minusMonths(1).toString());
			default:
		}
		List<String> values = new ArrayList<>(found.getOrDefault(prefix, List.of()));
		if (values.isEmpty() && prefix.startsWith("/api/v1/catalog/")) {
			values.addAll(found.getOrDefault("/api/v1/search", List.of()));
		}
		values.removeIf(value -> variable.equals("code") == value.matches("[0-9a-f-]{36}"));
		values.add(variable.equals("code") ? "532600" : NONE);
		return values.stream().distinct().limit(3).toList();
	}

	private static String sampleForWrite(String variable) {
		return switch (variable) {
			case "code" -> "000000";
			case "types" -> "instruments";
			case "action" -> "open";
			case "type" -> "achievements";
			case "period" -> "2000-01";
			default -> NONE;
		};
	}

	/** The ids and codes of an answer, in the order they appear. */
	private static List<String> values(JsonNode answer) {
		Set<String> values = new LinkedHashSet<>();
		List<JsonNode> pending = new ArrayList<>(List.of(answer));
		while (!pending.isEmpty() && values.size() < 20) {
			JsonNode node = pending.removeFirst();
			if (node.isObject()) {
				for (String name : List.of("id", "code")) {
					if (node.path(name).isString()) {
						values.add(node.get(name).asString());
					}
				}
			}
			if (node.isContainer()) {
				node.forEach(pending::add);
			}
		}
		return new ArrayList<>(values);
	}
}
