package cn.kejiao.trading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogSearch;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.SearchQuery;
import cn.kejiao.catalog.SearchResult;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;

/**
 * Finds published listings through the catalog: the words are a catalog search of achievements (the same
 * segmentation, synonyms, ranking and visibility as the catalog's search box), and the hits that have a
 * published listing are kept, in the catalog's order. Without words, the published listings whose achievement the
 * reader may see, newest first. The listing's own filters (mode, the seller's region) and their facets are
 * counted here over that set — there is no second index.
 */
@Service
public class ListingSearch {

	/** How many achievements the words may match before the rest are left out (pages of the catalog's maximum). */
	static final int MAX_HITS = 1000;

	private static final int HITS_PER_CALL = 100;

	private final CatalogSearch search;
	private final Catalog catalog;
	private final ListingRows rows;
	private final Regions regions;

	ListingSearch(CatalogSearch search, Catalog catalog, ListingRows rows, Regions regions) {
		this.search = search;
		this.catalog = catalog;
		this.rows = rows;
		this.regions = regions;
	}

	public ListingResults search(ListingQuery query, @Nullable Actor reader) {
		Paging paging = Paging.of(query.page(), query.size(), 100);
		String region = query.region() == null || query.region().isBlank() ? null : query.region().strip();
		if (region != null) {
			regions.get(region);
		}
		List<ListingView> found = matching(query.q(), reader);
		List<ListingView> inRegion = found.stream()
			.filter(l -> region == null || RegionCodes.isWithin(l.sellerRegionCode(), region)).toList();
		List<ListingView> ofMode = found.stream().filter(l -> query.mode() == null || l.offers(query.mode())).toList();
		List<ListingView> both = inRegion.stream().filter(l -> query.mode() == null || l.offers(query.mode())).toList();

		Map<String, Long> modes = new LinkedHashMap<>();
		for (ListingMode mode : ListingMode.values()) {
			long count = inRegion.stream().filter(l -> l.offers(mode)).count();
			if (count > 0) {
				modes.put(mode.name(), count);
			}
		}
		Map<String, Long> provinces = new LinkedHashMap<>();
		ofMode.forEach(l -> provinces.merge(l.sellerRegionCode().substring(0, 2) + "0000", 1L, Long::sum));
		Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
		facets.put("mode", modes);
		facets.put("region", sortedByCount(provinces));
		List<ListingView> page = both.subList(Math.min(both.size(), paging.offset()),
				Math.min(both.size(), paging.offset() + paging.size()));
		return new ListingResults(List.copyOf(page), both.size(), paging.page(), paging.size(), facets);
	}

	/** The published listings the words find (all the reader may see when there are none), best first. */
	private List<ListingView> matching(@Nullable String words, @Nullable Actor reader) {
		List<ListingView> published = rows.published();
		if (published.isEmpty()) {
			return List.of();
		}
		Map<UUID, ListingView> byAchievement = new HashMap<>();
		published.forEach(l -> byAchievement.put(l.achievementId(), l));
		List<ListingView> found = new ArrayList<>();
		if (words == null || words.isBlank()) {
			Set<UUID> visible = new java.util.HashSet<>();
			catalog.views(published.stream().map(ListingView::achievementId).toList(), reader)
				.forEach(entry -> visible.add(entry.id()));
			published.stream().filter(l -> visible.contains(l.achievementId())).forEach(found::add);
			return found;
		}
		for (int page = 0; page * HITS_PER_CALL < MAX_HITS; page++) {
			SearchResult result = search.search(new SearchQuery(words.strip(), Set.of(EntryType.ACHIEVEMENT), null, null,
					null, null, null, null, null, SearchQuery.Sort.RELEVANCE, page, HITS_PER_CALL), reader, false);
			for (SearchResult.Hit hit : result.hits()) {
				ListingView listing = byAchievement.remove(hit.id());
				if (listing != null) {
					found.add(listing);
				}
			}
			if (result.hits().size() < HITS_PER_CALL || byAchievement.isEmpty()
					|| (long) (page + 1) * HITS_PER_CALL >= result.total()) {
				break;
			}
		}
		return found;
	}

	private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
		Map<String, Long> sorted = new LinkedHashMap<>();
		counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
			.thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}
}
