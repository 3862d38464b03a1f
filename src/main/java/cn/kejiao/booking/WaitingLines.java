package cn.kejiao.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.booking.WaitingView.State;

/**
 * Who is offered time that became free. Each instrument's waiting list is worked on by one transaction at a time,
 * on whichever node: every step first locks the instrument's row in {@code booking.waiting_line} (PostgreSQL row
 * locks, not JVM memory). In the order people joined, an entry whose time is free now and overlaps no offer still
 * open is offered until {@code kejiao.booking.offer-for} (PT2H) has passed, or its start if sooner. An offer not
 * taken in time lapses and the next in line is offered; an offer whose time someone else booked meanwhile goes back
 * to waiting, keeping its place. The offer does not hold the time: taking it books through
 * {@link Bookings#request}, where the rules and the exclusion constraint decide as for anyone.
 */
@Component
class WaitingLines {

	private static final Logger log = LoggerFactory.getLogger(WaitingLines.class);

	static final String LIVE = "state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')";

	static final String COLUMNS = """
			id, instrument_id, instrument_title, user_id, username, lower(period), upper(period), purpose, state, offered_at,
			offer_expires_at, reservation_id, created_at""";

	/** An entry as the line works on it. */
	record Entry(UUID id, UUID instrumentId, String instrumentTitle, UUID userId, String username, Instant start,
			Instant end, String purpose, State state, @Nullable Instant offeredAt, @Nullable Instant expiresAt,
			@Nullable UUID reservationId, Instant createdAt) {

		boolean overlaps(Entry other) {
			return start.isBefore(other.end) && other.start.isBefore(end);
		}

		boolean openOffer(Instant now) {
			return state == State.OFFERED && expiresAt != null && expiresAt.isAfter(now);
		}
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration offerFor;

	WaitingLines(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${kejiao.booking.offer-for:PT2H}") Duration offerFor) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.offerFor = offerFor;
	}

	/** Locks the instrument's waiting list for this transaction, waiting for whoever works on it now. */
	void lock(UUID instrumentId) {
		jdbc.sql("insert into booking.waiting_line (instrument_id) values (:id) on conflict do nothing")
			.param("id", instrumentId).update();
		jdbc.sql("select instrument_id from booking.waiting_line where instrument_id = :id for update")
			.param("id", instrumentId).query(UUID.class).single();
	}

	/** A booking's time became free: whoever waits for it is offered it. */
	@ApplicationModuleListener
	void on(TimeReleased released) {
		lock(released.instrumentId());
		offer(released.instrumentId());
	}

	/**
	 * Works through the instrument's line (its lock held): lapses offers past their time and entries whose start
	 * passed, and offers free time to the first in line for it. How many offers were made.
	 */
	int offer(UUID instrumentId) {
		Instant now = clock.instant();
		List<Entry> live = jdbc.sql("select " + COLUMNS + """
				 from booking.waiting where instrument_id = :id and state in ('WAITING', 'OFFERED')
				order by created_at, id""").param("id", instrumentId).query((rs, n) -> entry(rs)).list();
		List<Entry> held = new ArrayList<>(live.stream().filter(e -> e.openOffer(now)).toList());
		int offered = 0;
		for (Entry entry : live) {
			if (entry.openOffer(now)) {
				continue;
			}
			Optional<UUID> own = ownBooking(entry);
			if (own.isPresent()) {
				taken(entry.id(), own.get());
				continue;
			}
			if (!entry.start().isAfter(now)) {
				set(entry.id(), State.LAPSED);
				continue;
			}
			if (entry.state() == State.OFFERED) {
				// not taken in time: gone when its time is still free, back in line when someone else booked it
				set(entry.id(), free(entry) ? State.LAPSED : State.WAITING);
				continue;
			}
			if (held.stream().anyMatch(entry::overlaps) || !free(entry)) {
				continue;
			}
			Instant expires = now.plus(offerFor).isBefore(entry.start()) ? now.plus(offerFor) : entry.start();
			jdbc.sql("""
					update booking.waiting set state = 'OFFERED', offered_at = :now, offer_expires_at = :expires
					where id = :id""")
				.param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).param("id", entry.id())
				.update();
			held.add(entry);
			offered++;
			events.publishEvent(new WaitingOffered(entry.id(), instrumentId, entry.instrumentTitle(), entry.username(),
					entry.start(), entry.end(), now, expires));
		}
		return offered;
	}

