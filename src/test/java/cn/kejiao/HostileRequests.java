package cn.kejiao;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The requests {@link HostileInputTests} sends, generated from the OpenAPI document. */
final class HostileRequests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** 9 KB: beyond the longest URL the platform answers, and longer than any text field allows. */
	static final String LONG = "长".repeat(3) + "a".repeat(9 * 1024);

	private HostileRequests() {
	}

	/** The probe that asks for HTML only: the API still answers its errors as problems. */
	static final String HTML_ONLY = "accepts only HTML";

	static String abbreviate(String text) {
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
			add(plainPath + required, HTML_ONLY);
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
