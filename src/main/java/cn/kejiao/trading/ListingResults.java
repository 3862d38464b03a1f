package cn.kejiao.trading;

import java.util.List;
import java.util.Map;

/**
 * A page of published listings, with the counts of the whole result by mode ({@code facets.mode}: mode →
 * listings offering it, counted without the mode filter) and by the seller's province ({@code facets.region}:
 * province code → listings, counted without the region filter), as the catalog's facets count.
 */
public record ListingResults(List<ListingView> items, long total, int page, int size,
		Map<String, Map<String, Long>> facets) {
}
