package cn.kejiao.catalog;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored embeddings ({@code catalog.entry_vector}), one per published entry, as float32 bytes. */
@Component
class VectorStore {

	/** A published entry whose vector is missing or older than its text. */
	record Due(UUID id, String title, String summary) {
	}

	/** A published entry with what visibility needs and its vector. */
	record Stored(UUID id, EntryType type, String regionCode, Confidentiality confidentiality, UUID ownerOrgId,
			float[] vector) {
	}

	private final JdbcClient jdbc;

	VectorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long published() {
		return jdbc.sql("select count(*) from catalog.entry where state in ('PUBLISHED', 'MAINTENANCE')").query(Long.class)
			.single();
	}

	List<Due> due(int limit) {
		return jdbc.sql("""
				select e.id, e.title, coalesce(e.summary, '') from catalog.entry e
				left join catalog.entry_vector v on v.entry_id = e.id
				where e.state in ('PUBLISHED', 'MAINTENANCE') and (v.entry_id is null or v.embedded_at < e.updated_at)
				order by e.updated_at limit :limit""")
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
	}

	void store(UUID entryId, String model, float[] vector, Instant at) {
		jdbc.sql("""
				insert into catalog.entry_vector (entry_id, model, vector, embedded_at) values (:id, :model, :vector, :at)
				on conflict (entry_id) do update set model = excluded.model, vector = excluded.vector,
				    embedded_at = excluded.embedded_at""")
			.param("id", entryId).param("model", model).param("vector", bytes(vector)).param("at", Timestamp.from(at))
			.update();
	}

	List<Stored> publishedWithVectors() {
		return jdbc.sql("""
				select e.id, e.type, e.region_code, e.confidentiality, e.owner_org_id, v.vector
				from catalog.entry e join catalog.entry_vector v on v.entry_id = e.id
				where e.state in ('PUBLISHED', 'MAINTENANCE')""")
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), EntryType.valueOf(rs.getString(2)), rs.getString(3),
					Confidentiality.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), floats(rs.getBytes(6))))
			.list();
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
}
