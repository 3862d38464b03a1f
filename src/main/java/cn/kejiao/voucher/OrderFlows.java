package cn.kejiao.voucher;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * Service orders and voucher money between regions per day (decision 0028), as {@link RegionFlow}s: served is the
 * ordering enterprise's region, serving the provider's, both as they were when the order was placed. An order
 * counts once it is confirmed (by the enterprise, or upheld after a dispute, or billed for a booking), on the day
 * of its confirmation in China time; nothing counts before, and a confirmed order is final. Callers decide who may
 * see which figures.
 */
@Service
public class OrderFlows {

	private static final String ORDERS = """
			select (confirmed_at at time zone 'Asia/Shanghai')::date as day, enterprise_region, provider_region,
			       count(*), sum(%s)
			from voucher.service_order
			where state = 'CONFIRMED' and confirmed_at >= :from and confirmed_at < :to and %s
			  and enterprise_region like any(:regions) and provider_region like any(:regions)
			group by 1, 2, 3 order by 1, 2, 3""";

	private static final String BOTH = """
			select (confirmed_at at time zone 'Asia/Shanghai')::date as day, enterprise_region, provider_region,
			       count(*) filter (where booking_id is null), coalesce(sum(quote) filter (where booking_id is null), 0),
			       count(*) filter (where voucher_amount > 0), coalesce(sum(voucher_amount), 0)
			from voucher.service_order
			where state = 'CONFIRMED' and confirmed_at >= :from and confirmed_at < :to
			  and (booking_id is null or voucher_amount > 0)
			  and enterprise_region like any(:regions) and provider_region like any(:regions)
			group by 1, 2, 3 order by 1, 2, 3""";

	/** Both figures of one period, read in one pass over the orders. */
	public record OrdersAndVouchers(List<RegionFlow> orders, List<RegionFlow> voucherSpending) {
	}

	private final JdbcClient jdbc;

	OrderFlows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Confirmed service orders that enterprises placed with providers, by day, enterprise region and provider region:
	 * their number and the amounts agreed (the quotes). The orders through
	 * which instrument bookings are paid are left out: they are the booking module's figures
	 * ({@code booking.BookingFlows}). Only orders with both parties inside one of {@code regions} (each with
	 * everything below it; every region when empty), {@code from} to {@code to} both included.
	 * {@code flows.span} (400) for a period that runs backwards or spans more than ten years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> orders(LocalDate from, LocalDate to, Collection<String> regions) {
		return query(ORDERS.formatted("quote", "booking_id is null"), from, to, regions);
	}

	/**
	 * Voucher money spent, by day, enterprise region and provider region: the confirmed orders paid partly by
	 * voucher, booking fees included, their number and the voucher part posted to the providers (what the monthly
	 * settlements later pay them). Same period and regions as {@link #orders}.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> voucherSpending(LocalDate from, LocalDate to, Collection<String> regions) {
		return query(ORDERS.formatted("voucher_amount", "voucher_amount > 0"), from, to, regions);
	}

	/** {@link #orders} and {@link #voucherSpending} of the same period and regions, in one pass over the orders. */
	@Transactional(readOnly = true)
	public OrdersAndVouchers ordersAndVoucherSpending(LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		record Row(LocalDate day, String enterprise, String provider, long orders, long amount, long vouchers,
				long voucherAmount) {
		}
		List<Row> rows = jdbc.sql(BOTH)
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
		return new OrdersAndVouchers(
				rows.stream().filter(row -> row.orders() > 0).map(row -> new RegionFlow(row.day(), row.enterprise(),
						row.provider(), row.orders(), new Money(row.amount()))).toList(),
				rows.stream().filter(row -> row.vouchers() > 0).map(row -> new RegionFlow(row.day(), row.enterprise(),
						row.provider(), row.vouchers(), new Money(row.voucherAmount()))).toList());
	}

	private List<RegionFlow> query(String sql, LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql(sql)
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getLong(4), new Money(rs.getLong(5))))
			.list();
	}
}
