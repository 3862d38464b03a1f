package cn.kejiao.platform.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;

/**
 * The two queries every module answering flows between regions runs, with the same parameters and columns, so each
 * module writes only its SQL: {@code :from} and {@code :to} are the starts (China time) of the first day and of the
 * day after the last, {@code :served} and {@code :serving} the LIKE patterns of the regions asked for (every region
 * when none). A period backwards or longer than ten years is refused with {@code flows.span} (400).
 */
public final class FlowQueries {

	private FlowQueries() {
	}

	/**
	 * Daily flows: the query's columns are day, served region, serving region, count, value in fen (null for a kind
	 * without money); it is grouped by the first three and ordered by them here.
	 */
	public static List<RegionFlow> daily(JdbcClient jdbc, String sql, LocalDate from, LocalDate to,
			Collection<String> served, Collection<String> serving) {
		return bound(jdbc, sql + " group by 1, 2, 3 order by 1, 2, 3", from, to, served, serving)
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getLong(4), money(rs, 5)))
			.list();
	}

	/**
	 * The rows behind flows, {@code limit} from {@code offset} in the query's order: its columns are reference,
	 * title, the instant it counts on, served region, served name, serving region, serving name, value in fen (or
	 * null), link (or null).
	 */
	public static List<FlowItem> items(JdbcClient jdbc, String sql, LocalDate from, LocalDate to,
			Collection<String> served, Collection<String> serving, int offset, int limit) {
		return bound(jdbc, sql + " offset :offset limit :limit", from, to, served, serving)
			.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
			.query((rs, n) -> new FlowItem(rs.getString(1), rs.getString(2),
					LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), ChinaTime.ZONE), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), money(rs, 8), rs.getString(9)))
			.list();
	}

	/** The start of a day, China time, as the instant bound to {@code :from} and {@code :to}. */
	public static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ChinaTime.ZONE).toInstant());
	}

	private static JdbcClient.StatementSpec bound(JdbcClient jdbc, String sql, LocalDate from, LocalDate to,
			Collection<String> served, Collection<String> serving) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql(sql).param("from", start(from)).param("to", start(to.plusDays(1)))
			.param("served", SqlArrays.texts(RegionFlow.likePatterns(served)))
			.param("serving", SqlArrays.texts(RegionFlow.likePatterns(serving)));
	}

	private static @Nullable Money money(ResultSet rs, int column) throws SQLException {
		long fen = rs.getLong(column);
		return rs.wasNull() ? null : new Money(fen);
	}
}
