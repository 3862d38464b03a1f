package cn.kejiao.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.kejiao.platform.Actor;

/**
 * The catalog's entries that could answer a need (a demand's words, or any description of one), ranked by
 * catalog data alone: BM25 of the need's words in the index, the embeddings of what entries mean when they
 * are known ({@link EntryVectors}), and "more like the best match". Visibility is the reader's, as in search.
 * What people said of the suggestions is the asking module's business, not the catalog's.
 */
@Service
public class CatalogMatching {

	/**
	 * A need: its text, its keywords (counting twice), the entry types wanted (empty: all) and the regions
	 * the entries may come from, as GB/T 2260 prefixes (empty: all).
	 */
	public record Need(String text, List<String> keywords, Set<EntryType> types, List<String> regionPrefixes) {

		/** A need worded as text alone, from anywhere, of any type. */
		public static Need of(String text) {
			return new Need(text, List.of(), Set.of(), List.of());
		}
	}

	/**
	 * An entry that could answer the need, with its score (2 for the best match) and the signals it came from:
	 * {@code words}, BM25 of the need's words as a share of the best; {@code likeBest}, BM25 of the best match's
	 * own words as a share of the best; {@code meaning}, the cosine of the embeddings (the need's with the best
	 * match's, the best match's field with the others' fields), 0 where a signal did not take part.
	 */
	public record Candidate(EntryType type, UUID id, String title, String summary, String regionCode,
			String organisation, UUID ownerOrgId, double score, Signals signals) {
	}

	public record Signals(double words, double likeBest, double meaning) {
	}

	private final CatalogSearch search;
	private final EntryVectors vectors;
	private final Catalog catalog;

	CatalogMatching(CatalogSearch search, EntryVectors vectors, Catalog catalog) {
		this.search = search;
		this.vectors = vectors;
		this.catalog = catalog;
	}

	/**
	 * The ranking every match goes through: BM25 of the need's words, plus BM25 of the best match's own words
	 * ("more like the best match"), each divided by its best score, with equal weight. A need is rarely worded
	 * like its answer, but the best match is worded like the other answers in its field: the second part
	 * raises entries of the same field that share few words with the need. {@code limit} entries from the
	 * union of both lists.
	 */
	public List<Candidate> rank(Need need, @Nullable Actor reader, int limit) {
		List<CatalogSearch.Match> first = search.match(need.text(), need.keywords(), need.types(), need.regionPrefixes(),
				reader, limit);
		if (vectors.ready()) {
			return rankByMeaning(need, reader, limit, first);
		}
		if (first.size() < 2) {
			return first.stream().map(m -> candidate(m, 2, new Signals(1, 0, 0))).toList();
		}
		CatalogSearch.Match best = first.getFirst();
		List<CatalogSearch.Match> like = search.match(best.title() + " " + best.summary(), List.of(), need.types(),
				need.regionPrefixes(), reader, limit);
		Map<UUID, CatalogSearch.Match> entries = new LinkedHashMap<>();
		Map<UUID, Double> words = new HashMap<>();
		Map<UUID, Double> likeBest = new HashMap<>();
		double top = first.getFirst().score();
		for (CatalogSearch.Match m : first) {
			entries.put(m.id(), m);
			words.put(m.id(), m.score() / top);
		}
		double topLike = like.isEmpty() ? 1 : like.getFirst().score();
		for (CatalogSearch.Match m : like) {
			entries.putIfAbsent(m.id(), m);
			likeBest.put(m.id(), m.score() / topLike);
		}
		return entries.values().stream().map(m -> {
			double w = words.getOrDefault(m.id(), 0.0);
			double l = likeBest.getOrDefault(m.id(), 0.0);
			return candidate(m, w + l, new Signals(w, l, 0));
		}).sorted(Comparator.comparingDouble(Candidate::score).reversed()).limit(limit).toList();
	}

	/** Plain BM25 of the need's words, the first part of {@link #rank}; for comparisons in the evaluation. */
	public List<Candidate> bm25(Need need, @Nullable Actor reader, int limit) {
		return search.match(need.text(), need.keywords(), need.types(), need.regionPrefixes(), reader, limit).stream()
			.map(m -> candidate(m, m.score(), new Signals(m.score(), 0, 0))).toList();
	}

	/**
	 * Embeds what is not embedded yet and holds it in memory, now rather than in the background; returns how
	 * many entries were embedded. For the evaluation, which measures ranking by meaning at once.
	 */
	public int embedNow() {
		return vectors.refresh();
	}

