package cn.kejiao.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.ChinaTime;

/**
 * The scheduled side of booking, safe on several nodes at once (each row claimed with FOR UPDATE SKIP LOCKED):
 * offers on waiting lists that lapsed pass on to the next in line ({@link WaitingLines#sweep}); approved bookings
 * whose start passed by {@code kejiao.booking.no-show-after} (PT30M) without a check-in are marked no-show by the
 * system, releasing their time (not those of samples sent in: a sample has no arrival); the bookers of approved
 * bookings starting tomorrow (China time) are reminded once, from {@code kejiao.booking.remind-from} (08:00) on.
 * {@code kejiao.booking.jobs=false} stops the schedule (the tests run the jobs themselves).
 */
@Component
class BookingJobs {

	private static final Logger log = LoggerFactory.getLogger(BookingJobs.class);

	/** Who the audit log names for what the system did. */
	static final String SYSTEM = "system";

	private final JdbcClient jdbc;
	private final ReservationRows rows;
	private final Bookings bookings;
	private final WaitingLines lines;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration noShowAfter;
	private final LocalTime remindFrom;
	private final boolean enabled;

	BookingJobs(JdbcClient jdbc, ReservationRows rows, Bookings bookings, WaitingLines lines,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${kejiao.booking.no-show-after:PT30M}") Duration noShowAfter,
			@Value("${kejiao.booking.remind-from:08:00}") LocalTime remindFrom,
			@Value("${kejiao.booking.jobs:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.bookings = bookings;
		this.lines = lines;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.noShowAfter = noShowAfter;
		this.remindFrom = remindFrom;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${kejiao.booking.job-interval:PT1M}", initialDelayString = "PT1M")
	void run() {
		if (!enabled) {
			return;
		}
		try {
			int offered = lines.sweep();
			int noShows = markNoShows(null);
			int reminded = remindTomorrow(null);
			if (offered + noShows + reminded > 0) {
				log.info("Bookings: {} waiting-list offers, {} no-shows marked, {} reminders", offered, noShows, reminded);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Booking jobs failed; they run again at the next interval", ex);
		}
	}

	/**
	 * Marks the approved bookings whose start passed by the grace time without a check-in as no-show, each in a
	 * transaction of its own (one that fails is left for the next run); of one instrument when named (the tests
	 * move the clock and touch no other booking). How many were marked.
	 */
	int markNoShows(@Nullable UUID instrumentId) {
		Instant due = clock.instant().minus(noShowAfter);
		List<UUID> candidates = jdbc.sql("""
				select id from booking.reservation
				where state = 'APPROVED' and mode <> 'SAMPLE' and lower(period) <= :due
				  and (cast(:instrument as uuid) is null or instrument_id = :instrument)
				order by lower(period) limit 500""")
			.param("due", Timestamp.from(due)).param("instrument", instrumentId).query(UUID.class).list();
		int marked = 0;
		for (UUID id : candidates) {
			try {
				Boolean done = transactions.execute(status -> {
					boolean claimed = jdbc.sql("""
							select id from booking.reservation
							where id = :id and state = 'APPROVED' and lower(period) <= :due for update skip locked""")
						.param("id", id).param("due", Timestamp.from(due)).query(UUID.class).optional().isPresent();
					if (claimed) {
						bookings.markNoShow(rows.find(id), SYSTEM);
					}
					return claimed;
				});
				marked += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Booking {} could not be marked no-show; the next run tries again", id, ex);
			}
		}
		return marked;
	}

	/**
	 * Reminds the bookers of approved bookings starting tomorrow, China time, once each ({@code reminded_at}), from
	 * the reminder hour on; of one instrument when named. How many were reminded.
	 */
	int remindTomorrow(@Nullable UUID instrumentId) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		if (LocalTime.now(clock.withZone(ChinaTime.ZONE)).isBefore(remindFrom)) {
			return 0;
		}
		Instant from = today.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
		Instant to = today.plusDays(2).atStartOfDay(ChinaTime.ZONE).toInstant();
		List<BookingReminder> reminders = transactions.execute(status -> {
			List<BookingReminder> due = jdbc.sql("""
					update booking.reservation r set reminded_at = :now
					from (select id from booking.reservation
					      where state = 'APPROVED' and reminded_at is null and lower(period) >= :from and lower(period) < :to
					        and (cast(:instrument as uuid) is null or instrument_id = :instrument)
					      order by lower(period) limit 1000 for update skip locked) due
					where r.id = due.id
					returning r.id, r.number, r.instrument_id, r.instrument_title, r.booker_user_id, lower(r.period),
					    upper(r.period), r.mode""")
				.param("now", Timestamp.from(clock.instant())).param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to)).param("instrument", instrumentId)
				.query((rs, n) -> new BookingReminder(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
						rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), Mode.valueOf(rs.getString(8))))
				.list();
			due.forEach(events::publishEvent);
			return due;
		});
		return reminders == null ? 0 : reminders.size();
	}
}
