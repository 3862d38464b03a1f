package cn.kejiao.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A page of hits with the total and the facet counts of the whole result; {@code regionCounts} counts the
 * result by every region level (GB/T 2260 prefixes: 53, 5326, 532628), so a page can offer the regions
 * below the one chosen.
 */
public record SearchResult(long total, Map<String, Map<String, Long>> facets, List<Hit> hits, int page, int size,
		Map<String, Long> regionCounts) {

	public SearchResult(long total, Map<String, Map<String, Long>> facets, List<Hit> hits, int page, int size) {
		this(total, facets, hits, page, size, Map.of());
	}

	/**
	 * One hit; the snippet is plain text (up to 160 characters of the summary around what matched) and
	 * {@code highlights} say where in it the query's terms are. {@code price} (yuan, null when on request or
	 * not given) per {@code priceUnit}; {@code available} false for an instrument under maintenance;
	 * {@code sameTitle} how many hits of the first hundred carry the same type and title (1: this one alone).
	 */
	public record Hit(EntryType type, UUID id, String title, String snippet, List<Highlight> highlights,
			String regionCode, String organisation, float score, boolean confidential, @Nullable BigDecimal price,
			@Nullable String priceUnit, boolean available, int sameTitle) {

		Hit withSameTitle(int count) {
			return new Hit(type, id, title, snippet, highlights, regionCode, organisation, score, confidential, price,
					priceUnit, available, count);
		}
	}

	/** The characters {@code start} (inclusive) to {@code end} (exclusive) of a snippet matched the query. */
	public record Highlight(int start, int end) {
	}
}
