package cn.kejiao.catalog;

import java.util.ArrayList;
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
import cn.kejiao.platform.Lru;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.text.ChineseText;
import cn.kejiao.region.Regions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * One search box over the whole catalog. The query is normalised and segmented like the indexed text;
 * synonym groups widen it; title counts three times, keywords twice, the rest once (BM25 over one field
 * where title and keyword tokens are repeated); at least 60%
 * of the query's concepts must match. Filters narrow by type, region subtree, cooperation zone, category,
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

	private final EntityManager entityManager;
	private final EntityManagerFactory entityManagerFactory;
	private final Synonyms synonyms;
	private final Regions regions;
	private final EntryVisibility visibility;

	CatalogSearch(EntityManager entityManager, EntityManagerFactory entityManagerFactory, Synonyms synonyms,
			Regions regions, EntryVisibility visibility) {
		this.visibility = visibility;
		this.entityManager = entityManager;
		this.entityManagerFactory = entityManagerFactory;
		this.synonyms = synonyms;
		this.regions = regions;
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
		List<List<List<String>>> concepts = concepts(query.text());
		EntryVisibility.Reader who = visibility.reader(reader);
		int size = Math.clamp(query.size(), 1, 100);
		int page = Math.max(query.page(), 0);

		SearchSession session = Search.session(entityManager);
		Set<String> common = commonTokens(session, concepts);
		var options = session.search(CatalogEntry.class)
			.select(f -> f.composite().from(f.id(), f.field("type"), f.field("titleStored"), f.field("summaryStored"),
					f.field("regionCode"), f.field("ownerOrgNameStored"), f.field("confidentiality"), f.field("ownerOrgId"),
					f.score()).asList())
			.where(f -> predicate(f, query, concepts, common, zonePrefixes, who))
			.sort(f -> switch (query.sort()) {
				case PRICE_ASC -> (SortFinalStep) f.field("priceFen").asc().missing().last();
				case PRICE_DESC -> (SortFinalStep) f.field("priceFen").desc().missing().last();
				case NEWEST -> (SortFinalStep) f.field("publishedAt").desc();
				case RELEVANCE -> concepts.isEmpty() ? (SortFinalStep) f.field("publishedAt").desc() : (SortFinalStep) f.score();
			});
		org.hibernate.search.engine.search.query.SearchQuery<List<?>> search = !facets ? options.toQuery() : options
			.aggregation(BY_TYPE, f -> f.terms().field("type", EntryType.class).maxTermCount(10))
			.aggregation(BY_PROVINCE, f -> f.terms().field("province", String.class).maxTermCount(40))
			.aggregation(BY_CATEGORY, f -> f.terms().field("category", String.class).maxTermCount(30))
			.aggregation(BY_MATURITY, f -> f.terms().field("maturity", String.class).maxTermCount(10))
			.aggregation(BY_ACCREDITATION, f -> f.terms().field("accreditation", String.class).maxTermCount(10))
			.toQuery();
		var result = search.fetch(page * size, size);

		List<String> highlight = concepts.stream().flatMap(List::stream).flatMap(List::stream)
			.filter(t -> t.length() >= 2 || t.matches("[a-z0-9]+")).distinct().toList();
		List<SearchResult.Hit> hits = new ArrayList<>();
		for (List<?> row : result.hits()) {
			// everything a hit shows comes from the index: no database round trip per result page
			String regionCode = (String) row.get(4);
			java.util.UUID owner = (java.util.UUID) row.get(7);
			boolean hide = row.get(6) == Confidentiality.ON_REQUEST && !EntryVisibility.privileged(who, owner, regionCode);
			String summary = row.get(3) == null ? "" : (String) row.get(3);
			float score = row.get(8) instanceof Float f ? f : 0f;
			hits.add(new SearchResult.Hit((EntryType) row.get(1), (java.util.UUID) row.get(0), (String) row.get(2),
					snippet(hide ? "" : summary, highlight), regionCode, (String) row.get(5), score, hide));
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
		return new SearchResult(result.total().hitCount(), facetCounts, hits, page, size);
	}

	/**
	 * What a demand (or any description of a need) could be answered by: entries that share any of its words,
	 * ranked by BM25 over the same field weights as search, the demand's keywords counting twice. Unlike a
	 * search nothing is required to match, since a need is rarely worded like its answer. Same visibility
	 * rules as search; {@code regionPrefixes} (empty: all) limits the regions the entries come from.
	 */
	public List<Match> match(String text, List<String> keywords, Set<EntryType> types, List<String> regionPrefixes,
			@Nullable Actor reader, int limit) {
		EntryVisibility.Reader who = visibility.reader(reader);
		try (EntityManager own = entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(own);
			List<String> textTokens = telling(session, ChineseText.rememberedTokens(text), MATCH_TERMS);
			List<String> keywordTokens = telling(session,
					keywords.stream().flatMap(k -> ChineseText.tokens(k).stream()).toList(), MATCH_KEYWORD_TERMS);
			if (textTokens.isEmpty() && keywordTokens.isEmpty()) {
				return List.of();
			}
			List<List<?>> rows = session.search(CatalogEntry.class)
				.select(f -> f.composite().from(f.id(), f.field("type"), f.field("titleStored"), f.field("summaryStored"),
						f.field("regionCode"), f.field("ownerOrgNameStored"), f.field("confidentiality"), f.field("ownerOrgId"),
						f.score()).asList())
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
			List<Match> matches = new ArrayList<>();
			for (List<?> row : rows) {
				String regionCode = (String) row.get(4);
				java.util.UUID owner = (java.util.UUID) row.get(7);
				boolean hide = row.get(6) == Confidentiality.ON_REQUEST && !EntryVisibility.privileged(who, owner, regionCode);
				matches.add(new Match((EntryType) row.get(1), (java.util.UUID) row.get(0), (String) row.get(2),
						hide || row.get(3) == null ? "" : (String) row.get(3), regionCode, (String) row.get(5), owner,
						row.get(8) instanceof Float score ? score : 0f));
			}
			return matches;
		}
	}

	/** At most this many of a need's words take part in matching: the ones that tell the most. */
	static final int MATCH_TERMS = 25;

	static final int MATCH_KEYWORD_TERMS = 16;

	/**
	 * The words of a long text that tell the most about it, as "more like this" picks them: by how often the
	 * text uses them times how rare they are in the catalog (tf·idf), without words no entry has and, in a
	 * large catalog, without the common ones (the {@link #commonTokens} rule). A demand's description has a
	 * hundred words; scoring a million entries on all of them costs ten times more and ranks no better.
	 */
	private List<String> telling(SearchSession session, List<String> tokens, int limit) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		tokens.forEach(t -> counts.merge(t, 1, Integer::sum));
		if (counts.isEmpty()) {
			return List.of();
		}
		long now = entriesNow(session);
		long entries = Math.max(1, now);
		boolean large = entries * COMMON_SHARE >= COMMON_MINIMUM;
		Map<String, Double> weights = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> token : counts.entrySet()) {
			long df = frequency(session, token.getKey(), now);
			if (df == 0 || large && df > entries * COMMON_SHARE) {
				continue;
			}
			weights.put(token.getKey(), token.getValue() * Math.log(1 + (double) entries / (df + 1)));
		}
		return weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
			.map(Map.Entry::getKey).toList();
	}

	/** An entry that could answer a need: what the index holds of it and its BM25 score. */
	public record Match(EntryType type, java.util.UUID id, String title, String summary, String regionCode,
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

	/**
	 * Tokens of the query so frequent in a large catalog (研究, 方法, 基于, ...) that requiring them would walk
	 * huge posting lists for little meaning. They are left out of the query, as stop words are: scoring
	 * them meant advancing their posting lists to every match of the rarer tokens, a fifth of a query's
	 * time at a million entries, for a small share of the score (their idf is low). A token is common above
	 * {@link #COMMON_SHARE} of the entries and {@link #COMMON_MINIMUM} entries, so small catalogs are
	 * searched as before. If every token is common, none is treated so.
	 */
	private Set<String> commonTokens(SearchSession session, List<List<List<String>>> concepts) {
		List<String> singles = concepts.stream().filter(c -> c.size() == 1 && c.getFirst().size() == 1)
			.map(c -> c.getFirst().getFirst()).distinct().toList();
		if (singles.size() < 2) {
			return Set.of();
		}
		long entries = frequency(session, "");
		if (entries * COMMON_SHARE < COMMON_MINIMUM) {
			return Set.of();
		}
		Set<String> common = new java.util.HashSet<>();
		for (String token : singles) {
			long frequency = frequency(session, token);
			if (frequency > entries * COMMON_SHARE && frequency > COMMON_MINIMUM) {
				common.add(token);
			}
		}
		return common.size() == concepts.size() ? Set.of() : common;
	}

	static final double COMMON_SHARE = 0.05;

	static final long COMMON_MINIMUM = 5_000;

	private record Frequency(long count, long at, long entries) {
	}

	/**
	 * Documents with the token ("" for all), kept a few minutes: frequencies drift slowly. A word no entry has
	 * is remembered only while the catalog holds as many entries as when it was asked, so a demand posted
	 * before the catalog filled does not lose its words.
	 */
	private final Map<String, Frequency> frequencies = Lru.map(50_000);

	private long frequency(SearchSession session, String token) {
		return frequency(session, token, -1);
	}

	/** {@code entries}: how many entries the catalog holds now, or -1 to ask again for a word none had. */
	private long frequency(SearchSession session, String token, long entries) {
		long now = System.nanoTime();
		Frequency known = frequencies.get(token);
		if (known != null && now - known.at() < 300_000_000_000L
				&& (known.count() > 0 || entries >= 0 && known.entries() == entries)) {
			return known.count();
		}
		long count = session.search(CatalogEntry.class)
			.where(f -> token.isEmpty() ? f.matchAll() : token(f, token))
			.fetchTotalHitCount();
		frequencies.put(token, new Frequency(count, now, entries));
		return count;
	}

	/** How many entries the index holds now (not remembered: cheap, and it tells when the catalog changed). */
	private static long entriesNow(SearchSession session) {
		return session.search(CatalogEntry.class).where(f -> f.matchAll()).fetchTotalHitCount();
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
			for (List<List<String>> concept : concepts) {
				if (concept.size() == 1 && concept.getFirst().size() == 1 && common.contains(concept.getFirst().getFirst())) {
					// neither required nor scored: see commonTokens
					continue;
				}
				required++;
				if (concept.size() == 1 && concept.getFirst().size() == 1) {
					text.should(token(f, concept.getFirst().getFirst()));
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
			text.minimumShouldMatchNumber(Math.max(1, (int) Math.ceil(required * 0.6)));
			bool.must(text);
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

	/**
	 * The query's concepts, each a list of alternative terms, each term the tokens it must all match: a
	 * synonym group the query mentions becomes one concept with one alternative per synonym; every other
	 * token is a concept of its own.
	 */
	List<List<List<String>>> concepts(@Nullable String text) {
		String normal = ChineseText.normalise(text);
		if (normal.isEmpty()) {
			return List.of();
		}
		List<List<List<String>>> concepts = new ArrayList<>();
		String latinWords = null;
		for (List<String> group : synonyms.groups()) {
			for (String term : group) {
				boolean found;
				if (LATIN_TERM.matcher(term).matches()) {
					if (latinWords == null) {
						latinWords = " " + NOT_LATIN.matcher(normal).replaceAll(" ") + " ";
					}
					found = latinWords.contains(" " + term + " ");
				}
				else {
					found = normal.contains(term);
				}
				if (found) {
					concepts.add(group.stream().map(ChineseText::tokens).filter(t -> !t.isEmpty()).toList());
					normal = normal.replace(term, " ");
					latinWords = null;
					break;
				}
			}
		}
		for (String token : ChineseText.tokens(normal)) {
			concepts.add(List.of(List.of(token)));
		}
		return concepts;
	}

	private static final java.util.regex.Pattern LATIN_TERM = java.util.regex.Pattern.compile("[a-z0-9\\- ]+");

	private static final java.util.regex.Pattern NOT_LATIN = java.util.regex.Pattern.compile("[^a-z0-9\\-]+");

	/** Up to 160 characters of the summary around the first matched term, terms marked. */
	static String snippet(String summary, List<String> terms) {
		if (summary == null || summary.isBlank()) {
			return "";
		}
		String normal = ChineseText.normalise(summary);
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
		StringBuilder html = new StringBuilder(start > 0 ? "…" : "");
		for (int i = 0; i < window.length(); i++) {
			if (marked[i] && (i == 0 || !marked[i - 1])) {
				html.append("<mark>");
			}
			char c = window.charAt(i);
			switch (c) {
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '&' -> html.append("&amp;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
			if (marked[i] && (i == window.length() - 1 || !marked[i + 1])) {
				html.append("</mark>");
			}
		}
		return html.append(end < source.length() ? "…" : "").toString();
	}
}
