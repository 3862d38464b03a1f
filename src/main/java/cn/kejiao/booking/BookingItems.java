package cn.kejiao.booking;

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
 * The bookings behind the booking figures, as {@link FlowItem}s, by the same rules: the outside bookings used of
 * {@link BookingFlows} (served the booker, serving the owner, with the fee) and every booking whose use the
 * instrument hours count ({@link InstrumentHours}: the owner's region on both sides, no money). Each with its booking
 * number, the instrument, the day its use ended and the organisations' names as the booking kept them; newest
 * first. Bookings have no page of their own: no link. Callers decide who may read them.
 */
@Service
public class BookingItems {

	private final JdbcClient jdbc;

	BookingItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The outside bookings used from {@code from} to {@code to} (both included) whose booker lies in one of
	 * {@code served} and whose instrument owner lies in one of {@code serving} (region codes, each with everything
	 * below it; any when empty), {@code limit} from {@code offset}.
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> outsideUse(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return query("external and booker_region like any(:served) and owner_region like any(:serving)", false, from,
				to, served, serving, offset, limit);
	}

	/**
	 * Every booking whose use is counted in the instrument hours from {@code from} to {@code to}, its owner inside
	 * one of {@code served} and one of {@code serving} (a kind of one region: both name the owner's region).
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> use(LocalDate from, LocalDate to, Collection<String> served, Collection<String> serving,
			int offset, int limit) {
		return query("owner_region like any(:served) and owner_region like any(:serving)", true, from, to, served,
				serving, offset, limit);
	}

	private List<FlowItem> query(String where, boolean ownerOnly, LocalDate from, LocalDate to,
			Collection<String> served, Collection<String> serving, int offset, int limit) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select number, instrument_title, (actual_end at time zone 'Asia/Shanghai')::date, booker_region,
				       booker_org_name, owner_region, owner_org_name, fee
				from booking.reservation
				where state in ('USED', 'BILLED') and actual_end >= :from and actual_end < :to and %s
				order by actual_end desc, number desc offset :offset limit :limit""".formatted(where))
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("served", SqlArrays.texts(RegionFlow.likePatterns(served)))
			.param("serving", SqlArrays.texts(RegionFlow.likePatterns(serving)))
			.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
			.query((rs, n) -> {
				long fee = rs.getLong(8);
				boolean noFee = rs.wasNull();
				return new FlowItem(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						ownerOnly ? rs.getString(6) : rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						ownerOnly ? null : new Money(noFee ? 0 : fee), null);
			})
			.list();
	}
}
