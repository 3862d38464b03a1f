package cn.kejiao.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.text.ChineseText;
import cn.kejiao.region.Regions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * One search box over the whole catalog. The query is normalised and segmented like the indexed text;
 * synonym groups widen it ({@link QueryConcepts}); title counts three times, keywords twice, the rest once
 * (BM25 over one field where title and keyword tokens are repeated); at least 60% of the query's concepts
 * must match, tokens too common to tell anything aside ({@link TermStatistics}). What a hit shows comes
 * from the index ({@link HitProjection}); what a reader may see, from {@link EntryVisibility}. Filters narrow by type, region subtree, cooperation zone, category,
 * price, accreditation and maturity; facets count the result by type, province, category, maturity and
 * accreditation.
 */
@Service
public class CatalogSearch {

	static final AggregationKey<Map<EntryType, Long>> BY_TYPE = AggregationKey.of("type");
	static final AggregationKey<Map<String, Long>> BY_PROVINCE = AggregationKey.of("province");
	static final AggregationKey<Map<String, Long>> BY_CATEGORY = AggregationKey.of("category");
	static final AggregationKey<Map<String, Long>> BY_MATURITY = AggregationKey.of("maturity");
	static final AggregationKey<Map<String, Long>> BY_ACCREDITATION = AggregationKey.of("accreditation");
	static final AggregationKey<Map<String, Long>> BY_REGION_SCOPE = AggregationKey.of("regionScope");

	/**
	 * The first hits of a relevance-ranked search are shown with entries of the same type and title spread out
	 * (the first of each title, then the second of each, ...), so that eight instruments of one kind at eight
	 * organisations do not fill the first page; each says how many share its title. Pages beyond stay in rank order.
	 */
	static final int DIVERSIFIED = 100;

	private final EntityManager entityManager;
	private final EntityManagerFactory entityManagerFactory;
	private final QueryConcepts concepts;
	private final TermStatistics statistics;
	private final Regions regions;
	private final EntryVisibility visibility;

	CatalogSearch(EntityManager entityManager, EntityManagerFactory entityManagerFactory, QueryConcepts concepts,
			TermStatistics statistics, Regions regions, EntryVisibility visibility) {
		this.entityManager = entityManager;
		this.entityManagerFactory = entityManagerFactory;
		this.concepts = concepts;
		this.statistics = statistics;
		this.regions = regions;
		this.visibility = visibility;
	}

	/** Runs outside any transaction: hits are projected from the index, so no database connection is taken. */
	public SearchResult search(SearchQuery query, @Nullable Actor reader) {
		return search(query, reader, true);
	}

	/** Like {@link #search(SearchQuery, Actor)}; without facets when the caller needs only the hits (matching). */
	public SearchResult search(SearchQuery query, @Nullable Actor reader, boolean facets) {
		try (EntityManager session = entityManagerFactory.createEntityManager()) {
			return doSearch(session, query, reader, facets);
		}
	}

