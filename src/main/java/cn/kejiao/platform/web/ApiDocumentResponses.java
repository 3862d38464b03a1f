package cn.kejiao.platform.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * Makes the document say what the API does beyond its happy path: the problem details each operation can answer
 * (400 for any operation, 401 and 403 where a user must sign in, 404 where a path names something, 409 where
 * something changes, 415 where a body is read), the bearer token only on operations that need one, as the
 * security rules decide for an anonymous caller, and the properties of responses that are always there.
 */
final class ApiDocumentResponses implements OpenApiCustomizer {

	static final String PROBLEM = "ProblemDetail";
	static final String BEARER = "bearer";
	private static final String REF = "#/components/schemas/";
	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
	/** Values a path variable is tried with when asking the security rules whether a path is public. */
	private static final List<String> SAMPLES = List.of("00000000-0000-0000-0000-000000000000", "instruments", "110000",
			"yrd", "2026-01", "open");

	private final WebInvocationPrivilegeEvaluator privileges;
	private final NullableProperties nullability;
	private final Authentication anonymous = new AnonymousAuthenticationToken("openapi", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	ApiDocumentResponses(WebInvocationPrivilegeEvaluator privileges, NullableProperties nullability) {
		this.privileges = privileges;
		this.nullability = nullability;
	}

	@Override
	public void customise(OpenAPI document) {
		document.getComponents().addSchemas(PROBLEM, problemSchema());
		if (document.getPaths() == null) {
			return;
		}
		for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
				describe(path.getKey(), operation.getKey(), operation.getValue());
			}
		}
		requireWhatIsAlwaysThere(document);
	}

	private void describe(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.setResponses(responses);
		responses.forEach((status, response) -> {
			if (!status.startsWith("2") && (response.getContent() == null || response.getContent().containsKey("*/*"))) {
				response.setContent(problemContent());
			}
		});
		responses.values().forEach(ApiDocumentResponses::json);
		boolean open = isPublic(path, method);
		operation.setSecurity(open ? null : List.of(new SecurityRequirement().addList(BEARER)));
		problem(responses, "400", "The request is malformed or a value is invalid (`errors` names the fields).");
		problem(responses, "401", open ? "The bearer token sent is not valid, or the credentials are wrong."
				: "Nobody is signed in, or the bearer token is not valid.");
		if (!open) {
			problem(responses, "403", "The caller's role, region or part in the matter does not allow this.");
		}
		if (VARIABLE.matcher(path).find()) {
			problem(responses, "404", "What the path names does not exist, or is not shown to the caller.");
		}
		if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
			problem(responses, "409", "The change conflicts with the current state or with existing data.");
		}
		if (operation.getRequestBody() != null) {
			problem(responses, "415", "The body is not of a media type the operation reads.");
		}
	}

	/** Whether the security rules let an anonymous caller through to the path (with any of the sample values). */
	private boolean isPublic(String path, PathItem.HttpMethod method) {
		List<String> concrete = new ArrayList<>(List.of(path));
		Matcher matcher = VARIABLE.matcher(path);
		while (matcher.find()) {
			List<String> next = new ArrayList<>();
			for (String partial : concrete) {
				for (String sample : SAMPLES) {
					next.add(partial.replace(matcher.group(), sample));
				}
			}
			concrete = next;
		}
		return concrete.stream().anyMatch(uri -> privileges.isAllowed("", uri, method.name(), anonymous));
	}

	private static void problem(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
		}
	}

	private static Content problemContent() {
		return new Content().addMediaType("application/problem+json", new MediaType().schema(new JsonSchema().$ref(REF + PROBLEM)));
	}

	/** Answers that are JSON are declared so, not as any media type. */
	private static void json(ApiResponse response) {
		Content content = response.getContent();
		if (content == null || !content.containsKey("*/*")) {
			return;
		}
		MediaType any = content.get("*/*");
		Schema<?> schema = any.getSchema();
		boolean bytes = schema != null && ("byte".equals(schema.getFormat()) || "binary".equals(schema.getFormat()));
		if (!bytes) {
			Content json = new Content();
			json.addMediaType("application/json", any);
			response.setContent(json);
		}
	}

	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new JsonSchema().typesItem("string").format("uri-reference"));
		properties.put("title", new JsonSchema().typesItem("string"));
		properties.put("status", new JsonSchema().typesItem("integer").format("int32"));
		properties.put("detail", new JsonSchema().typesItem("string"));
		properties.put("instance", new JsonSchema().typesItem("string").format("uri-reference"));
		properties.put("code", new JsonSchema().typesItem("string")
			.description("Stable code of the problem, such as `auth.required`; clients may switch on it."));
		Map<String, Schema> field = new LinkedHashMap<>();
		field.put("field", new JsonSchema().typesItem("string"));
		field.put("code", new JsonSchema().typesItem("string"));
		field.put("message", new JsonSchema().typesItem("string"));
		properties.put("errors", new JsonSchema().typesItem("array").items(new JsonSchema().typesItem("object")
			.properties(field).required(List.of("field", "code", "message"))).description("The fields that are not valid."));
		properties.put("incident", new JsonSchema().typesItem("string").format("uuid")
			.description("On a 500: the incident to quote to the operator."));
		return new JsonSchema().typesItem("object").properties(properties)
			.required(List.of("type", "title", "status", "code"))
			.description("An RFC 9457 problem detail with a stable code and a message in the caller's language.");
	}

	/** The properties of the records the API answers with that are never null are required in their schemas. */
	private void requireWhatIsAlwaysThere(OpenAPI document) {
		Map<String, Schema> schemas = document.getComponents().getSchemas();
		Set<String> answered = new LinkedHashSet<>();
		List<Schema> pending = new ArrayList<>();
		for (PathItem item : document.getPaths().values()) {
			for (Operation operation : item.readOperations()) {
				for (ApiResponse response : operation.getResponses().values()) {
					if (response.getContent() != null) {
						response.getContent().values().forEach(media -> pending.add(media.getSchema()));
					}
				}
			}
		}
		Set<Schema> seen = new HashSet<>();
		while (!pending.isEmpty()) {
			Schema schema = pending.removeLast();
			if (schema == null || !seen.add(schema)) {
				continue;
			}
			if (schema.get$ref() != null) {
				String name = schema.get$ref().substring(REF.length());
				if (answered.add(name) && schemas.get(name) != null) {
					pending.add(schemas.get(name));
				}
			}
			if (schema.getProperties() != null) {
				pending.addAll(schema.getProperties().values());
			}
			pending.add(schema.getItems());
			if (schema.getAnyOf() != null) {
				pending.addAll(schema.getAnyOf());
			}
			if (schema.getAdditionalProperties() instanceof Schema values) {
				pending.add(values);
			}
		}
		for (String name : answered) {
			Schema schema = schemas.get(name);
			if (schema == null || schema.getProperties() == null || name.equals(PROBLEM)) {
				continue;
			}
			Set<String> required = new LinkedHashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
			nullability.nonNull(name).stream().filter(schema.getProperties()::containsKey).forEach(required::add);
			schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
		}
	}
}
