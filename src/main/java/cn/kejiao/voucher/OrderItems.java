package cn.kejiao.voucher;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * The orders behind the order figures, as {@link FlowItem}s, by the rule of {@link OrderFlows}: confirmed orders,
 * on the day of their confirmation (China time), served the enterprise and serving the provider as the order kept
 * them; each with its order number, the service, the parties' names and a link to the order's page; newest first.
 * Callers decide who may read them.
 */
@Service
public class OrderItems {

	private final JdbcClient jdbc;

	OrderItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The confirmed service orders of {@link OrderFlows#orders} (orders paying for bookings left out) from
	 * {@code from} to {@code to}, both included, whose enterprise lies in one of {@code served} and whose provider
	 * in one of {@code serving} (region codes, each with everything below it; any when empty), with their quote;
	 * {@code limit} from {@code offset}.
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> orders(LocalDate from, LocalDate to, Collection<String> served, Collection<String> serving,
			int offset, int limit) {
		return query("quote", "booking_id is null", from, to, served, serving, offset, limit);
	}

	/**
	 * The confirmed orders paid partly by voucher of {@link OrderFlows#voucherSpending} (booking fees included),
	 * with the voucher part; same period, regions and paging as {@link #orders}.
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> voucherSpending(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return query("voucher_amount", "voucher_amount > 0", from, to, served, serving, offset, limit);
	}

	private List<FlowItem> query(String value, String which, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select id, number, service_title, (confirmed_at at time zone 'Asia/Shanghai')::date, enterprise_region,
				       enterprise_name, provider_region, provider_name, coalesce(%s, 0)
				from voucher.service_order
				where state = 'CONFIRMED' and confirmed_at >= :from and confirmed_at < :to and %s
				  and enterprise_region like any(:served) and provider_region like any(:serving)
				order by confirmed_at desc, number desc offset :offset limit :limit""".formatted(value, which))
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("served", SqlArrays.texts(RegionFlow.likePatterns(served)))
			.param("serving", SqlArrays.texts(RegionFlow.likePatterns(serving)))
			.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
			.query((rs, n) -> new FlowItem(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), new Money(rs.getLong(9)),
					"/orders/" + rs.getString(1)))
			.list();
	}
}
