package cn.kejiao.booking;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What waits for an instrument's owner, counted for its workbench. */
@Component
public class BookingWorkload {

	private final JdbcClient jdbc;
	private final java.time.Clock clock;

	BookingWorkload(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The bookings of the organisation's instruments that wait for its approval (not yet over). */
	@Transactional(readOnly = true)
	public long toApprove(UUID ownerOrgId) {
		return jdbc.sql("""
				select count(*) from booking.reservation
				where owner_org_id = :org and state = 'REQUESTED' and upper(period) > :now""")
			.param("org", ownerOrgId).param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
	}
}
