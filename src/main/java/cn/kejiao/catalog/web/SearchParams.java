package cn.kejiao.catalog.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.SearchQuery;
import cn.kejiao.platform.KejiaoException;

/**
 * The search parameters shared by the search API, the search page and the export: bound from the query
 * string, turned into a {@link SearchQuery} with clear errors for values that make no sense.
 */
record SearchParams(@Nullable String q, @Nullable List<String> type, @Nullable String region, @Nullable String zone,
		@Nullable String category, @Nullable BigDecimal priceMin, @Nullable BigDecimal priceMax,
		@Nullable String accreditation, @Nullable String maturity, @Nullable String sort, @Nullable Integer page,
		@Nullable Integer size) {

	SearchQuery toQuery(int defaultSize) {
		Set<EntryType> types = type == null ? Set.of()
				: type.stream().filter(t -> !t.isBlank()).map(CatalogApiController::type).collect(Collectors.toSet());
		SearchQuery.Sort order;
		try {
			order = SearchQuery.Sort.valueOf((sort == null || sort.isBlank() ? "relevance" : sort).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", "sort");
		}
		return new SearchQuery(q, types, blank(region), blank(zone), blank(category), priceMin, priceMax, blank(accreditation),
				blank(maturity), order, page == null ? 0 : page, size == null ? defaultSize : size);
	}

	String firstType() {
		return type == null || type.isEmpty() ? "" : type.getFirst();
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