	private SearchResult doSearch(EntityManager entityManager, SearchQuery query, @Nullable Actor reader, boolean facets) {
		if (query.region() != null && !query.region().isBlank()) {
			regions.get(query.region());
		}
		List<String> zonePrefixes = query.zone() == null || query.zone().isBlank() ? List.of()
				: regions.zone(query.zone()).regions().stream().map(r -> RegionCodes.prefix(r.code())).toList();
		List<List<List<String>>> concepts = this.concepts.of(query.text());
		EntryVisibility.Reader who = visibility.reader(reader);
		Paging paging = Paging.of(query.page(), query.size(), 100);
		int size = paging.size();
		int page = paging.page();
		if (concepts.isEmpty() && query.text() != null && !query.text().isBlank()) {
			// a query of nothing but punctuation or symbols asks for nothing: it finds nothing, not everything
			return empty(page, size, facets);
		}

		SearchSession session = Search.session(entityManager);
		Set<String> common = statistics.commonTokens(session, concepts);
		var options = session.search(CatalogEntry.class)
			.select(HitProjection::fields)
			.where(f -> predicate(f, query, concepts, common, zonePrefixes, who))
			.sort(f -> switch (query.sort()) {
				case PRICE_ASC -> (SortFinalStep) f.field("priceFen").asc().missing().last();
				case PRICE_DESC -> (SortFinalStep) f.field("priceFen").desc().missing().last();
				case NEWEST -> (SortFinalStep) f.field("publishedAt").desc();
				case RELEVANCE -> concepts.isEmpty() ? (SortFinalStep) f.field("publishedAt").desc() : (SortFinalStep) f.score();
			});
		// the counts below a region only when one is chosen: the provinces' counts serve the rest
		boolean below = facets && query.region() != null && !query.region().isBlank();
		var withFacets = !facets ? options : options
			.aggregation(BY_TYPE, f -> f.terms().field("type", EntryType.class).maxTermCount(10))
			.aggregation(BY_PROVINCE, f -> f.terms().field("province", String.class).maxTermCount(40))
			.aggregation(BY_CATEGORY, f -> f.terms().field("category", String.class).maxTermCount(30))
			.aggregation(BY_MATURITY, f -> f.terms().field("maturity", String.class).maxTermCount(10))
			.aggregation(BY_ACCREDITATION, f -> f.terms().field("accreditation", String.class).maxTermCount(10));
		org.hibernate.search.engine.search.query.SearchQuery<List<?>> search = (below ? withFacets
			.aggregation(BY_REGION_SCOPE, f -> f.terms().field("regionScope", String.class).maxTermCount(1000)) : withFacets)
			.toQuery();
		boolean diversify = facets && query.sort() == SearchQuery.Sort.RELEVANCE && paging.offset() < DIVERSIFIED;
		var result = diversify ? search.fetch(0, Math.max(DIVERSIFIED, paging.offset() + size))
				: search.fetch(paging.offset(), size);

		List<String> highlight = QueryConcepts.highlightTerms(concepts);
		List<SearchResult.Hit> hits = result.hits().stream().map(row -> HitProjection.hit(row, who, highlight)).toList();
		if (diversify) {
			hits = diversified(hits);
			hits = hits.subList(Math.min(hits.size(), paging.offset()), Math.min(hits.size(), paging.offset() + size));
		}
		Map<String, Map<String, Long>> facetCounts = new LinkedHashMap<>();
		if (!facets) {
			return new SearchResult(result.total().hitCount(), facetCounts, hits, page, size);
		}
		Map<String, Long> types = new LinkedHashMap<>();
		result.aggregation(BY_TYPE).forEach((type, count) -> types.put(type.name(), count));
		facetCounts.put("type", types);
		facetCounts.put("region", result.aggregation(BY_PROVINCE));
		facetCounts.put("category", result.aggregation(BY_CATEGORY));
		facetCounts.put("maturity", result.aggregation(BY_MATURITY));
		facetCounts.put("accreditation", result.aggregation(BY_ACCREDITATION));
		return new SearchResult(result.total().hitCount(), facetCounts, hits, page, size,
				below ? result.aggregation(BY_REGION_SCOPE) : Map.of());
	}

	private static SearchResult empty(int page, int size, boolean facets) {
		Map<String, Map<String, Long>> none = new LinkedHashMap<>();
		if (facets) {
			List.of("type", "region", "category", "maturity", "accreditation").forEach(key -> none.put(key, Map.of()));
		}
		return new SearchResult(0, none, List.of(), page, size);
	}

