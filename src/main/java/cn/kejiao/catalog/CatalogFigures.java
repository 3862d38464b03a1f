package cn.kejiao.catalog;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many entries of each kind the catalog shows (published, or published and under maintenance). */
@Service
public class CatalogFigures {

	private final JdbcClient jdbc;

	CatalogFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Map<EntryType, Long> shownByType() {
		Map<EntryType, Long> counts = new EnumMap<>(EntryType.class);
		for (EntryType type : EntryType.values()) {
			counts.put(type, 0L);
		}
		jdbc.sql("select type, count(*) from catalog.entry where state in ('PUBLISHED', 'MAINTENANCE') group by type")
			.query((rs, n) -> counts.put(EntryType.valueOf(rs.getString(1)), rs.getLong(2))).list();
		return counts;
	}
}
