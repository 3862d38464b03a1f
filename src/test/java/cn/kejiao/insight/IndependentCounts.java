package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionCodes;

/**
 * Counts of one kind taken straight from the owning module's tables, one row per record counted (its reference, the
 * day it counts on, the served and serving regions, how many it counts and its money in fen), compared with the read
 * model's figures and with the rows a source lists for a drill-down.
 */
final class IndependentCounts {

	/** One record as the independent query counts it. */
	record Fact(String reference, LocalDate day, String served, String serving, long count, long valueFen) {
	}

	private final InsightKind kind;
	private final List<Fact> facts;

	private IndependentCounts(InsightKind kind, List<Fact> facts) {
		this.kind = kind;
		this.facts = facts;
	}

	/** The query's columns: reference, day (China time), served region, serving region, count, value in fen. */
	static IndependentCounts of(JdbcClient jdbc, InsightKind kind, String sql) {
		return new IndependentCounts(kind, jdbc.sql(sql)
			.query((rs, n) -> new Fact(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4), rs.getLong(5), rs.getLong(6)))
			.list());
	}

	/** The same records with each count worked out again (e.g. seconds to minutes). */
	IndependentCounts mapCounts(java.util.function.LongUnaryOperator count) {
		return new IndependentCounts(kind, facts.stream()
			.map(f -> new Fact(f.reference(), f.day(), f.served(), f.serving(), count.applyAsLong(f.count()),
					f.valueFen()))
			.toList());
	}

	List<Fact> facts() {
		return facts;
	}

	long total(LocalDate from, LocalDate to) {
		return sum(in(from, to, f -> true))[0];
	}

	/** The figures of the region over the period equal the records counted: served, serving and inside. */
	void assertFigures(InsightFigures figures, String region, LocalDate from, LocalDate to) {
		KindFigures found = figures.figures(region, from, to).stream().filter(f -> f.kind() == kind).findFirst()
			.orElseThrow();
		Predicate<String> within = code -> InsightFigures.NATION.equals(region) || RegionCodes.isWithin(code, region);
		String as = kind + " " + region + " " + from + ".." + to;
		assertAmount(found.served(), sum(in(from, to, f -> within.test(f.served()))), as + " served");
		assertAmount(found.serving(), sum(in(from, to, f -> within.test(f.serving()))), as + " serving");
		assertAmount(found.inside(),
				sum(in(from, to, f -> within.test(f.served()) && within.test(f.serving()))), as + " inside");
	}

	/**
	 * The rows the source lists for the region on the served side, then on the serving side, are the records
	 * counted (by reference, as many times as counted), newest first; a page of them is a slice of the whole.
	 */
	void assertRows(FactSource source, String region, LocalDate from, LocalDate to) {
		List<String> servedRegion = List.of(region);
		List<FlowItem> served = source.rows(kind, from, to, servedRegion, List.of(), 0, 100_000);
		assertThat(served.stream().map(FlowItem::reference).sorted().toList()).as(kind + " rows served in " + region)
			.isEqualTo(in(from, to, f -> RegionCodes.isWithin(f.served(), region)).stream().map(Fact::reference)
				.sorted().toList());
		List<FlowItem> serving = source.rows(kind, from, to, List.of(), servedRegion, 0, 100_000);
		assertThat(serving.stream().map(FlowItem::reference).sorted().toList())
			.as(kind + " rows serving in " + region)
			.isEqualTo(in(from, to, f -> RegionCodes.isWithin(f.serving(), region)).stream().map(Fact::reference)
				.sorted().toList());
		for (List<FlowItem> rows : List.of(served, serving)) {
			assertThat(rows).as("newest first").isSortedAccordingTo(Comparator.comparing(FlowItem::day).reversed());
			assertThat(rows).allSatisfy(row -> {
				assertThat(row.day()).isBetween(from, to);
				assertThat(row.value() != null).as("money of " + kind).isEqualTo(kind.money());
			});
		}
		if (served.size() >= 3) {
			assertThat(source.rows(kind, from, to, servedRegion, List.of(), 1, 2)).as("a page")
				.isEqualTo(served.subList(1, 3));
		}
	}

	private List<Fact> in(LocalDate from, LocalDate to, Predicate<Fact> which) {
		return facts.stream().filter(f -> !f.day().isBefore(from) && !f.day().isAfter(to)).filter(which).toList();
	}

	private static long[] sum(List<Fact> facts) {
		return new long[] { facts.stream().mapToLong(Fact::count).sum(), facts.stream().mapToLong(Fact::valueFen).sum() };
	}

	private void assertAmount(Amount amount, long[] expected, String as) {
		assertThat(amount.count()).as(as).isEqualTo(expected[0]);
		if (kind.money()) {
			assertThat(amount.value().fen()).as(as + " value").isEqualTo(expected[1]);
		}
	}
}
