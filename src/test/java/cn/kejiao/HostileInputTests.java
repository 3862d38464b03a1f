package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document, driven with hostile values generated from the document itself — path
 * parameters, query parameters and their names, JSON bodies, multipart bodies — as a stranger, an enterprise and a
 * region admin: no answer is a 5xx, and every 4xx is a problem detail with a {@code code}. A new endpoint is tried
 * as soon as it is documented.
 */
@KejiaoIntegrationTest
class HostileInputTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** 9 KB: beyond the longest URL the platform answers, and longer than any text field allows. */
	private static final String LONG = "长".repeat(3) + "a".repeat(9 * 1024);

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Test
	void everyDocumentedOperationAnswersHostileInputWithAProblemAndNeverA5xx() throws Exception {
		JsonNode document = Http.api(port).get("/v3/api-docs").json();
		List<Probe> probes = new ArrayList<>();
		int operations = 0;
		for (var path : document.get("paths").properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			for (var operation : path.getValue().properties()) {
				operations++;
				probes.addAll(new Generator(document, path.getKey(), operation.getKey().toUpperCase(),
						operation.getValue()).probes());
			}
		}
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("anonymous", null);
		callers.put("enterprise", NewOrganisation.enterprise("532628").verified(port).api().token());
		callers.put("region-admin", personas.api("cq-admin").token());

		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicInteger sent = new AtomicInteger();
		Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		for (var caller : callers.entrySet()) {
			for (Probe probe : probes) {
				pool.execute(() -> {
					sent.incrementAndGet();
					String failure = send(client, probe, caller.getValue(), statuses);
					if (failure != null) {
						failures.add(caller.getKey() + " " + failure);
					}
				});
			}
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("Hostile input: %d operations, %d probes, %d requests in %.1f s; statuses %s%n", operations,
				probes.size(), sent.get(), millis / 1000.0, statuses);

		assertThat(operations).as("documented operations").isGreaterThan(50);
		List<String> sorted = new ArrayList<>(failures);
		Collections.sort(sorted);
		assertThat(sorted).as("answers that are a 5xx or an error without a problem detail").isEmpty();
	}

	@Test
	void theClassesOfMalformedInputFirstReportedAreClientErrorsWithTheirOwnCodes() {
		Http anonymous = Http.api(port);
		Http admin = personas.api("admin");
		expect(anonymous.get("/api/v1/regions?=x"), 400, "request.malformed-parameters");
		expect(anonymous.get("/api/v1/search?a%01b=1"), 400, "request.malformed-parameters");
		expect(anonymous.get("/api/v1/search?q=a%ED%A0%80b"), 400, "request.malformed-parameters");
		expect(anonymous.get("/api/v1/search?page=2147483647&size=-5"), 400, "request.page-out-of-range");
		expect(anonymous.get("/api/v1/search?page=2147483647&size=3"), 400, "request.page-out-of-range");
		expect(admin.get("/api/v1/audit?page=2147483647&size=3"), 400, "request.page-out-of-range");
		expect(admin.get("/api/v1/audit?page=0&size=-3"), 400, "request.page-out-of-range");
		expect(admin.get("/api/v1/organisations?page=2147483647&size=3"), 400, "request.page-out-of-range");
		expect(anonymous.get("/api/v1/search?priceMax=1e30"), 400, "request.invalid-fields");
		expect(anonymous.get("/api/v1/search?q=a%00b"), 400, "request.invalid-character");
		expect(admin.get("/api/v1/audit?q=a%00b"), 400, "request.invalid-character");
		expect(anonymous.get("/api/v1/search?q=" + "a".repeat(9 * 1024)), 414, "request.too-long");
		expect(anonymous.post("/api/v1/auth/tokens", "{\"username\":\"a\\u0000\",\"password\":\"x\"}"), 400,
				"request.invalid-character");

		var search = anonymous.get("/api/v1/search?size=500");
		assertThat(search.status()).isEqualTo(200);
		assertThat(search.json().get("size").asInt()).as("a size above the maximum is lowered to it").isEqualTo(100);

		var method = anonymous.send("DELETE", "/api/v1/regions", null, null);
		expect(method, 405, "request.method-not-allowed");

		String truncated = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc";
		Http provider = personas.api("provider-jd");
		expect(provider.send("POST", "/api/v1/catalog/imports", "multipart/form-data; boundary=b", truncated), 400,
				"request.malformed-multipart");
		expect(provider.send("POST", "/api/v1/orders/" + UUID.randomUUID() + "/deliver", "multipart/form-data; boundary=b",
				truncated), 400, "request.malformed-multipart");
		expect(provider.upload("/api/v1/catalog/imports", Map.of(), "a\u0000b.csv", "x".getBytes()), 400,
				"request.invalid-character");
		expect(provider.upload("/api/v1/orders/" + UUID.randomUUID() + "/deliver", Map.of(), "a\u0000b.pdf", "x".getBytes()),
				400, "request.invalid-character");
	}

	@Test
	void pagesAnswerMalformedInputWithAReadablePage() {
		Http browser = Http.browser(port);
		var entry = browser.get("/catalog/entries/not-a-uuid");
		assertThat(entry.status()).isEqualTo(400);
		assertThat(entry.contentType()).startsWith("text/html");
		assertThat(entry.body()).contains("request.invalid-parameter").doesNotContain("Exception");

		var names = browser.get("/catalog?=x");
		assertThat(names.status()).isEqualTo(400);
		assertThat(names.contentType()).startsWith("text/html");
		assertThat(names.body()).contains("request.malformed-parameters");

		var api = browser.get("/api/v1/no-such-thing");
		assertThat(api.contentType()).as("the API answers a browser with a problem too").startsWith("application/problem+json");
		var longUrl = browser.get("/catalog?q=" + "a".repeat(20 * 1024));
		assertThat(longUrl.status()).isBetween(400, 499);
		assertThat(longUrl.body()).doesNotContain("Apache Tomcat").doesNotContain("HTTP Status");
	}

	private static void expect(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo(code);
	}

	private String send(HttpClient client, Probe probe, String token, Map<Integer, AtomicInteger> statuses) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.target()))
				.timeout(Duration.ofSeconds(60))
				.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(probe.body()));
			if (probe.contentType() != null) {
				request.header("Content-Type", probe.contentType());
			}
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (status < 400) {
				return null;
			}
			if (status < 500 && type.startsWith("application/problem+json") && hasCode(response.body())) {
				return null;
			}
			return probe + " -> " + status + " " + type + " " + abbreviate(response.body());
		}
		catch (Exception ex) {
			return probe + " -> " + ex;
		}
	}

	private static boolean hasCode(String body) {
		try {
			JsonNode code = JSON.readTree(body).get("code");
			return code != null && code.isString() && !code.asString().isBlank();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

	/** One request: the method, the path and query (already encoded), and a body. */
	record Probe(String method, String target, String contentType, byte[] body, String what) {

		@Override
		public String toString() {
			String shown = target.length() > 120 ? target.substring(0, 120) + "…" : target;
			return method + " " + shown + " [" + what + "]";
		}
	}

	/**
	 * Hostile requests for one operation, from its parameters and body schema: each parameter tried alone with the
	 * values its type invites (the others plausible), the names of parameters, the body whole and field by field.
	 */
	static final class Generator {

		private final JsonNode document;
		private final String path;
		private final String method;
		private final JsonNode operation;
		private final List<Probe> probes = new ArrayList<>();

		Generator(JsonNode document, String path, String method, JsonNode operation) {
			this.document = document;
			this.path = path;
			this.method = method;
			this.operation = operation;
		}

		List<Probe> probes() {
			List<JsonNode> pathParameters = parameters("path");
			List<JsonNode> queryParameters = parameters("query");
			String plainPath = path(Map.of());
			String required = requiredQuery(queryParameters);

			for (JsonNode parameter : pathParameters) {
				for (String value : List.of("not-a-uuid", "99999999999999999999", "-1", "%00", "a%01b", "%ED%A0%80",
						LONG)) {
					add(path(Map.of(name(parameter), value)) + required, "path " + name(parameter));
				}
			}
			for (JsonNode parameter : queryParameters) {
				for (String value : hostileQueryValues(schema(parameter))) {
					add(plainPath + query(required, name(parameter) + "=" + value), "query " + name(parameter));
				}
			}
			List<String> numeric = queryParameters.stream()
				.filter(p -> type(schema(p)).equals("integer") || type(schema(p)).equals("number"))
				.map(Generator::name).toList();
			for (String extreme : List.of("2147483647", "-1", "0")) {
				if (!numeric.isEmpty()) {
					String all = String.join("&", numeric.stream().map(n -> n + "=" + extreme).toList());
					add(plainPath + query(required, all), "every number " + extreme);
				}
			}
			if (numeric.size() > 1) {
				add(plainPath + query(required, numeric.get(0) + "=2147483647&" + numeric.get(1) + "=-5"), "page and size");
			}
			for (String names : List.of("=x", "a%01b=1", "%00=1", "a%00=1&=")) {
				add(plainPath + query(required, names), "parameter names");
			}
			add(plainPath + query(required, "lang=%00"), "language");
			JsonNode content = operation.path("requestBody").path("content");
			if (content.has("application/json")) {
				jsonBodies(plainPath + required, resolve(content.get("application/json").path("schema")));
			}
			if (content.has("multipart/form-data")) {
				multipartBodies(plainPath + required, resolve(content.get("multipart/form-data").path("schema")));
			}
			return probes;
		}

		private void jsonBodies(String target, JsonNode schema) {
			for (String whole : List.of("{", "{\"a\":", "null", "[]", "\"x\"", "1e999999999", "{\"a\":\"\\u0000\"}",
					"\u0000")) {
				body(target, "application/json", whole, "body " + abbreviate(whole));
			}
			body(target, "text/plain", "x", "text body");
			JsonNode plausible = plausible(schema, 0);
			body(target, "application/json", plausible.toString(), "plausible body");
			if (!(plausible instanceof ObjectNode object)) {
				return;
			}
			body(target, "application/json", everyField(object, NODES.nullNode()).toString(), "every field null");
			body(target, "application/json", everyField(object, NODES.stringNode("a\u0000b")).toString(), "every field NUL");
			body(target, "application/json", everyField(object, NODES.numberNode(new java.math.BigDecimal("1e999999999")))
				.toString(), "every field huge");
			int rotation = 0;
			for (var field : schema.path("properties").properties()) {
				JsonNode fieldSchema = resolve(field.getValue());
				List<JsonNode> values = hostileJsonValues(fieldSchema);
				for (int i = 0; i < 2; i++) {
					JsonNode value = values.get((rotation + i) % values.size());
					ObjectNode mutated = object.deepCopy();
					mutated.set(field.getKey(), value);
					body(target, "application/json", mutated.toString(), "field " + field.getKey() + "=" + abbreviate(value.toString()));
				}
				rotation += 2;
			}
		}

		private void multipartBodies(String target, JsonNode schema) {
			String boundary = "kejiao-hostile";
			String type = "multipart/form-data; boundary=" + boundary;
			String field = schema.path("properties").propertyNames().stream().findFirst().orElse("file");
			String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"";
			body(target, type, head + "a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nabc", "truncated multipart");
			body(target, type, head + "a\u0000b.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nabc\r\n--" + boundary
					+ "--\r\n", "NUL file name");
			body(target, type, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\na\u0000b\r\n--"
					+ boundary + "--\r\n", "NUL field");
			body(target, "multipart/form-data", "x", "no boundary");
			body(target, type, "", "empty multipart");
		}

		private void add(String target, String what) {
			probes.add(new Probe(method, target, null, null, what));
		}

		private void body(String target, String contentType, String body, String what) {
			// a lone surrogate cannot be encoded in UTF-8: sent as the escape a JSON client would write
			String sendable = body.replace("\ud800", "\\ud800");
			probes.add(new Probe(method, target, contentType, sendable.getBytes(StandardCharsets.UTF_8), what));
		}

		private List<JsonNode> parameters(String in) {
			List<JsonNode> found = new ArrayList<>();
			for (JsonNode parameter : operation.path("parameters")) {
				JsonNode resolved = resolve(parameter);
				if (in.equals(resolved.path("in").asString(""))) {
					found.add(resolved);
				}
			}
			return found;
		}

		private String path(Map<String, String> hostile) {
			String result = path;
			for (JsonNode parameter : parameters("path")) {
				String name = name(parameter);
				String value = hostile.getOrDefault(name, plausiblePathValue(schema(parameter)));
				result = result.replace("{" + name + "}", value);
			}
			return result;
		}

		private static String plausiblePathValue(JsonNode schema) {
			if (schema.has("enum")) {
				return schema.get("enum").get(0).asString();
			}
			return switch (type(schema)) {
				case "integer", "number" -> "1";
				default -> "uuid".equals(schema.path("format").asString("")) ? UUID.randomUUID().toString() : "x1";
			};
		}

		private String requiredQuery(List<JsonNode> queryParameters) {
			List<String> parts = new ArrayList<>();
			for (JsonNode parameter : queryParameters) {
				if (parameter.path("required").asBoolean(false)) {
					parts.add(name(parameter) + "=" + plausiblePathValue(schema(parameter)));
				}
			}
			return parts.isEmpty() ? "" : "?" + String.join("&", parts);
		}

		private static String query(String required, String more) {
			return (required.isEmpty() ? "?" : required + "&") + more;
		}

		private List<String> hostileQueryValues(JsonNode schema) {
			JsonNode item = "array".equals(type(schema)) ? resolve(schema.path("items")) : schema;
			return switch (type(item)) {
				case "integer" -> List.of("2147483647", "-2147483648", "99999999999999999999", "-1", "1e30", "abc");
				case "number" -> List.of("1e30", "-1e30", "1e999999999", "NaN", "abc");
				case "boolean" -> List.of("maybe", "%00");
				default -> List.of("%00", "a%01b", "%ED%A0%80", "%C0%80", LONG, "not-a-uuid");
			};
		}

		private List<JsonNode> hostileJsonValues(JsonNode schema) {
			return switch (type(schema)) {
				case "integer" -> List.of(NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
						NODES.numberNode(-1), NODES.stringNode("abc"), NODES.numberNode(new java.math.BigDecimal("1e30")));
				case "number" -> List.of(NODES.numberNode(new java.math.BigDecimal("1e999999999")), NODES.numberNode(-1e30),
						NODES.stringNode("abc"), NODES.booleanNode(true));
				case "boolean" -> List.of(NODES.stringNode("maybe"), NODES.numberNode(2));
				case "array" -> List.of(NODES.stringNode("x"), NODES.arrayNode().add(NODES.nullNode()),
						NODES.arrayNode().add(NODES.stringNode("a\u0000b")), NODES.arrayNode().add(NODES.objectNode()));
				case "object" -> List.of(NODES.stringNode("x"), NODES.arrayNode(), everyField(plausible(schema, 1), NODES.stringNode("\ud800")));
				default -> List.of(NODES.stringNode("a\u0000b"), NODES.stringNode("\ud800"), NODES.stringNode(LONG),
						NODES.numberNode(12345), NODES.objectNode(), NODES.stringNode(""), NODES.stringNode("1e999999999"),
						NODES.stringNode("99999999999999999999"));
			};
		}

		private static JsonNode everyField(JsonNode plausible, JsonNode value) {
			if (!(plausible instanceof ObjectNode object)) {
				return value;
			}
			ObjectNode copy = NODES.objectNode();
			for (String name : object.propertyNames()) {
				copy.set(name, value);
			}
			return copy;
		}

		/** A value the schema allows, as a careful client would send it. */
		private JsonNode plausible(JsonNode schema, int depth) {
			schema = resolve(schema);
			if (depth > 4) {
				return NODES.nullNode();
			}
			if (schema.has("enum")) {
				return schema.get("enum").get(0);
			}
			return switch (type(schema)) {
				case "object" -> {
					ObjectNode object = NODES.objectNode();
					for (var property : schema.path("properties").properties()) {
						object.set(property.getKey(), plausible(property.getValue(), depth + 1));
					}
					yield object;
				}
				case "array" -> {
					ArrayNode array = NODES.arrayNode();
					array.add(plausible(schema.path("items"), depth + 1));
					yield array;
				}
				case "integer" -> NODES.numberNode(1);
				case "number" -> NODES.numberNode(1.5);
				case "boolean" -> NODES.booleanNode(true);
				default -> switch (schema.path("format").asString("")) {
					case "uuid" -> NODES.stringNode(UUID.randomUUID().toString());
					case "date" -> NODES.stringNode("2031-01-01");
					case "date-time" -> NODES.stringNode("2031-01-01T00:00:00Z");
					default -> NODES.stringNode("测试用的一段文字");
				};
			};
		}

		private JsonNode resolve(JsonNode node) {
			for (int i = 0; i < 10 && node.has("$ref"); i++) {
				JsonNode target = document;
				for (String part : node.get("$ref").asString().substring(2).split("/")) {
					target = target.path(part);
				}
				node = target;
			}
			for (String combination : List.of("allOf", "oneOf", "anyOf")) {
				if (node.has(combination) && !node.has("properties")) {
					for (JsonNode option : node.get(combination)) {
						JsonNode resolved = resolve(option);
						if (!"null".equals(type(resolved))) {
							return resolved;
						}
					}
				}
			}
			return node;
		}

		private JsonNode schema(JsonNode parameter) {
			return resolve(parameter.path("schema"));
		}

		private static String name(JsonNode parameter) {
			return parameter.path("name").asString();
		}

		/** The schema's type; of a 3.1 list of types, the first that is not "null". */
		static String type(JsonNode schema) {
			JsonNode type = schema.path("type");
			if (type.isArray()) {
				for (JsonNode t : type) {
					if (!"null".equals(t.asString())) {
						return t.asString();
					}
				}
				return "null";
			}
			if (type.isMissingNode() && schema.has("properties")) {
				return "object";
			}
			return type.asString("string");
		}
	}
}
