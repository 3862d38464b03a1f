package cn.kejiao.catalog;

import java.util.Locale;
import java.util.Optional;

/** The kinds of catalog entry; the plural is the API path segment. */
public enum EntryType {
	INSTRUMENT("instruments"), SERVICE("services"), ACHIEVEMENT("achievements"), EXPERT("experts");

	private final String plural;

	EntryType(String plural) {
		this.plural = plural;
	}

	public String plural() {
		return plural;
	}

	public static Optional<EntryType> fromPlural(String plural) {
		for (EntryType type : values()) {
			if (type.plural.equals(plural) || type.name().equals(plural.toUpperCase(Locale.ROOT))) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}
}
