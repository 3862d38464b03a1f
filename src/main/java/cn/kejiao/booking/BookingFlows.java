package cn.kejiao.booking;

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
 * Instrument bookings between regions per day (decision 0028), as {@link RegionFlow}s: served is the booker's
 * organisation's region, serving the instrument owner's, both as they were at the booking. A booking counts when
 * its use was recorded (used or billed), on the day the use ended in China time, with its fee: the day and the fee
 * the sharing figures count by (decision 0021). Only outside use counts (the booker's organisation is not the
 * owner): an organisation using its own instrument is not served by another. Callers decide who may see which
 * figures.
 */
@Service
public class BookingFlows {

	private final JdbcClient jdbc;

	BookingFlows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Used and billed bookings by other organisations, by day the use ended, booker region and owner region: their
	 * number and their fees. Only bookings with both sides inside one of {@code regions} (each with everything below
	 * it; every region when empty), {@code from} to {@code to} both included. {@code flows.span} (400) for a period
	 * that runs backwards or spans more than ten years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> flows(LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select (actual_end at time zone 'Asia/Shanghai')::date, booker_region, owner_region, count(*),
				       coalesce(sum(fee), 0)
				from booking.reservation
				where state in ('USED', 'BILLED') and external and actual_end >= :from and actual_end < :to
				  and booker_region like any(:regions) and owner_region like any(:regions)
				group by 1, 2, 3 order by 1, 2, 3""")
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getLong(4), new Money(rs.getLong(5))))
			.list();
	}
}
