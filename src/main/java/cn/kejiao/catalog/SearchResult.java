package cn.kejiao.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A page of hits with the total and the facet counts of the whole result. */
public record SearchResult(long total, Map<String, Map<String, Long>> facets, List<Hit> hits, int page, int size) {

	/**
	 * One hit; the snippet is plain text (up to 160 characters of the summary around what matched) and
	 * {@code highlights} say where in it the query's terms are.
	 */
	public record Hit(EntryType type, UUID id, String title, String snippet, List<Highlight> highlights,
			String regionCode, String organisation, float score, boolean confidential) {
	}

	/** The characters {@code start} (inclusive) to {@code end} (exclusive) of a snippet matched the query. */
	public record Highlight(int start, int end) {
	}
}