	/**
	 * Visits every instrument with someone waiting once: offers past their time lapse and pass on, time that became
	 * free without an event reaching the line (a release while someone joined) is offered. Lines are claimed with
	 * FOR UPDATE SKIP LOCKED, so nodes sweeping at once share them, and one that fails is left for the next sweep.
	 * How many offers were made.
	 */
	int sweep() {
		UUID run = UUID.randomUUID();
		int offered = 0;
		for (int visited = 0; visited < 10_000; visited++) {
			UUID[] claimed = new UUID[1];
			try {
				Integer made = transactions.execute(status -> {
					Optional<UUID> line = jdbc.sql("""
							select l.instrument_id from booking.waiting_line l
							where l.swept_by is distinct from :run
							  and exists (select 1 from booking.waiting w
							              where w.instrument_id = l.instrument_id and w.state in ('WAITING', 'OFFERED'))
							limit 1 for update of l skip locked""")
						.param("run", run).query(UUID.class).optional();
					if (line.isEmpty()) {
						return null;
					}
					claimed[0] = line.get();
					markSwept(line.get(), run);
					return offer(line.get());
				});
				if (made == null) {
					break;
				}
				offered += made;
			}
			catch (RuntimeException ex) {
				if (claimed[0] == null) {
					throw ex;
				}
				log.warn("The waiting list of instrument {} could not be worked through; the next sweep tries again",
						claimed[0], ex);
				transactions.executeWithoutResult(status -> markSwept(claimed[0], run));
			}
		}
		return offered;
	}

	private void markSwept(UUID instrumentId, UUID run) {
		jdbc.sql("update booking.waiting_line set swept_by = :run where instrument_id = :id").param("run", run)
			.param("id", instrumentId).update();
	}

	/** Whether the entry's time is free now: no live booking and no closure overlaps it. */
	boolean free(UUID instrumentId, Instant start, Instant end) {
		return Boolean.TRUE.equals(jdbc.sql("select not exists (select 1 from booking.reservation where instrument_id = :id"
				+ " and period && tstzrange(:start, :end) and " + LIVE + """
				) and not exists (select 1 from booking.closure where instrument_id = :id and period && tstzrange(:start, :end))""")
			.param("id", instrumentId).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
			.query(Boolean.class).single());
	}

	private boolean free(Entry entry) {
		return free(entry.instrumentId(), entry.start(), entry.end());
	}

	/** A live booking of the person waiting that covers the entry's time: booked directly instead of waiting on. */
	private Optional<UUID> ownBooking(Entry entry) {
		return jdbc.sql("select id from booking.reservation where instrument_id = :id and booker_user_id = :user"
				+ " and period @> tstzrange(:start, :end) and " + LIVE + " limit 1")
			.param("id", entry.instrumentId()).param("user", entry.userId())
			.param("start", Timestamp.from(entry.start())).param("end", Timestamp.from(entry.end()))
			.query(UUID.class).optional();
	}

	void taken(UUID entryId, UUID reservationId) {
		jdbc.sql("update booking.waiting set state = 'TAKEN', reservation_id = :reservation where id = :id")
			.param("reservation", reservationId).param("id", entryId).update();
	}

	void set(UUID entryId, State state) {
		jdbc.sql("""
				update booking.waiting set state = :state,
				    offered_at = case when :state = 'WAITING' then null else offered_at end,
				    offer_expires_at = case when :state = 'WAITING' then null else offer_expires_at end
				where id = :id""")
			.param("state", state.name()).param("id", entryId).update();
	}

	static Entry entry(ResultSet rs) throws SQLException {
		return new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
				rs.getString(8), State.valueOf(rs.getString(9)), instant(rs, 10), instant(rs, 11),
				rs.getObject(12, UUID.class), rs.getTimestamp(13).toInstant());
	}

	static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
