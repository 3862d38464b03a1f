package cn.kejiao.audit.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.kejiao.audit.AuditRecord;
import cn.kejiao.audit.AuditTerms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns audit entries into what an admin reads: the action's name in the reader's language, and each changed
 * field as "field: before → after" with names instead of codes and ids (asked of the modules' {@link AuditTerms},
 * or of the bundles for the values of known lists such as statuses and roles).
 */
@Component
class AuditReading {

	/** Fields whose values are one of a known list, with the bundle prefix that names each value. */
	private static final Map<String, String> VALUE_LABELS = Map.of("organisation:status", "orgStatus.",
			"organisation:type", "orgType.", "organisation:qualifications", "qualification.", "user:roles", "role.");

	/** One changed field: its name, the value before (null when new) and after (null when removed). */
	record Change(String field, @Nullable String before, @Nullable String after) {
	}

	/** An entry as the page shows it. */
	record Line(AuditRecord entry, String action, String region, List<Change> changes) {
	}

	/** An action of the search form's list: its code (sent) and its name (shown). */
	record Action(String code, String name) {
	}

	private final List<AuditTerms> terms;
	private final MessageSource messages;
	private final JsonMapper json;

	AuditReading(List<AuditTerms> terms, MessageSource messages, JsonMapper json) {
		this.terms = terms;
		this.messages = messages;
		this.json = json;
	}

	Line line(AuditRecord entry) {
		String region = entry.regionCode() == null ? "" : name(entry.subjectType(), "regionCode", entry.regionCode());
		return new Line(entry, actionName(entry.action()), region, changes(entry));
	}

	String actionName(String code) {
		return messages.getMessage("audit.action." + code, null, code, locale());
	}

	/** The actions, by name in the reader's language. */
	List<Action> actions(List<String> codes) {
		return codes.stream().map(code -> new Action(code, actionName(code)))
			.sorted(Comparator.comparing(Action::name, java.text.Collator.getInstance(locale()))).toList();
	}

	private List<Change> changes(AuditRecord entry) {
		Map<String, JsonNode> before = fields(entry.before());
		Map<String, JsonNode> after = fields(entry.after());
		Set<String> names = new LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		List<Change> changes = new ArrayList<>();
		for (String field : names) {
			JsonNode was = before.get(field);
			JsonNode is = after.get(field);
			if (Objects.equals(was, is)) {
				continue;
			}
			changes.add(new Change(messages.getMessage("audit.field." + field, null, field, locale()),
					was == null ? null : value(entry.subjectType(), field, was),
					is == null ? null : value(entry.subjectType(), field, is)));
		}
		return changes;
	}

	private String value(String subjectType, String field, JsonNode node) {
		if (node.isNull()) {
			return "—";
		}
		if (node.isArray()) {
			List<String> parts = new ArrayList<>();
			node.forEach(element -> parts.add(value(subjectType, field, element)));
			return parts.isEmpty() ? "—" : String.join("、", parts);
		}
		if (node.isObject()) {
			return node.toString();
		}
		if (node.isBoolean()) {
			return messages.getMessage("audit.value." + node.asBoolean(), null, node.asString(), locale());
		}
		String text = node.asString();
		return text.isBlank() ? "—" : name(subjectType, field, text);
	}

	private String name(String subjectType, String field, String value) {
		String prefix = VALUE_LABELS.get(subjectType + ":" + field);
		if (prefix != null) {
			return messages.getMessage(prefix + value, null, value, locale());
		}
		for (AuditTerms term : terms) {
			var name = term.nameOf(subjectType, field, value);
			if (name.isPresent()) {
				return name.get();
			}
		}
		return value;
	}

	private Map<String, JsonNode> fields(@Nullable String state) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		if (state == null || state.isBlank()) {
			return fields;
		}
		JsonNode node = json.readTree(state);
		if (node.isObject()) {
			node.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
		}
		return fields;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
