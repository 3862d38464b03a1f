package cn.kejiao.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body or form in the order written, where a {@code null} value leaves the field out ({@code Map.of}
 * refuses nulls, and a form that omits a field is what the tests mean by it).
 */
public final class Fields {

	private Fields() {
	}

	/** {@code Fields.of("title", title, "confidentiality", null)}: keys and values alternately. */
	public static Map<String, Object> of(Object... keysAndValues) {
		if (keysAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("keys and values come in pairs");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return fields;
	}

	/** The same as strings, for {@link Http#submitForm}. */
	public static Map<String, String> form(Object... keysAndValues) {
		Map<String, String> form = new LinkedHashMap<>();
		of(keysAndValues).forEach((key, value) -> form.put(key, String.valueOf(value)));
		return form;
	}
}
