package cn.kejiao.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.kejiao.platform.Actor;

/**
 * What the published entries mean, as sentence embeddings of their title and text ({@link SentenceEmbedder}),
 * computed in the background, stored ({@link VectorStore}) and held in memory for matching
 * ({@link VectorIndex}). Only for catalogs up to {@code kejiao.matching.embeddings.max-entries} (20,000)
 * published entries: beyond that embedding the backlog takes hours and the vectors no longer fit in memory
 * beside the rest, and matching is BM25 alone.
 */
@Service
class EntryVectors {

	private static final Logger log = LoggerFactory.getLogger(EntryVectors.class);

	private final SentenceEmbedder embedder;
	private final VectorStore store;
	private final EntryVisibility visibility;
	private final Clock clock;
	private final boolean enabled;
	private final int maxEntries;
	private volatile VectorIndex index = VectorIndex.EMPTY;
	private volatile boolean stopping;
	private long lastTooMany = -1;

	EntryVectors(SentenceEmbedder embedder, VectorStore store, EntryVisibility visibility, Clock clock,
			@Value("${kejiao.matching.embeddings.enabled:true}") boolean enabled,
			@Value("${kejiao.matching.embeddings.max-entries:20000}") int maxEntries) {
		this.embedder = embedder;
		this.store = store;
		this.visibility = visibility;
		this.clock = clock;
		this.enabled = enabled;
		this.maxEntries = maxEntries;
	}

	/** Whether matching can use meaning: every published entry has its vector in memory. */
	public boolean ready() {
		return enabled && index.size() > 0;
	}

	/** The embedding of a need (a demand's words), as a query. */
	public float[] embedQuery(String text) {
		return embedder.query(text);
	}

	/** Cosine of the need's vector with each entry in memory the reader may see, among the types and regions. */
	public Map<UUID, Double> similarities(float[] query, Set<EntryType> types, List<String> regionPrefixes,
			@Nullable Actor reader) {
		return index.similarities(query, types, regionPrefixes, listedTo(reader));
	}

	/** Cosine of the entry's field vector with the field vectors of the entries the reader may see. */
	public Map<UUID, Double> fieldSimilarities(UUID entryId, Set<EntryType> types, List<String> regionPrefixes,
			@Nullable Actor reader) {
		return index.fieldSimilarities(entryId, types, regionPrefixes, listedTo(reader));
	}

	private java.util.function.Predicate<VectorIndex.Held> listedTo(@Nullable Actor reader) {
		EntryVisibility.Reader who = visibility.reader(reader);
		// every held entry is published (see VectorStore.publishedWithVectors)
		return entry -> EntryVisibility.listed(who, EntryState.PUBLISHED, entry.confidentiality(), entry.ownerOrgId(),
				entry.regionCode());
	}

	/**
	 * Embeds the published entries that have no vector or changed since, stores them and reloads the memory;
	 * returns how many were embedded. Runs every minute in the background; the evaluation calls it directly.
	 */
	@Scheduled(fixedDelayString = "${kejiao.matching.embeddings.interval:PT1M}", initialDelayString = "${kejiao.matching.embeddings.initial-delay:PT2M}")
	public synchronized int refresh() {
		if (!enabled) {
			return 0;
		}
		long published = store.published();
		if (published > maxEntries) {
			if (index.size() > 0 || published != lastTooMany) {
				log.info("Matching by meaning is off: {} published entries, more than {}", published, maxEntries);
				lastTooMany = published;
			}
			index = VectorIndex.EMPTY;
			return 0;
		}
		int done = 0;
		for (VectorStore.Due entry : store.due(5000)) {
			if (stopping || Thread.currentThread().isInterrupted()) {
				break; // the rest at the next start: a shutdown does not wait for a backlog
			}
			done++;
			store.store(entry.id(), SentenceEmbedder.MODEL, embedder.passage(entry.title() + "。" + entry.summary()),
					clock.instant());
		}
		if (stopping) {
			return done;
		}
		if (done > 0 || index.size() != published) {
			index = VectorIndex.of(store.publishedWithVectors());
			log.info("Matching by meaning: {} entries in memory", index.size());
		}
		return done;
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		stopping = true;
	}
}