	/**
	 * The first {@link #DIVERSIFIED} hits with each repeat of a type and title worth half the one before it
	 * (the second of eight identical instruments ranks as if it scored half, the third a quarter), so that
	 * other titles that matched nearly as well come between them; where there are no scores (no words to rank
	 * by) the first of each title, then the second of each, and so on. Each hit knows how many of these hits
	 * share its title.
	 */
	static List<SearchResult.Hit> diversified(List<SearchResult.Hit> hits) {
		int window = Math.min(DIVERSIFIED, hits.size());
		Map<String, Integer> counts = new HashMap<>();
		for (SearchResult.Hit hit : hits.subList(0, window)) {
			counts.merge(titleKey(hit), 1, Integer::sum);
		}
		boolean scored = hits.subList(0, window).stream().anyMatch(h -> h.score() > 0 && !Float.isNaN(h.score()));
		Map<String, Integer> seen = new HashMap<>();
		List<double[]> order = new ArrayList<>();
		for (int i = 0; i < window; i++) {
			int repeat = seen.merge(titleKey(hits.get(i)), 1, Integer::sum) - 1;
			order.add(new double[] { scored ? -hits.get(i).score() * Math.pow(0.5, repeat) : repeat, i });
		}
		order.sort(Comparator.<double[]>comparingDouble(o -> o[0]).thenComparingDouble(o -> o[1]));
		List<SearchResult.Hit> spread = new ArrayList<>(hits.size());
		for (double[] o : order) {
			SearchResult.Hit hit = hits.get((int) o[1]);
			spread.add(hit.withSameTitle(counts.get(titleKey(hit))));
		}
		spread.addAll(hits.subList(window, hits.size()));
		return spread;
	}

	private static String titleKey(SearchResult.Hit hit) {
		return hit.type() + " " + ChineseText.normalise(hit.title());
	}

	/**
	 * What a demand (or any description of a need) could be answered by: entries that share any of its words,
	 * ranked by BM25 over the same field weights as search, the demand's keywords counting twice. Unlike a
	 * search nothing is required to match, since a need is rarely worded like its answer. Same visibility
	 * rules as search; {@code regionPrefixes} (empty: all) limits the regions the entries come from.
	 */
	List<Match> match(String text, List<String> keywords, Set<EntryType> types, List<String> regionPrefixes,
			@Nullable Actor reader, int limit) {
		EntryVisibility.Reader who = visibility.reader(reader);
		try (EntityManager own = entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(own);
			List<String> textTokens = statistics.telling(session, ChineseText.rememberedTokens(text), MATCH_TERMS);
			List<String> keywordTokens = statistics.telling(session,
					keywords.stream().flatMap(k -> ChineseText.tokens(k).stream()).toList(), MATCH_KEYWORD_TERMS);
			if (textTokens.isEmpty() && keywordTokens.isEmpty()) {
				return List.of();
			}
			List<List<?>> rows = session.search(CatalogEntry.class)
				.select(HitProjection::fields)
				.where(f -> {
					// a word both in the text and in the keywords is one clause weighing 3 (1 + 2), the same score
					// as two clauses for half the postings walked
					Map<String, Float> weights = new LinkedHashMap<>();
					textTokens.forEach(t -> weights.merge(t, 1f, Float::sum));
					keywordTokens.forEach(t -> weights.merge(t, 2f, Float::sum));
					var words = f.bool();
					weights.forEach((t, weight) -> words.should(weight == 1f ? token(f, t)
							: f.match().field("allTokens").matching(t).boost(weight)));
					var bool = f.bool().must(words);
					bool.mustNot(EntryVisibility.unlisted(f, who));
					if (!types.isEmpty()) {
						bool.filter(f.terms().field("type").matchingAny(types));
					}
					if (!regionPrefixes.isEmpty()) {
						bool.filter(f.terms().field("regionScope").matchingAny(regionPrefixes));
					}
					return bool;
				})
				// no exact count: the ranking may then skip entries that cannot reach the top (block-max WAND)
				.totalHitCountThreshold(Math.clamp(limit, 1, 1000))
				.fetchHits(Math.clamp(limit, 1, 1000));
			return rows.stream().map(row -> HitProjection.match(row, who)).toList();
		}
	}

	/** At most this many of a need's words take part in matching: the ones that tell the most. */
	static final int MATCH_TERMS = 25;

	static final int MATCH_KEYWORD_TERMS = 16;

	/** An entry that could answer a need: what the index holds of it and its BM25 score. */
	record Match(EntryType type, java.util.UUID id, String title, String summary, String regionCode,
			String organisation, java.util.UUID ownerOrgId, float score) {
	}

