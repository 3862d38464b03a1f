package cn.kejiao.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.kejiao.platform.ChinaTime;

/**
 * The reports and their files in {@code insight.report}. A scheduled report is claimed by inserting its row: the
 * partial unique index lets one READY row per (region, period) exist, so the second node's insert finds the first
 * one's (waiting for its transaction) and does nothing.
 */
@Repository
class ReportStore {

	/** A stored report before its region is named for the reader. */
	record Row(UUID id, String region, ReportPeriod period, LocalDate periodEnd, OffsetDateTime generatedAt,
			boolean scheduled, @Nullable String generatedBy, InsightReport.State state) {
	}

	private static final String COLUMNS = "id, region, period_kind, period_start, period_end, generated_at, scheduled, generated_by, state";

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims a scheduled report of the region and period: true when this caller writes it, false when one exists. */
	boolean claim(UUID id, String region, ReportPeriod period, OffsetDateTime at) {
		return jdbc.sql("""
				insert into insight.report (id, region, period_kind, period_start, period_end, generated_at, scheduled, state)
				values (:id, :region, :kind, :start, :end, :at, true, 'READY')
				on conflict (region, period_kind, period_start) where scheduled and state = 'READY' do nothing
				returning id""")
			.param("id", id).param("region", region).param("kind", period.kind().name())
			.param("start", period.start()).param("end", period.end()).param("at", Timestamp.from(at.toInstant()))
			.query(UUID.class).optional().isPresent();
	}

	/** Records a report asked for by a person (or a failed scheduled attempt, {@code state} FAILED). */
	void insert(UUID id, String region, ReportPeriod period, LocalDate end, OffsetDateTime at, boolean scheduled,
			@Nullable String by, InsightReport.State state) {
		jdbc.sql("""
				insert into insight.report (id, region, period_kind, period_start, period_end, generated_at, scheduled, generated_by, state)
				values (:id, :region, :kind, :start, :end, :at, :scheduled, :by, :state)""")
			.param("id", id).param("region", region).param("kind", period.kind().name())
			.param("start", period.start()).param("end", end).param("at", Timestamp.from(at.toInstant()))
			.param("scheduled", scheduled).param("by", by).param("state", state.name())
			.update();
	}

	/** Stores a report's files and the last day its figures cover. */
	void files(UUID id, LocalDate end, byte[] xlsx, byte[] pdf) {
		jdbc.sql("update insight.report set period_end = :end, xlsx = :xlsx, pdf = :pdf where id = :id")
			.param("id", id).param("end", end).param("xlsx", xlsx).param("pdf", pdf)
			.update();
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from insight.report where id = :id").param("id", id)
			.query(ReportStore::row).optional();
	}

	/** A stored file, {@code xlsx} or {@code pdf}. */
	byte @Nullable [] file(UUID id, String column) {
		String sql = switch (column) {
			case "xlsx" -> "select xlsx from insight.report where id = :id";
			case "pdf" -> "select pdf from insight.report where id = :id";
			default -> throw new IllegalArgumentException(column);
		};
		return jdbc.sql(sql).param("id", id).query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
	}

	/**
	 * Reports of regions matching {@code pattern} (a LIKE pattern; {@code %} for all), newest first; only the
	 * exact region when {@code exact} is given.
	 */
	List<Row> list(String pattern, @Nullable String exact, int offset, int limit) {
		return jdbc.sql("select " + COLUMNS + " from insight.report where region like :p"
				+ (exact == null ? "" : " and region = :exact")
				+ " order by generated_at desc, id limit :limit offset :offset")
			.param("p", pattern).param("exact", exact == null ? "" : exact).param("limit", limit).param("offset", offset)
			.query(ReportStore::row).list();
	}

	long count(String pattern, @Nullable String exact) {
		return jdbc.sql("select count(*) from insight.report where region like :p"
				+ (exact == null ? "" : " and region = :exact"))
			.param("p", pattern).param("exact", exact == null ? "" : exact)
			.query(Long.class).single();
	}

	/**
	 * The provinces and prefectures (codes padded to six digits) with facts on either side in the months from
	 * {@code first} to {@code last}, read from the monthly sums.
	 */
	List<String> regionsWithFacts(LocalDate first, LocalDate last) {
		return jdbc.sql("""
				with sides as (
				  select served_region as region from insight.fact_month where month between :first and :last
				  union
				  select serving_region from insight.fact_month where month between :first and :last)
				select distinct rpad(left(region, 2), 6, '0') from sides
				union
				select distinct rpad(left(region, 4), 6, '0') from sides
				order by 1""")
			.param("first", first).param("last", last)
			.query(String.class).list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		ReportPeriod.Kind kind = ReportPeriod.Kind.valueOf(rs.getString("period_kind"));
		return new Row(rs.getObject("id", UUID.class), rs.getString("region"),
				new ReportPeriod(kind, rs.getObject("period_start", LocalDate.class)),
				rs.getObject("period_end", LocalDate.class),
				rs.getTimestamp("generated_at").toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime(),
				rs.getBoolean("scheduled"), rs.getString("generated_by"),
				InsightReport.State.valueOf(rs.getString("state")));
	}
}
