package cn.kejiao.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import cn.kejiao.platform.Actor;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * What the published entries mean, as sentence embeddings of their title and text (BAAI bge-small-zh-v1.5,
 * int8, run in-process by ONNX Runtime from the Maven artifact; nothing is downloaded). Computed in the
 * background and stored ({@code catalog.entry_vector}); held in memory for matching, together with each
 * entry's "field vector" — its embedding averaged with those of its four nearest entries, which groups
 * entries of one field more reliably than a single text does. Only for catalogs up to
 * {@code kejiao.matching.embeddings.max-entries} (20,000) published entries: beyond that embedding the
 * backlog takes hours and the vectors no longer fit in memory beside the rest, and matching is BM25 alone.
 */
@Service
public class EntryVectors {

	private static final Logger log = LoggerFactory.getLogger(EntryVectors.class);

	static final String MODEL = "bge-small-zh-v1.5-q";

	/** The model card's instruction for short queries that look for passages. */
	static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final EntryVisibility visibility;
	private final boolean enabled;
	private final int maxEntries;
	private volatile @Nullable Model model;
	private volatile Map<UUID, Held> held = Map.of();

	/** An entry in memory: what visibility needs, its vector and its field vector. */
	record Held(UUID id, EntryType type, String regionCode, Confidentiality confidentiality, UUID ownerOrgId,
			float[] vector, float[] field) {
	}

