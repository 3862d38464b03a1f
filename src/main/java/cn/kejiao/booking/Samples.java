package cn.kejiao.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;

/**
 * The sample sent in for a booking of mode {@link Mode#SAMPLE}: the booker says what it sent and under which
 * tracking number; the owner records that it arrived (which is the booking's check-in) and when and how it went
 * back. Both parties and the admins of either region read it.
 */
@Service
public class Samples {

	/** A sample's way in and out; times are null until they happened. */
	public record Sample(UUID bookingId, String description, int count, String trackingNumber, @Nullable Instant sentAt,
			@Nullable Instant receivedAt, @Nullable String receivedBy, @Nullable Instant returnedAt,
			String returnTracking, String note) {
	}

	private final JdbcClient jdbc;
	private final ReservationRows rows;
	private final Bookings bookings;
	private final AuditLog audit;
	private final Clock clock;

	Samples(JdbcClient jdbc, ReservationRows rows, Bookings bookings, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.bookings = bookings;
		this.audit = audit;
		this.clock = clock;
	}

	/** The sample of a booking, if its booker recorded one; not found when the reader may not see the booking. */
	@Transactional(readOnly = true)
	public Optional<Sample> of(UUID bookingId) {
		bookings.booking(bookingId);
		return find(bookingId);
	}

	/**
	 * The booker records the sample it sends: what, how many, the tracking number. Again while not yet received,
	 * to correct it.
	 */
	@Transactional
	public Sample sent(UUID bookingId, @Nullable String description, @Nullable Integer count,
			@Nullable String trackingNumber) {
		Actor actor = Actors.require();
		BookingView booking = sampleBooking(bookingId, actor);
		if (!booking.bookerOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("booking.not-booker");
		}
		if (!booking.state().holdsTime() || booking.state() == BookingState.USED || booking.state() == BookingState.BILLED) {
			throw KejiaoException.conflict("booking.state", booking.state().name(), "SAMPLE");
		}
		if (find(bookingId).map(s -> s.receivedAt() != null).orElse(false)) {
			throw KejiaoException.conflict("booking.sample-received");
		}
		int pieces = count == null ? 1 : count;
		if (pieces < 1 || pieces > 10_000) {
			throw KejiaoException.invalid("booking.sample-count");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into booking.sample (reservation_id, description, count, tracking_number, sent_at)
				values (:id, :description, :count, :tracking, :at)
				on conflict (reservation_id) do update set description = excluded.description, count = excluded.count,
				    tracking_number = excluded.tracking_number, sent_at = excluded.sent_at""")
			.param("id", bookingId).param("description", text(description)).param("count", pieces)
			.param("tracking", text(trackingNumber)).param("at", Timestamp.from(now)).update();
		Sample sample = find(bookingId).orElseThrow();
		audit.record("booking.sample-sent", "booking", bookingId.toString(), booking.number(), booking.ownerRegion(), null,
				sample);
		return sample;
	}

	/** The owner received the sample: the booking is checked in (when approved and not yet checked in). */
	@Transactional
	public Sample received(UUID bookingId, @Nullable String note) {
		Actor actor = Actors.require();
		BookingView booking = sampleBooking(bookingId, actor);
		requireOwner(actor, booking);
		if (booking.state() == BookingState.APPROVED) {
			bookings.checkIn(bookingId);
		}
		else if (booking.state() != BookingState.CHECKED_IN && booking.state() != BookingState.USED
				&& booking.state() != BookingState.BILLED) {
			throw KejiaoException.conflict("booking.state", booking.state().name(), "RECEIVE");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into booking.sample (reservation_id, received_at, received_by, note)
				values (:id, :at, :by, :note)
				on conflict (reservation_id) do update set received_at = excluded.received_at,
				    received_by = excluded.received_by, note = excluded.note""")
			.param("id", bookingId).param("at", Timestamp.from(now)).param("by", actor.displayName())
			.param("note", text(note)).update();
		Sample sample = find(bookingId).orElseThrow();
		audit.record("booking.sample-received", "booking", bookingId.toString(), booking.number(), booking.ownerRegion(),
				null, sample);
		return sample;
	}

	/** The owner sent the sample back on a day (today when not given), with the return's tracking number. */
	@Transactional
	public Sample returned(UUID bookingId, @Nullable LocalDate on, @Nullable String returnTracking) {
		Actor actor = Actors.require();
		BookingView booking = sampleBooking(bookingId, actor);
		requireOwner(actor, booking);
		Sample before = find(bookingId).filter(s -> s.receivedAt() != null)
			.orElseThrow(() -> KejiaoException.conflict("booking.sample-not-received"));
		LocalDate day = on == null ? LocalDate.now(clock.withZone(ChinaTime.ZONE)) : on;
		Instant at = day.atStartOfDay(ChinaTime.ZONE).toInstant();
		if (day.isBefore(before.receivedAt().atZone(ChinaTime.ZONE).toLocalDate())
				|| day.isAfter(LocalDate.now(clock.withZone(ChinaTime.ZONE)))) {
			throw KejiaoException.invalid("booking.sample-return-day", day.toString());
		}
		jdbc.sql("update booking.sample set returned_at = :at, return_tracking = :tracking where reservation_id = :id")
			.param("at", Timestamp.from(at)).param("tracking", text(returnTracking)).param("id", bookingId).update();
		Sample sample = find(bookingId).orElseThrow();
		audit.record("booking.sample-returned", "booking", bookingId.toString(), booking.number(), booking.ownerRegion(),
				before, Map.of("returnedOn", day.toString(), "returnTracking", sample.returnTracking()));
		return sample;
	}

	/** The samples of several bookings at once, by booking (for a list of bookings). */
	@Transactional(readOnly = true)
	public Map<UUID, Sample> ofBookings(java.util.Collection<UUID> bookingIds) {
		if (bookingIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Sample> found = new java.util.HashMap<>();
		jdbc.sql(SELECT + " where reservation_id in (:ids)").param("ids", bookingIds).query((rs, n) -> sample(rs)).list()
			.forEach(sample -> found.put(sample.bookingId(), sample));
		return found;
	}

	private BookingView sampleBooking(UUID bookingId, Actor actor) {
		BookingView booking = rows.lock(bookingId, actor);
		if (booking.mode() != Mode.SAMPLE) {
			throw KejiaoException.conflict("booking.sample-mode");
		}
		return booking;
	}

	private static void requireOwner(Actor actor, BookingView booking) {
		if (!ReservationRows.ownerOf(actor, booking)) {
			throw KejiaoException.forbidden("booking.not-owner");
		}
	}

	private Optional<Sample> find(UUID bookingId) {
		return jdbc.sql(SELECT + " where reservation_id = :id").param("id", bookingId).query((rs, n) -> sample(rs))
			.optional();
	}

	private static final String SELECT = """
			select reservation_id, description, count, tracking_number, sent_at, received_at, received_by, returned_at,
			    return_tracking, note from booking.sample""";

	private static Sample sample(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Sample(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), instant(rs, 5),
				instant(rs, 6), rs.getString(7), instant(rs, 8), rs.getString(9), rs.getString(10));
	}

	private static @Nullable Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}
}
