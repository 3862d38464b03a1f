package cn.kejiao.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;

/**
 * The figures of a region (and everything below it) over a period, read from the read model alone: one kind's
 * totals, its months, its flows between regions, its stock at a day. Whole months are read from the monthly sums,
 * the days of a partial first or last month from the daily facts. {@link #NATION} stands for all regions. Callers
 * decide who may read which region ({@code insight.region} 400 for a code that is not a region code,
 * {@code flows.span} 400 for a period running backwards or longer than ten years).
 */
@Service
public class InsightFigures {

	/** The whole country: every region. */
	public static final String NATION = "100000";

	/** The digits a region code keeps at each level when flows are drawn: province, prefecture, county. */
	public static final int PROVINCES = 2;
	public static final int PREFECTURES = 4;
	public static final int COUNTIES = 6;

	private final JdbcClient jdbc;
	private final InsightReadModel model;

	InsightFigures(JdbcClient jdbc, InsightReadModel model) {
		this.jdbc = jdbc;
		this.model = model;
	}

	/** Every kind counted, with its figures for the region over the period (zero where nothing happened). */
	@Transactional(readOnly = true)
	public List<KindFigures> figures(String region, LocalDate from, LocalDate to) {
		Period period = period(region, from, to);
		Map<InsightKind, KindFigures> found = new EnumMap<>(InsightKind.class);
		jdbc.sql(period.with("""
				select kind,
				       coalesce(sum(count) filter (where served_region like :p), 0),
				       coalesce(sum(value_fen) filter (where served_region like :p), 0),
				       coalesce(sum(count) filter (where serving_region like :p), 0),
				       coalesce(sum(value_fen) filter (where serving_region like :p), 0),
				       coalesce(sum(count) filter (where served_region like :p and serving_region like :p), 0),
				       coalesce(sum(value_fen) filter (where served_region like :p and serving_region like :p), 0)
				from facts where served_region like :p or serving_region like :p
				group by kind"""))
			.paramSource(period.params())
			.query(rs -> {
				InsightKind kind = InsightKind.valueOf(rs.getString(1));
				found.put(kind, new KindFigures(kind, Amount.of(kind, rs.getLong(2), rs.getLong(3)),
						Amount.of(kind, rs.getLong(4), rs.getLong(5)), Amount.of(kind, rs.getLong(6), rs.getLong(7))));
			});
		List<KindFigures> figures = new ArrayList<>();
		for (InsightKind kind : model.kinds()) {
			Amount none = Amount.of(kind, 0, 0);
			figures.add(found.getOrDefault(kind, new KindFigures(kind, none, none, none)));
		}
		return figures;
	}

	/** Each kind's figures per month of the period, months with nothing left out. */
	@Transactional(readOnly = true)
	public List<MonthFigure> monthly(String region, LocalDate from, LocalDate to) {
		Period period = period(region, from, to);
		return jdbc.sql(period.with("""
				select date_trunc('month', day)::date, kind,
				       coalesce(sum(count) filter (where served_region like :p), 0),
				       coalesce(sum(value_fen) filter (where served_region like :p), 0),
				       coalesce(sum(count) filter (where serving_region like :p), 0),
				       coalesce(sum(value_fen) filter (where serving_region like :p), 0)
				from facts where served_region like :p or serving_region like :p
				group by 1, 2 order by 1, 2"""))
			.paramSource(period.params())
			.query((rs, n) -> {
				InsightKind kind = InsightKind.valueOf(rs.getString(2));
				return new MonthFigure(YearMonth.from(rs.getObject(1, LocalDate.class)), kind,
						Amount.of(kind, rs.getLong(3), rs.getLong(4)), Amount.of(kind, rs.getLong(5), rs.getLong(6)));
			})
			.list();
	}

	/**
	 * The flows of one kind with at least one end in the region, each region cut to {@code digits} digits
	 * ({@link #PROVINCES}, {@link #PREFECTURES}, {@link #COUNTIES}) and padded with zeros to a region code, largest
	 * first. Flows inside one such region are included (served and serving the same code).
	 */
	@Transactional(readOnly = true)
	public List<PairFigure> flows(String region, LocalDate from, LocalDate to, InsightKind kind, int digits) {
		if (digits != PROVINCES && digits != PREFECTURES && digits != COUNTIES) {
			throw KejiaoException.invalid("insight.level", digits);
		}
		Period period = period(region, from, to);
		return jdbc.sql(period.with("""
				select rpad(left(served_region, :digits), 6, '0'), rpad(left(serving_region, :digits), 6, '0'),
				       sum(count), coalesce(sum(value_fen), 0)
				from facts where kind = :kind and (served_region like :p or serving_region like :p)
				group by 1, 2 order by 3 desc, 4 desc, 1, 2"""))
			.paramSource(period.params().addValue("digits", digits).addValue("kind", kind.name()))
			.query((rs, n) -> new PairFigure(rs.getString(1), rs.getString(2),
					Amount.of(kind, rs.getLong(3), rs.getLong(4))))
			.list();
	}

