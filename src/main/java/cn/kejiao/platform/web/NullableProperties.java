package cn.kejiao.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Reads JSpecify's {@code @Nullable} on the components of the records the API answers with: a nullable component
 * becomes a property whose type admits {@code null}; the others are remembered as always present and never null,
 * so that {@link ApiDocumentResponses} can require them in the schemas of responses. (Jackson writes every
 * component, null or not.)
 */
final class NullableProperties implements ModelConverter {

	/*
	 * Kept by class, not by instance: springdoc registers converters in swagger's one static list and replaces an
	 * earlier one of the same class, so with two application contexts in one JVM only the newest converter runs.
	 * What is recorded depends on the record classes alone, so any instance's record holds for every context.
	 */
	private static final Map<String, Set<String>> nonNull = new ConcurrentHashMap<>();

	/** The properties of a schema, by its name, that are never null. */
	Set<String> nonNull(String schema) {
		return nonNull.getOrDefault(schema, Set.of());
	}

	@Override
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema resolved = chain.next().resolve(type, context, chain);
		Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
		if (resolved == null || raw == null || !raw.isRecord()) {
			return resolved;
		}
		Schema model = resolved;
		String name = resolved.getName();
		if (resolved.get$ref() != null) {
			name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
			model = context.getDefinedModels().get(name);
		}
		if (model == null || model.getProperties() == null || name == null) {
			return resolved;
		}
		Set<String> present = new LinkedHashSet<>();
		Map<String, Schema> properties = new LinkedHashMap<>(model.getProperties());
		for (RecordComponent component : raw.getRecordComponents()) {
			String property = component.getName();
			Schema schema = properties.get(property);
			if (schema == null) {
				continue;
			}
			schema = asWritten(component, schema);
			if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				properties.put(property, nullable(schema));
			}
			else {
				properties.put(property, schema);
				present.add(property);
			}
		}
		model.setProperties(properties);
		nonNull.put(name, present);
		return resolved;
	}

	/** A number Jackson is told to write as a string ({@code "230.00"}) is a decimal string. */
	private static Schema asWritten(RecordComponent component, Schema schema) {
		JsonFormat format = component.getAccessor().getAnnotation(JsonFormat.class);
		if (format != null && format.shape() == JsonFormat.Shape.STRING && Number.class.isAssignableFrom(component.getType())) {
			return new JsonSchema().typesItem("string").format("decimal").description(schema.getDescription());
		}
		return schema;
	}

	/** The schema, admitting null as well. */
	static Schema nullable(Schema schema) {
		if (schema.get$ref() != null) {
			return new JsonSchema().anyOf(List.of(new JsonSchema().$ref(schema.get$ref()), new JsonSchema().typesItem("null")));
		}
		Set<String> types = new LinkedHashSet<>();
		if (schema.getTypes() != null) {
			types.addAll(schema.getTypes());
		}
		else if (schema.getType() != null) {
			types.add(schema.getType());
		}
		if (types.isEmpty()) {
			return schema;
		}
		types.add("null");
		schema.setTypes(types);
		return schema;
	}
}