	EntryVectors(JdbcClient jdbc, Clock clock, EntryVisibility visibility, @Value("${kejiao.matching.embeddings.enabled:true}") boolean enabled,
			@Value("${kejiao.matching.embeddings.max-entries:20000}") int maxEntries) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.visibility = visibility;
		this.enabled = enabled;
		this.maxEntries = maxEntries;
	}

	/** Whether matching can use meaning: every published entry has its vector in memory. */
	public boolean ready() {
		return enabled && !held.isEmpty();
	}

	/** The embedding of a need (a demand's words), as a query. */
	public float[] embedQuery(String text) {
		return model().vector(QUERY_INSTRUCTION + text);
	}

	/** Cosine of the need's vector with each entry in memory the reader may see, among the types and regions. */
	public Map<UUID, Double> similarities(float[] query, Set<EntryType> types, List<String> regionPrefixes,
			@Nullable Actor reader) {
		Map<UUID, Double> result = new HashMap<>();
		for (Held entry : visible(types, regionPrefixes, reader)) {
			result.put(entry.id(), dot(query, entry.vector()));
		}
		return result;
	}

	/** Cosine of the entry's field vector with the field vectors of the entries the reader may see. */
	public Map<UUID, Double> fieldSimilarities(UUID entryId, Set<EntryType> types, List<String> regionPrefixes,
			@Nullable Actor reader) {
		Held of = held.get(entryId);
		if (of == null) {
			return Map.of();
		}
		Map<UUID, Double> result = new HashMap<>();
		for (Held entry : visible(types, regionPrefixes, reader)) {
			result.put(entry.id(), dot(of.field(), entry.field()));
		}
		return result;
	}

	private List<Held> visible(Set<EntryType> types, List<String> regionPrefixes, @Nullable Actor reader) {
		EntryVisibility.Reader who = visibility.reader(reader);
		List<Held> visible = new ArrayList<>();
		for (Held entry : held.values()) {
			if (!types.isEmpty() && !types.contains(entry.type())) {
				continue;
			}
			if (!regionPrefixes.isEmpty() && regionPrefixes.stream().noneMatch(p -> entry.regionCode().startsWith(p))) {
				continue;
			}
			// every held entry is published (see load)
			if (!EntryVisibility.listed(who, EntryState.PUBLISHED, entry.confidentiality(), entry.ownerOrgId(),
					entry.regionCode())) {
				continue;
			}
			visible.add(entry);
		}
		return visible;
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
		long published = jdbc.sql("select count(*) from catalog.entry where state in ('PUBLISHED', 'MAINTENANCE')")
			.query(Long.class).single();
		if (published > maxEntries) {
			if (!held.isEmpty() || published != lastTooMany) {
				log.info("Matching by meaning is off: {} published entries, more than {}", published, maxEntries);
				lastTooMany = published;
			}
			held = Map.of();
			return 0;
		}
		List<Object[]> due = jdbc.sql("""
				select e.id, e.title, coalesce(e.summary, '') from catalog.entry e
				left join catalog.entry_vector v on v.entry_id = e.id
				where e.state in ('PUBLISHED', 'MAINTENANCE') and (v.entry_id is null or v.embedded_at < e.updated_at)
				order by e.updated_at limit 5000""")
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3) }).list();
		int done = 0;
		for (Object[] entry : due) {
			if (stopping || Thread.currentThread().isInterrupted()) {
				break; // the rest at the next start: a shutdown does not wait for a backlog
			}
			done++;
			float[] vector = model().vector(entry[1] + "。" + entry[2]);
			jdbc.sql("""
					insert into catalog.entry_vector (entry_id, model, vector, embedded_at) values (:id, :model, :vector, :at)
					on conflict (entry_id) do update set model = excluded.model, vector = excluded.vector,
					    embedded_at = excluded.embedded_at""")
				.param("id", entry[0]).param("model", MODEL).param("vector", bytes(vector))
				.param("at", Timestamp.from(clock.instant())).update();
		}
		if (stopping) {
			return done;
		}
		if (done > 0 || held.size() != published) {
			load();
		}
		return done;
	}

	private volatile boolean stopping;

	@jakarta.annotation.PreDestroy
	void stop() {
		stopping = true;
	}

	private long lastTooMany = -1;

	private void load() {
		List<Held> entries = jdbc.sql("""
				select e.id, e.type, e.region_code, e.confidentiality, e.owner_org_id, v.vector
				from catalog.entry e join catalog.entry_vector v on v.entry_id = e.id
				where e.state in ('PUBLISHED', 'MAINTENANCE')""")
			.query((rs, n) -> {
				float[] vector = floats(rs.getBytes(6));
				return new Held(rs.getObject(1, UUID.class), EntryType.valueOf(rs.getString(2)), rs.getString(3),
						Confidentiality.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), vector, vector);
			}).list();
		// field vectors: each entry with its four nearest, averaged (brute force: fine up to a few thousand)
		List<Held> withFields = new ArrayList<>(entries.size());
		boolean smooth = entries.size() <= 6000;
		double[] similarity = new double[entries.size()];
		for (Held entry : entries) {
			float[] field = entry.vector();
			if (smooth) {
				// each cosine once (the sort would otherwise compute two per comparison), then the five nearest
				for (int i = 0; i < similarity.length; i++) {
					similarity[i] = dot(entry.vector(), entries.get(i).vector());
				}
				List<Held> nearest = java.util.stream.IntStream.range(0, entries.size()).boxed()
					.sorted(Comparator.comparingDouble((Integer i) -> -similarity[i])).limit(5).map(entries::get).toList();
				field = new float[entry.vector().length];
				for (Held near : nearest) {
					for (int j = 0; j < field.length; j++) {
						field[j] += near.vector()[j];
					}
				}
				normalise(field);
			}
			withFields.add(new Held(entry.id(), entry.type(), entry.regionCode(), entry.confidentiality(), entry.ownerOrgId(),
					entry.vector(), field));
		}
		Map<UUID, Held> next = new HashMap<>();
		withFields.forEach(h -> next.put(h.id(), h));
		held = Map.copyOf(next);
		log.info("Matching by meaning: {} entries in memory", held.size());
	}

	private Model model() {
		Model loaded = model;
		if (loaded == null) {
			synchronized (this) {
				if (model == null) {
					model = Model.load();
				}
				loaded = model;
			}
		}
		return loaded;
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

	private static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	private static float[] floats(byte[] bytes) {
		float[] vector = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
		return vector;
	}

	/** The model with a session of two threads: it shares the machine with the web requests. */
	private static final class Model extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		private Model(OnnxBertBiEncoder encoder) {
			super(Runnable::run);
			this.encoder = encoder;
		}

		static Model load() {
			long started = System.nanoTime();
			try (InputStream onnx = resource(MODEL + ".onnx"); InputStream tokenizer = resource(MODEL + "-tokenizer.json")) {
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				OrtSession.SessionOptions options = new OrtSession.SessionOptions();
				options.setIntraOpNumThreads(2);
				options.setInterOpNumThreads(1);
				OrtSession session = environment.createSession(onnx.readAllBytes(), options);
				Model model = new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS));
				log.info("Embedding model {} loaded in {} ms", MODEL, (System.nanoTime() - started) / 1_000_000);
				return model;
			}
			catch (IOException | ai.onnxruntime.OrtException ex) {
				throw new IllegalStateException("the embedding model could not be loaded", ex);
			}
		}

		private static InputStream resource(String name) throws IOException {
			InputStream in = EntryVectors.class.getClassLoader().getResourceAsStream(name);
			if (in == null) {
				throw new IOException(name + " is not on the class path");
			}
			return in;
		}

		float[] vector(String text) {
			return embed(dev.langchain4j.data.segment.TextSegment.from(text)).content().vector();
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

		@Override
		protected Integer knownDimension() {
			return 512;
		}
	}
}
