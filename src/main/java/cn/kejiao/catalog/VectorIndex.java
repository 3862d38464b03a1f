package cn.kejiao.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * The published entries' vectors in memory, immutable once built, with each entry's "field vector" — its
 * embedding averaged with those of its four nearest entries, which groups entries of one field more
 * reliably than a single text does. Vectors are unit length, so a dot product is their cosine.
 */
final class VectorIndex {

	static final VectorIndex EMPTY = new VectorIndex(Map.of());

	/** Above this many entries the field vectors are the entries' own: the brute-force neighbours cost n². */
	static final int SMOOTHED_AT_MOST = 6000;

	/** An entry in memory: what visibility needs, its vector and its field vector. */
	record Held(UUID id, EntryType type, String regionCode, Confidentiality confidentiality, UUID ownerOrgId,
			float[] vector, float[] field) {
	}

	private final Map<UUID, Held> held;

	private VectorIndex(Map<UUID, Held> held) {
		this.held = held;
	}

	static VectorIndex of(List<VectorStore.Stored> entries) {
		boolean smooth = entries.size() <= SMOOTHED_AT_MOST;
		double[] similarity = new double[entries.size()];
		Map<UUID, Held> held = new HashMap<>();
		for (VectorStore.Stored entry : entries) {
			float[] field = entry.vector();
			if (smooth) {
				// each cosine once (the sort would otherwise compute two per comparison), then the five nearest
				for (int i = 0; i < similarity.length; i++) {
					similarity[i] = dot(entry.vector(), entries.get(i).vector());
				}
				List<VectorStore.Stored> nearest = IntStream.range(0, entries.size()).boxed()
					.sorted(Comparator.comparingDouble((Integer i) -> -similarity[i])).limit(5).map(entries::get).toList();
				field = new float[entry.vector().length];
				for (VectorStore.Stored near : nearest) {
					for (int j = 0; j < field.length; j++) {
						field[j] += near.vector()[j];
					}
				}
				normalise(field);
			}
			held.put(entry.id(), new Held(entry.id(), entry.type(), entry.regionCode(), entry.confidentiality(),
					entry.ownerOrgId(), entry.vector(), field));
		}
		return new VectorIndex(Map.copyOf(held));
	}

	int size() {
		return held.size();
	}

	@Nullable Held get(UUID id) {
		return held.get(id);
	}

	/** Cosine of the query with each entry that passes the filter, among the types and regions. */
	Map<UUID, Double> similarities(float[] query, Set<EntryType> types, List<String> regionPrefixes,
			Predicate<Held> visible) {
		Map<UUID, Double> result = new HashMap<>();
		for (Held entry : among(types, regionPrefixes, visible)) {
			result.put(entry.id(), dot(query, entry.vector()));
		}
		return result;
	}

	/** Cosine of the entry's field vector with the field vectors of the entries that pass the filter. */
	Map<UUID, Double> fieldSimilarities(UUID entryId, Set<EntryType> types, List<String> regionPrefixes,
			Predicate<Held> visible) {
		Held of = held.get(entryId);
		if (of == null) {
			return Map.of();
		}
		Map<UUID, Double> result = new HashMap<>();
		for (Held entry : among(types, regionPrefixes, visible)) {
			result.put(entry.id(), dot(of.field(), entry.field()));
		}
		return result;
	}

	private List<Held> among(Set<EntryType> types, List<String> regionPrefixes, Predicate<Held> visible) {
		List<Held> found = new ArrayList<>();
		for (Held entry : held.values()) {
			if (!types.isEmpty() && !types.contains(entry.type())) {
				continue;
			}
			if (!regionPrefixes.isEmpty() && regionPrefixes.stream().noneMatch(p -> entry.regionCode().startsWith(p))) {
				continue;
			}
			if (visible.test(entry)) {
				found.add(entry);
			}
		}
		return found;
	}

	static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static void normalise(float[] v) {
		double norm = Math.sqrt(dot(v, v));
		for (int i = 0; i < v.length; i++) {
			v[i] /= (float) norm;
		}
	}
}