	private static @Nullable Long fen(java.math.@Nullable BigDecimal yuan) {
		return yuan == null ? null : yuan.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
	}

	/** Titles for the search box's suggestions as the user types. */
	@Transactional(readOnly = true)
	public List<String> suggest(String prefix, int limit) {
		List<String> tokens = ChineseText.tokens(prefix);
		if (tokens.isEmpty()) {
			return List.of();
		}
		return Search.session(entityManager).search(CatalogEntry.class)
			// suggestions are the same for every reader: what a visitor may see
			.where(f -> f.bool().must(f.match().field("titleTokens").matching(String.join(" ", tokens)))
				.filter(EntryVisibility.listed(f, EntryVisibility.Reader.VISITOR)))
			.fetchHits(limit)
			.stream().map(CatalogEntry::title).distinct().toList();
	}

	private PredicateFinalStep predicate(SearchPredicateFactory f, SearchQuery query, List<List<List<String>>> concepts,
			Set<String> common, List<String> zonePrefixes, EntryVisibility.Reader reader) {
		var bool = f.bool();
		if (concepts.isEmpty()) {
			bool.must(f.matchAll());
		}
		else {
			var text = f.bool();
			int required = 0;
			boolean words = concepts.stream().anyMatch(c -> !QueryConcepts.weak(c));
			for (List<List<String>> concept : concepts) {
				String single = QueryConcepts.single(concept);
				if (single != null && common.contains(single)) {
					// neither required nor scored: see commonTokens
					continue;
				}
				if (words && QueryConcepts.weak(concept)) {
					// a lone character beside words (猫 in 量子猫粮) adds to the score but finds nothing alone:
					// requiring it made any two characters of a nonsense query a hit
					bool.should(token(f, single));
					continue;
				}
				required++;
				if (single != null) {
					text.should(token(f, single));
				}
				else {
					// a synonym group: any one of its terms, each with all of its tokens
					var anyTerm = f.bool();
					for (List<String> term : concept) {
						var allTokens = f.bool();
						term.forEach(t -> allTokens.must(token(f, t)));
						anyTerm.should(allTokens);
					}
					text.should(anyTerm);
				}
			}
			if (required > 0) {
				text.minimumShouldMatchNumber(Math.max(1, (int) Math.ceil(required * 0.6)));
				bool.must(text);
			}
			else {
				bool.must(f.matchNone());
			}
		}
		bool.filter(EntryVisibility.listed(f, reader));
		if (!query.types().isEmpty()) {
			bool.filter(f.terms().field("type").matchingAny(query.types()));
		}
		if (query.region() != null && !query.region().isBlank()) {
			bool.filter(f.match().field("regionScope").matching(RegionCodes.prefix(query.region())));
		}
		if (!zonePrefixes.isEmpty()) {
			bool.filter(f.terms().field("regionScope").matchingAny(zonePrefixes));
		}
		if (query.category() != null && !query.category().isBlank()) {
			bool.filter(f.match().field("category").matching(query.category().strip()));
		}
		if (query.maturity() != null && !query.maturity().isBlank()) {
			bool.filter(f.match().field("maturity").matching(query.maturity().strip()));
		}
		if (query.accreditation() != null && !query.accreditation().isBlank()) {
			bool.filter(f.match().field("accreditation").matching(query.accreditation().strip().toUpperCase(Locale.ROOT)));
		}
		if (query.priceMin() != null || query.priceMax() != null) {
			if (query.priceMin() != null && query.priceMax() != null && query.priceMin().compareTo(query.priceMax()) > 0) {
				throw KejiaoException.invalid("catalog.price-range");
			}
			bool.filter(f.range().field("priceFen").between(fen(query.priceMin()), fen(query.priceMax())));
		}
		return bool;
	}

	private static PredicateFinalStep token(SearchPredicateFactory f, String token) {
		return f.match().field("allTokens").matching(token);
	}
}
