package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * The embedding model runs in-process from its Maven artifact and knows what entries mean: a need worded
 * unlike any entry still finds the low-grade bauxite process, and that entry's field neighbours are
 * metallurgy. (The shared test context keeps the background job off, so that rankings do not change under
 * other tests; this test runs its own instance on the same database.)
 */
@KejiaoIntegrationTest
class EntryVectorsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	EntryVisibility visibility;

	@Autowired
	SentenceEmbedder embedder;

	@Test
	void aNeedFindsWhatMeansTheSameAndEntriesHaveFieldNeighbours() {
		EntryVectors vectors = new EntryVectors(embedder, new VectorStore(jdbc), visibility, clock, true, 20_000);
		assertThat(vectors.ready()).isFalse();
		int embedded = vectors.refresh();
		long published = jdbc.sql("select count(*) from catalog.entry where state in ('PUBLISHED', 'MAINTENANCE')")
			.query(Long.class).single();
		assertThat(embedded).isEqualTo(published);
		assertThat(vectors.ready()).isTrue();
		assertThat(vectors.refresh()).as("nothing changed: nothing embedded again").isZero();

		UUID bauxite = jdbc.sql("select id from catalog.entry where title = '低品位铝土矿生产氧化铝技术'").query(UUID.class).single();
		// no word of the need is in the entry's title, and few are in its text
		Map<UUID, Double> cosine = vectors.similarities(vectors.embedQuery("我们的铝矿石品位不高，怎样经济地炼出铝原料"),
				Set.of(EntryType.ACHIEVEMENT), List.of(), null);
		List<UUID> best = cosine.entrySet().stream().sorted(Map.Entry.<UUID, Double>comparingByValue().reversed()).limit(3)
			.map(Map.Entry::getKey).toList();
		assertThat(best).contains(bauxite);

		Map<UUID, Double> field = vectors.fieldSimilarities(bauxite, Set.of(), List.of(), null);
		assertThat(field.get(bauxite)).isGreaterThan(0.9);
		assertThat(vectors.similarities(vectors.embedQuery("铝土矿"), Set.of(EntryType.INSTRUMENT), List.of("53"), null).keySet())
			.allMatch(id -> jdbc.sql("select type = 'INSTRUMENT' and region_code like '53%' from catalog.entry where id = :id")
				.param("id", id).query(Boolean.class).single());
	}
}
