package cn.kejiao.booking;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * The recorded use of instruments per day and owner region, as {@link RegionFlow}s of one region (served and
 * serving both the owner's region as it was at the booking), without money. A booking counts when its use was
 * recorded (used or billed), internal and external alike, on the day the use ended in China time, with its whole
 * use on that day: the same bookings and the same recorded start and end as the sharing figures
 * ({@link SharingFigures}), which clip a use running over the edge of their period instead. The count is in
 * MINUTES: each booking's use rounded to the whole minute (half up), then added up; hours are the count ÷ 60.
 * Callers decide who may see which figures.
 */
@Service
public class InstrumentHours {

	/** One booking's minutes of use as counted here: rounded to the minute, half up (SQL). */
	static final String MINUTES = "round(extract(epoch from (actual_end - actual_start)) / 60)::bigint";

	private final JdbcClient jdbc;

	InstrumentHours(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Minutes of recorded use by day the use ended and owner region. Only instruments owned inside one of
	 * {@code regions} (each with everything below it; every region when empty), {@code from} to {@code to} both
	 * included. {@code flows.span} (400) for a period that runs backwards or spans more than ten years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> daily(LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select (actual_end at time zone 'Asia/Shanghai')::date, owner_region, sum(%s)
				from booking.reservation
				where state in ('USED', 'BILLED') and actual_end >= :from and actual_end < :to
				  and owner_region like any(:regions)
				group by 1, 2 order by 1, 2""".formatted(MINUTES))
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(2),
					rs.getLong(3), null))
			.list();
	}
}
