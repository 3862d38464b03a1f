package cn.kejiao.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A page of hits with the total and the facet counts of the whole result. */
public record SearchResult(long total, Map<String, Map<String, Long>> facets, List<Hit> hits, int page, int size) {

	/** One hit; the snippet is HTML-escaped text with the matched terms in {@code <mark>}. */
	public record Hit(EntryType type, UUID id, String title, String snippet, String regionCode, String organisation,
			float score, boolean confidential) {
	}
}
