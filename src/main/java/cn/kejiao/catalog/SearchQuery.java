package cn.kejiao.catalog;

import java.math.BigDecimal;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A catalog search: free text (may be empty: then every entry the filters allow), filters, sort and page.
 * {@code region} includes everything below it; {@code zone} is a cooperation zone's code.
 */
public record SearchQuery(@Nullable String text, Set<EntryType> types, @Nullable String region, @Nullable String zone,
		@Nullable String category, @Nullable BigDecimal priceMin, @Nullable BigDecimal priceMax,
		@Nullable String accreditation, @Nullable String maturity, Sort sort, int page, int size) {

	public enum Sort {
		RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST
	}

	public static SearchQuery of(@Nullable String text) {
		return new SearchQuery(text, Set.of(), null, null, null, null, null, null, null, Sort.RELEVANCE, 0, 20);
	}

	public SearchQuery withTypes(Set<EntryType> types) {
		return new SearchQuery(text, types, region, zone, category, priceMin, priceMax, accreditation, maturity, sort, page,
				size);
	}

	public SearchQuery withRegion(@Nullable String region) {
		return new SearchQuery(text, types, region, zone, category, priceMin, priceMax, accreditation, maturity, sort, page,
				size);
	}

	public SearchQuery withZone(@Nullable String zone) {
		return new SearchQuery(text, types, region, zone, category, priceMin, priceMax, accreditation, maturity, sort, page,
				size);
	}
}