	/**
	 * A stock at the end of {@code day}: everything of the kind ever counted for the region's side (served) up to
	 * that day, e.g. the instruments shared; for {@link #vouchersHeld} the money issued and not yet spent or lapsed.
	 */
	@Transactional(readOnly = true)
	public Amount stock(String region, LocalDate day, InsightKind kind) {
		return stocks(region, day).getOrDefault(kind, Amount.of(kind, 0, 0));
	}

	/** {@link #stock} of every kind at once, in one query (kinds never counted for the region are left out). */
	@Transactional(readOnly = true)
	public Map<InsightKind, Amount> stocks(String region, LocalDate day) {
		Map<InsightKind, Amount> stocks = new EnumMap<>(InsightKind.class);
		jdbc.sql("""
				select kind, sum(count), coalesce(sum(value_fen), 0) from (
				  select kind, count, value_fen from insight.fact_month where month < :month and served_region like :p
				  union all
				  select kind, count, value_fen from insight.fact
				  where day >= :month and day <= :day and served_region like :p) stock
				group by kind""")
			.param("month", day.withDayOfMonth(1)).param("day", day).param("p", pattern(region))
			.query(rs -> {
				InsightKind kind = InsightKind.valueOf(rs.getString(1));
				stocks.put(kind, Amount.of(kind, rs.getLong(2), rs.getLong(3)));
			});
		return stocks;
	}

	/** Voucher money the region's enterprises held at the end of {@code day}: issued, less spent and lapsed. */
	@Transactional(readOnly = true)
	public Money vouchersHeld(String region, LocalDate day) {
		return vouchersHeld(stocks(region, day));
	}

	/** Voucher money held, from the stocks of {@link #stocks}. */
	public static Money vouchersHeld(Map<InsightKind, Amount> stocks) {
		return fen(stocks, InsightKind.VOUCHERS_ISSUED).minus(fen(stocks, InsightKind.VOUCHERS_SPENT))
			.minus(fen(stocks, InsightKind.VOUCHERS_LAPSED));
	}

	private static Money fen(Map<InsightKind, Amount> stocks, InsightKind kind) {
		Amount amount = stocks.get(kind);
		return amount == null || amount.value() == null ? Money.ZERO : amount.value();
	}

	/** The SQL LIKE pattern of a region and everything below it; every region for {@link #NATION}. */
	static String pattern(String region) {
		if (NATION.equals(region)) {
			return "%";
		}
		if (!RegionCodes.isWellFormed(region)) {
			throw KejiaoException.invalid("insight.region", region);
		}
		return RegionCodes.likePattern(region);
	}

	private static Period period(String region, LocalDate from, LocalDate to) {
		RegionFlow.requireSpan(from, to);
		return new Period(pattern(region), from, to);
	}

	/**
	 * A period split into whole months (read from the monthly sums) and the days around them; {@link #with} puts
	 * the union of both before a query as {@code facts}.
	 */
	private record Period(String pattern, LocalDate from, LocalDate to) {

		LocalDate fullFrom() {
			return from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		}

		LocalDate fullTo() {
			LocalDate next = to.plusDays(1);
			LocalDate end = next.getDayOfMonth() == 1 ? next : to.withDayOfMonth(1);
			return end.isAfter(fullFrom()) ? end : fullFrom();
		}

		String with(String query) {
			return """
					with facts as (
					  select kind, month as day, served_region, serving_region, count, value_fen
					  from insight.fact_month where month >= :fullFrom and month < :fullTo
					  union all
					  select kind, day, served_region, serving_region, count, value_fen
					  from insight.fact where day between :from and :to and not (day >= :fullFrom and day < :fullTo))
					""" + query;
		}

		org.springframework.jdbc.core.namedparam.MapSqlParameterSource params() {
			return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("p", pattern)
				.addValue("from", from).addValue("to", to).addValue("fullFrom", fullFrom())
				.addValue("fullTo", fullTo());
		}
	}
}