	/**
	 * The ranking when the catalog's meaning is known: the best match is the entry with the best even mix of
	 * BM25 and the cosine of the need's and the entry's embeddings (each scaled to 0–1 over the candidates:
	 * BM25's and the embeddings' best {@code limit}); the others follow as the best match's neighbours — the
	 * cosine of their field vectors plus half the BM25 of the best match's own words, as a share of its own.
	 * On the CSL papers this found each paper as well as BM25 and put papers of its discipline around it half
	 * again as often (docs/matching.md).
	 */
	private List<Candidate> rankByMeaning(Need need, @Nullable Actor reader, int limit, List<CatalogSearch.Match> first) {
		Set<EntryType> types = need.types();
		List<String> scope = need.regionPrefixes();
		float[] query = vectors.embedQuery(String.join(" ", need.text(), String.join(" ", need.keywords())).strip());
		Map<UUID, Double> cosine = vectors.similarities(query, types, scope, reader);
		Map<UUID, Double> bm25 = new HashMap<>();
		Map<UUID, CatalogSearch.Match> known = new LinkedHashMap<>();
		first.forEach(m -> {
			bm25.put(m.id(), (double) m.score());
			known.put(m.id(), m);
		});
		Set<UUID> candidates = new LinkedHashSet<>(bm25.keySet());
		cosine.entrySet().stream().sorted(Map.Entry.<UUID, Double>comparingByValue().reversed()).limit(limit)
			.forEach(e -> candidates.add(e.getKey()));
		if (candidates.isEmpty()) {
			return List.of();
		}
		double bMin = candidates.stream().mapToDouble(id -> bm25.getOrDefault(id, 0.0)).min().orElse(0);
		double bMax = candidates.stream().mapToDouble(id -> bm25.getOrDefault(id, 0.0)).max().orElse(1);
		double cMin = candidates.stream().filter(cosine::containsKey).mapToDouble(cosine::get).min().orElse(0);
		double cMax = candidates.stream().filter(cosine::containsKey).mapToDouble(cosine::get).max().orElse(1);
		UUID best = null;
		double bestMix = Double.NEGATIVE_INFINITY;
		for (UUID id : candidates) {
			double mix = 0.5 * (bm25.getOrDefault(id, 0.0) - bMin) / (bMax - bMin + 1e-12)
					+ 0.5 * (cosine.getOrDefault(id, cMin) - cMin) / (cMax - cMin + 1e-12);
			if (mix > bestMix) {
				bestMix = mix;
				best = id;
			}
		}
		CatalogSearch.Match top = known.get(best);
		if (top == null) {
			top = asMatches(List.of(best), reader).stream().findFirst().orElse(null);
			if (top == null) {
				return first.stream().map(m -> candidate(m, 2, new Signals(1, 0, 0))).toList();
			}
			known.put(top.id(), top);
		}
		List<CatalogSearch.Match> like = search.match(top.title() + " " + top.summary(), List.of(), types, scope, reader,
				limit);
		double likeTop = like.isEmpty() ? 1 : like.getFirst().score();
		Map<UUID, Double> field = vectors.fieldSimilarities(top.id(), types, scope, reader);
		Map<UUID, Double> likeBest = new HashMap<>();
		Map<UUID, Double> neighbours = new HashMap<>(field);
		for (CatalogSearch.Match m : like) {
			known.putIfAbsent(m.id(), m);
			likeBest.put(m.id(), m.score() / likeTop);
			neighbours.merge(m.id(), 0.5 * m.score() / likeTop, Double::sum);
		}
		UUID topId = top.id();
		List<UUID> order = new ArrayList<>();
		order.add(topId);
		neighbours.entrySet().stream().filter(e -> !e.getKey().equals(topId))
			.sorted(Map.Entry.<UUID, Double>comparingByValue().reversed()).limit(limit - 1L).forEach(e -> order.add(e.getKey()));
		List<UUID> missing = order.stream().filter(id -> !known.containsKey(id)).toList();
		asMatches(missing, reader).forEach(m -> known.put(m.id(), m));
		double bestWords = bMax == 0 ? 1 : bMax;
		List<Candidate> ranked = new ArrayList<>();
		for (UUID id : order) {
			CatalogSearch.Match match = known.get(id);
			if (match == null) {
				continue;
			}
			Signals signals = id.equals(topId)
					? new Signals(bm25.getOrDefault(id, 0.0) / bestWords, 0, cosine.getOrDefault(id, 0.0))
					: new Signals(bm25.getOrDefault(id, 0.0) / bestWords, likeBest.getOrDefault(id, 0.0), field.getOrDefault(id, 0.0));
			// the best match first (2), its neighbours after it (at most 1.5)
			ranked.add(candidate(match, id.equals(topId) ? 2 : Math.min(1.5, neighbours.get(id)), signals));
		}
		return ranked;
	}

	/** Entries the index did not return (found by meaning), as matches, in the given order. */
	private List<CatalogSearch.Match> asMatches(List<UUID> ids, @Nullable Actor reader) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return catalog.views(ids, reader).stream()
			.map(v -> new CatalogSearch.Match(v.type(), v.id(), v.title(), v.confidential() ? "" : v.summary(), v.regionCode(),
					v.ownerOrgName(), v.ownerOrgId(), 0f))
			.toList();
	}

	private static Candidate candidate(CatalogSearch.Match m, double score, Signals signals) {
		return new Candidate(m.type(), m.id(), m.title(), m.summary(), m.regionCode(), m.organisation(), m.ownerOrgId(),
				score, signals);
	}
}
