package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;

/**
 * Holds the read model's figures to independent SQL over the owning modules' tables: a query answers
 * {@code count, sum} for the rows whose side lies in {@code :p} (a LIKE pattern) and whose instant lies in
 * {@code [:from, :to)} (the period's bounds in China time).
 */
final class FigureChecks {

	private final JdbcClient jdbc;
	private final InsightFigures figures;
	private final InsightReadModel model;

	FigureChecks(JdbcClient jdbc, InsightFigures figures, InsightReadModel model) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.model = model;
	}

	/** The SQL's count and sum for the region (every region for the nation) over the period. */
	Amount sql(InsightKind kind, String sql, String region, LocalDate from, LocalDate to) {
		long[] found = jdbc.sql(sql)
			.param("p", InsightFigures.NATION.equals(region) ? "%" : RegionCodes.likePattern(region))
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		return new Amount(found[0], kind.money() ? new Money(found[1]) : null);
	}

	/** The region's figure of the kind as the read model has it. */
	KindFigures figure(InsightKind kind, String region, LocalDate from, LocalDate to) {
		return figures.figures(region, from, to).stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
	}

	/** The figure's served and serving sides equal the two queries. */
	void assertFigure(InsightKind kind, String region, LocalDate from, LocalDate to, String servedSql,
			String servingSql) {
		KindFigures figure = figure(kind, region, from, to);
		String where = kind + " of " + region + " " + from + ".." + to;
		assertThat(figure.served()).as("served " + where).isEqualTo(sql(kind, servedSql, region, from, to));
		assertThat(figure.serving()).as("serving " + where).isEqualTo(sql(kind, servingSql, region, from, to));
	}

	/** The stored facts of the kinds equal what their sources answer now. */
	void assertExact(LocalDate from, LocalDate to, Collection<InsightKind> kinds) {
		List<InsightReadModel.Difference> differences = model.check(from, to).stream()
			.filter(d -> kinds.contains(d.kind())).toList();
		assertThat(differences).as("stored facts against the sources").isEmpty();
	}
}
