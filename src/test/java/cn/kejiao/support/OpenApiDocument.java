package cn.kejiao.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The application's OpenAPI document, and a check of a real response against it: the status must be one the
 * operation declares, and a JSON body must match the schema declared for that status. The schema check covers
 * the subset of OpenAPI 3.1 (JSON Schema) the document uses: {@code $ref}, {@code type} (a name or a list,
 * {@code "null"} among them for what may be null), {@code properties}, {@code required}, {@code items},
 * {@code additionalProperties}, {@code enum}, {@code anyOf}/{@code oneOf}/{@code allOf}, and the formats
 * {@code uuid}, {@code date-time} and {@code date}.
 */
public final class OpenApiDocument {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final JsonNode document;

	public OpenApiDocument(JsonNode document) {
		this.document = document;
	}

	/** The document the application serves. */
	public static OpenApiDocument of(int port) {
		Http.Response response = Http.api(port).get("/v3/api-docs");
		if (response.status() != 200) {
			throw new IllegalStateException("no OpenAPI document: " + response.status());
		}
		return new OpenApiDocument(response.json());
	}

	public JsonNode json() {
		return document;
	}

	/** The operation of a path template ({@code /api/v1/demands/{id}}) and a method, or null. */
	public @Nullable JsonNode operation(String method, String template) {
		JsonNode path = document.path("paths").get(template);
		return path == null ? null : path.get(method.toLowerCase(Locale.ROOT));
	}

	/** What is wrong with a response to the operation; empty when it is what the document says. */
	public List<String> check(String method, String template, Http.Response response) {
		String at = method + " " + template + " → " + response.status();
		JsonNode operation = operation(method, template);
		if (operation == null) {
			return List.of(at + ": the document has no such operation");
		}
		JsonNode declared = operation.path("responses").get(String.valueOf(response.status()));
		if (declared == null) {
			declared = operation.path("responses").get("default");
		}
		if (declared == null) {
			return List.of(at + ": status not declared (declared: " + operation.path("responses").propertyNames() + ")");
		}
		String mediaType = response.contentType().split(";")[0].strip();
		if (!mediaType.endsWith("json") || response.body().isEmpty()) {
			return List.of();
		}
		JsonNode content = declared.path("content");
		JsonNode media = content.get(mediaType);
		if (media == null) {
			return List.of(at + ": answered " + mediaType + ", declared " + content.propertyNames());
		}
		List<String> problems = new ArrayList<>();
		validate(media.path("schema"), response.json(), "$", problems);
		return problems.stream().map(problem -> at + ": " + problem).toList();
	}

	/** Adds to {@code problems} where {@code value} does not match {@code schema}. */
	public void validate(JsonNode schema, JsonNode value, String at, List<String> problems) {
		if (schema.has("$ref")) {
			validate(resolve(schema.get("$ref").asString()), value, at, problems);
			return;
		}
		if (schema.has("allOf")) {
			schema.get("allOf").forEach(part -> validate(part, value, at, problems));
		}
		for (String alternatives : List.of("anyOf", "oneOf")) {
			if (schema.has(alternatives)) {
				List<String> best = null;
				for (JsonNode alternative : schema.get(alternatives)) {
					List<String> found = new ArrayList<>();
					validate(alternative, value, at, found);
					if (best == null || found.size() < best.size()) {
						best = found;
					}
				}
				if (best != null && !best.isEmpty()) {
					problems.add(at + ": matches none of " + alternatives + " (" + best.getFirst() + ")");
				}
			}
		}
		Set<String> types = types(schema);
		if (value.isNull()) {
			if (!types.isEmpty() && !types.contains("null")) {
				problems.add(at + ": null, declared " + types);
			}
			return;
		}
		if (!types.isEmpty() && types.stream().noneMatch(type -> is(type, value))) {
			problems.add(at + ": " + value.getNodeType() + " " + abbreviated(value) + ", declared " + types);
			return;
		}
		if (schema.has("enum")) {
			boolean listed = false;
			for (JsonNode allowed : schema.get("enum")) {
				listed |= allowed.equals(value) || allowed.isString() && allowed.asString().equals(value.asString());
			}
			if (!listed) {
				problems.add(at + ": " + abbreviated(value) + " is not one of " + schema.get("enum"));
			}
		}
		if (value.isString() && schema.has("format")) {
			format(schema.get("format").asString(), value.asString(), at, problems);
		}
		if (value.isArray() && schema.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				validate(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
			}
		}
		if (value.isObject()) {
			for (JsonNode required : schema.path("required")) {
				if (!value.has(required.asString())) {
					problems.add(at + ": required property " + required.asString() + " is missing");
				}
			}
			JsonNode properties = schema.path("properties");
			JsonNode others = schema.get("additionalProperties");
			for (String name : value.propertyNames()) {
				if (properties.has(name)) {
					validate(properties.get(name), value.get(name), at + "." + name, problems);
				}
				else if (others != null && others.isObject()) {
					validate(others, value.get(name), at + "." + name, problems);
				}
			}
		}
	}

	private JsonNode resolve(String ref) {
		if (!ref.startsWith("#/")) {
			throw new IllegalArgumentException("only local references: " + ref);
		}
		JsonNode node = document;
		for (String part : ref.substring(2).split("/")) {
			node = node.path(part.replace("~1", "/").replace("~0", "~"));
		}
		if (node.isMissingNode()) {
			throw new IllegalStateException("the document refers to " + ref + " but has no such schema");
		}
		return node;
	}

	private static Set<String> types(JsonNode schema) {
		JsonNode type = schema.get("type");
		Set<String> types = new java.util.LinkedHashSet<>();
		if (type != null && type.isArray()) {
			type.forEach(each -> types.add(each.asString()));
		}
		else if (type != null) {
			types.add(type.asString());
		}
		if (schema.path("nullable").asBoolean(false)) {
			types.add("null");
		}
		return types;
	}

	private static boolean is(String type, JsonNode value) {
		return switch (type) {
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "array" -> value.isArray();
			case "object" -> value.isObject();
			case "null" -> value.isNull();
			default -> throw new IllegalArgumentException("unknown type " + type);
		};
	}

	private static void format(String format, String text, String at, List<String> problems) {
		try {
			switch (format) {
				case "uuid" -> {
					if (!UUID_TEXT.matcher(text).matches()) {
						throw new IllegalArgumentException();
					}
					UUID.fromString(text);
				}
				case "date-time" -> OffsetDateTime.parse(text);
				case "date" -> LocalDate.parse(text);
				default -> {
				}
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			problems.add(at + ": \"" + text + "\" is not a " + format);
		}
	}

	private static String abbreviated(JsonNode value) {
		String text = value.toString();
		return text.length() > 60 ? text.substring(0, 60) + "…" : text;
	}
}
