package cn.kejiao.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;

import cn.kejiao.platform.text.ChineseText;

/**
 * What a hit shows, read from the index alone (no database round trip per result page): the stored fields
 * projected by {@link #fields}, turned into a search hit or a match with the confidential summary withheld
 * from readers who may not see it, and the summary's snippet around what matched.
 */
final class HitProjection {

	private HitProjection() {
	}

	static ProjectionFinalStep<List<?>> fields(SearchProjectionFactory<?, ?> f) {
		return f.composite().from(f.id(), f.field("type"), f.field("titleStored"), f.field("summaryStored"),
				f.field("regionCode"), f.field("ownerOrgNameStored"), f.field("confidentiality"), f.field("ownerOrgId"),
				f.score(), f.field("priceFen"), f.field("priceUnitStored"), f.field("state")).asList();
	}

	static SearchResult.Hit hit(List<?> row, EntryVisibility.Reader reader, List<String> highlight) {
		boolean hide = hidesSummary(row, reader);
		Snippet snippet = snippet(hide || row.get(3) == null ? "" : (String) row.get(3), highlight);
		Long fen = hide ? null : (Long) row.get(9);
		return new SearchResult.Hit((EntryType) row.get(1), (UUID) row.get(0), (String) row.get(2), snippet.text(),
				snippet.highlights(), (String) row.get(4), (String) row.get(5), score(row), hide,
				fen == null ? null : java.math.BigDecimal.valueOf(fen, 2), fen == null ? null : (String) row.get(10),
				row.get(11) != EntryState.MAINTENANCE, 1);
	}

	static CatalogSearch.Match match(List<?> row, EntryVisibility.Reader reader) {
		return new CatalogSearch.Match((EntryType) row.get(1), (UUID) row.get(0), (String) row.get(2),
				hidesSummary(row, reader) || row.get(3) == null ? "" : (String) row.get(3), (String) row.get(4),
				(String) row.get(5), (UUID) row.get(7), score(row));
	}

	private static boolean hidesSummary(List<?> row, EntryVisibility.Reader reader) {
		return row.get(6) == Confidentiality.ON_REQUEST
				&& !EntryVisibility.privileged(reader, (UUID) row.get(7), (String) row.get(4));
	}

	private static float score(List<?> row) {
		return row.get(8) instanceof Float score ? score : 0f;
	}

	record Snippet(String text, List<SearchResult.Highlight> highlights) {
	}

	/**
	 * Up to 160 characters of the summary around the first matched term, as plain text, with where the terms
	 * are in it; the pages mark them.
	 */
	static Snippet snippet(String summary, List<String> terms) {
		if (summary == null || summary.isBlank()) {
			return new Snippet("", List.of());
		}
		String normal = ChineseText.normalise(summary);
		// offsets found in the normalised text hold in the original only when both have the same length
		String source = normal.length() == summary.length() ? summary : normal;
		int first = -1;
		for (String term : terms) {
			int at = normal.indexOf(term);
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
			}
		}
		int start = Math.max(0, first < 0 ? 0 : first - 40);
		int end = Math.min(source.length(), start + 160);
		String window = source.substring(start, end);
		String normalWindow = normal.substring(start, Math.min(normal.length(), end));
		boolean[] marked = new boolean[window.length()];
		for (String term : terms) {
			for (int at = normalWindow.indexOf(term); at >= 0 && at < marked.length; at = normalWindow.indexOf(term, at + 1)) {
				for (int i = at; i < Math.min(marked.length, at + term.length()); i++) {
					marked[i] = true;
				}
			}
		}
		String before = start > 0 ? "…" : "";
		List<SearchResult.Highlight> highlights = new ArrayList<>();
		for (int i = 0; i < marked.length; i++) {
			if (marked[i] && (i == 0 || !marked[i - 1])) {
				int to = i;
				while (to < marked.length && marked[to]) {
					to++;
				}
				highlights.add(new SearchResult.Highlight(before.length() + i, before.length() + to));
			}
		}
		return new Snippet(before + window + (end < source.length() ? "…" : ""), List.copyOf(highlights));
	}
}
