package cn.kejiao.trading;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * Technology-contract value by region and by flow between regions, the headline figure of technology transfer:
 * registered contracts (registered, in performance or completed; not terminated ones) counted in the month they
 * were registered (认定登记, China time), per pair of the seller's and the buyer's region as they were when the
 * contract was drafted. Read from an index that holds exactly these columns, so the dashboards' queries stay
 * cheap as contracts accumulate. Callers decide who may see which figures.
 */
@Service
public class ContractFigures {

	/**
	 * Contracts registered in a month whose seller is in {@code sellerRegion} and buyer in {@code buyerRegion}
	 * (county-level codes as stored), their number and their value.
	 */
	public record Flow(String sellerRegion, String buyerRegion, YearMonth month, long count, Money value) {

		/** Seller and buyer in different provinces. */
		public boolean crossRegion() {
			return !sellerRegion.substring(0, 2).equals(buyerRegion.substring(0, 2));
		}
	}

	/** Longest span one query answers. */
	static final int MAX_MONTHS = 120;

	private final JdbcClient jdbc;

	ContractFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The flows of the months from {@code from} to {@code to}, both included, by month, seller region and buyer
	 * region. {@code contract.figures-span} (400) when {@code to} is before {@code from} or the span is longer than
	 * ten years.
	 */
	@Transactional(readOnly = true)
	public List<Flow> flows(YearMonth from, YearMonth to) {
		if (to.isBefore(from) || from.plusMonths(MAX_MONTHS).isBefore(to)) {
			throw KejiaoException.invalid("contract.figures-span", MAX_MONTHS);
		}
		return jdbc.sql("""
				select registered_month, seller_region, buyer_region, count(*), sum(value_fen)
				from trading.contract
				where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED')
				  and registered_month between :from and :to
				group by registered_month, seller_region, buyer_region
				order by registered_month, seller_region, buyer_region""")
			.param("from", from.atDay(1)).param("to", to.atDay(1))
			.query((rs, n) -> new Flow(rs.getString(2), rs.getString(3),
					YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(4), new Money(rs.getLong(5))))
			.list();
	}

	/**
	 * The same contracts by the day they were registered (China time), as {@link RegionFlow}s in the shape every
	 * module's flows share: served is the buyer's region, serving the seller's, with the number of contracts and
	 * their value. Only contracts with both parties inside one of {@code regions} (each with everything below it;
	 * every region when empty), {@code from} to {@code to} both included. {@code flows.span} (400) for a period that
	 * runs backwards or spans more than ten years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> daily(LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select (registered_at at time zone 'Asia/Shanghai')::date, buyer_region, seller_region, count(*),
				       sum(value_fen)
				from trading.contract
				where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED')
				  and registered_at >= :from and registered_at < :to
				  and buyer_region like any(:regions) and seller_region like any(:regions)
				group by 1, 2, 3 order by 1, 2, 3""")
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getLong(4), new Money(rs.getLong(5))))
			.list();
	}

	/**
	 * The day (China time) a contract was registered on, the day {@link #daily} counts it on, if it was registered;
	 * for anyone, since a day alone says nothing of the contract.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<LocalDate> registeredDay(java.util.UUID contractId) {
		return jdbc.sql("""
				select (registered_at at time zone 'Asia/Shanghai')::date from trading.contract
				where id = :id and registered_at is not null""")
			.param("id", contractId).query(LocalDate.class).optional();
	}
}
