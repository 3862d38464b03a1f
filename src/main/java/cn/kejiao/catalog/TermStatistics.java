package cn.kejiao.catalog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Lru;

/**
 * How often the index holds a token, and what follows from it: which of a query's tokens are too common to
 * require, and which words of a long text tell the most about it. Frequencies are kept a few minutes,
 * since they drift slowly.
 */
@Component
class TermStatistics {

	/** A token is common above this share of the entries ... */
	static final double COMMON_SHARE = 0.05;

	/** ... and above this many entries, so small catalogs are searched with every token. */
	static final long COMMON_MINIMUM = 5_000;

	private record Frequency(long count, long at, long entries) {
	}

	/**
	 * Documents with the token ("" for all). A word no entry has is remembered only while the catalog holds
	 * as many entries as when it was asked, so a demand posted before the catalog filled does not lose its words.
	 */
	private final Map<String, Frequency> frequencies = Lru.map(50_000);

	/**
	 * Tokens of the query so frequent in a large catalog (研究, 方法, 基于, ...) that requiring them would walk
	 * huge posting lists for little meaning. They are left out of the query, as stop words are: scoring
	 * them meant advancing their posting lists to every match of the rarer tokens, a fifth of a query's
	 * time at a million entries, for a small share of the score (their idf is low). If every token is
	 * common, none is treated so.
	 */
	Set<String> commonTokens(SearchSession session, List<List<List<String>>> concepts) {
		List<String> singles = concepts.stream().map(QueryConcepts::single).filter(t -> t != null).distinct().toList();
		if (singles.size() < 2) {
			return Set.of();
		}
		long entries = frequency(session, "", -1);
		if (entries * COMMON_SHARE < COMMON_MINIMUM) {
			return Set.of();
		}
		Set<String> common = new HashSet<>();
		for (String token : singles) {
			long frequency = frequency(session, token, -1);
			if (frequency > entries * COMMON_SHARE && frequency > COMMON_MINIMUM) {
				common.add(token);
			}
		}
		return common.size() == concepts.size() ? Set.of() : common;
	}

	/**
	 * The words of a long text that tell the most about it, as "more like this" picks them: by how often the
	 * text uses them times how rare they are in the catalog (tf·idf), without words no entry has and, in a
	 * large catalog, without the common ones (the {@link #commonTokens} rule). A demand's description has a
	 * hundred words; scoring a million entries on all of them costs ten times more and ranks no better.
	 */
	List<String> telling(SearchSession session, List<String> tokens, int limit) {
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

	/** {@code entries}: how many entries the catalog holds now, or -1 to ask again for a word none had. */
	private long frequency(SearchSession session, String token, long entries) {
		long now = System.nanoTime();
		Frequency known = frequencies.get(token);
		if (known != null && now - known.at() < 300_000_000_000L
				&& (known.count() > 0 || entries >= 0 && known.entries() == entries)) {
			return known.count();
		}
		long count = session.search(CatalogEntry.class)
			.where(f -> token.isEmpty() ? f.matchAll() : f.match().field("allTokens").matching(token))
			.fetchTotalHitCount();
		frequencies.put(token, new Frequency(count, now, entries));
		return count;
	}

	/** How many entries the index holds now (not remembered: cheap, and it tells when the catalog changed). */
	private static long entriesNow(SearchSession session) {
		return session.search(CatalogEntry.class).where(f -> f.matchAll()).fetchTotalHitCount();
	}
}
