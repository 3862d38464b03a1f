package cn.kejiao.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.booking.WaitingLines.Entry;
import cn.kejiao.booking.WaitingView.State;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * The waiting list: a booker who finds a time taken joins the list for that instrument and time; when the time is
 * released (a booking cancelled, rejected or not come to) the first in line is offered it for a limited time, then
 * the next ({@link WaitingLines}). Taking an offer books through {@link Bookings#request}, so every rule and the
 * exclusion constraint still decide. Each person sees and changes only their own places.
 */
@Service
public class WaitingList {

	/** The most places one person holds at once. */
	static final int MOST_PER_PERSON = 20;

	private final JdbcClient jdbc;
	private final WaitingLines lines;
	private final Bookings bookings;
	private final Instruments instruments;
	private final BookingRules rules;
	private final Reservations reservations;
	private final AuditLog audit;
	private final Clock clock;

	WaitingList(JdbcClient jdbc, WaitingLines lines, Bookings bookings, Instruments instruments, BookingRules rules,
			Reservations reservations, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.bookings = bookings;
		this.instruments = instruments;
		this.rules = rules;
		this.reservations = reservations;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Joins the waiting list for a taken time. The time must be one the instrument's rules allow (the same codes as
	 * a booking), and taken: a free time is refused with {@code booking.waiting-free} (book it instead). Refused too:
	 * waiting twice for overlapping time of one instrument ({@code booking.waiting-already}) and more than
	 * {@value #MOST_PER_PERSON} places at once ({@code booking.waiting-too-many}).
	 */
	@Transactional
	public WaitingView join(UUID instrumentId, Instant start, Instant end, @Nullable String purpose) {
		Actor actor = Actors.require();
		Reservations.Booker booker = reservations.booker(actor);
		Instrument instrument = instruments.seenBy(instrumentId, actor);
		reservations.checkTime(instrument, rules.rules(instrument), start, end);
		lines.lock(instrumentId);
		if (lines.free(instrumentId, start, end)) {
			throw KejiaoException.conflict("booking.waiting-free", Times.shortText(start, end));
		}
		long already = jdbc.sql("""
				select count(*) from booking.waiting where user_id = :user and instrument_id = :id
				  and state in ('WAITING', 'OFFERED') and period && tstzrange(:start, :end)""")
			.param("user", actor.userId()).param("id", instrumentId).param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end)).query(Long.class).single();
		if (already > 0) {
			throw KejiaoException.conflict("booking.waiting-already", Times.shortText(start, end));
		}
		long places = jdbc.sql("select count(*) from booking.waiting where user_id = :user and state in ('WAITING', 'OFFERED')")
			.param("user", actor.userId()).query(Long.class).single();
		if (places >= MOST_PER_PERSON) {
			throw KejiaoException.conflict("booking.waiting-too-many", MOST_PER_PERSON);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into booking.waiting (id, instrument_id, instrument_title, period, user_id, username, display_name,
				    org_id, purpose, state, created_at)
				values (:id, :instrument, :title, tstzrange(:start, :end), :user, :username, :name, :org, :purpose,
				    'WAITING', :at)""")
			.param("id", id).param("instrument", instrumentId).param("title", instrument.title())
			.param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("user", actor.userId())
			.param("username", actor.username()).param("name", actor.displayName())
			.param("org", booker.organisation().id()).param("purpose", purpose == null ? "" : purpose.strip())
			.param("at", Timestamp.from(clock.instant())).update();
		WaitingView joined = view(id);
		audit.record("booking.waiting-joined", "instrument", instrumentId.toString(), instrument.title(),
				instrument.regionCode(), null, joined);
		return joined;
	}

	/** The signed-in person's places on waiting lists, those still waiting or offered first, then the newest. */
	@Transactional(readOnly = true)
	public List<WaitingView> mine() {
		Actor actor = Actors.require();
		return jdbc.sql(SELECT + """
				 where w.user_id = :user
				order by w.state in ('WAITING', 'OFFERED') desc, lower(w.period) desc limit 200""")
			.param("user", actor.userId()).query((rs, n) -> view(WaitingLines.entry(rs), rs.getInt(14))).list();
	}

	/** Leaves the list; an offer given up passes on to the next in line at once. */
	@Transactional
	public WaitingView withdraw(UUID id) {
		Actor actor = Actors.require();
		Entry entry = lockMine(id, actor);
		if (!entry.state().live()) {
			throw KejiaoException.conflict("booking.waiting-state", entry.state().name());
		}
		lines.set(id, State.WITHDRAWN);
		if (entry.state() == State.OFFERED) {
			lines.offer(entry.instrumentId());
		}
		WaitingView withdrawn = view(id);
		audit.record("booking.waiting-withdrawn", "instrument", entry.instrumentId().toString(), entry.instrumentTitle(),
				null, Map.of("state", entry.state().name()), Map.of("state", State.WITHDRAWN.name()));
		return withdrawn;
	}

	/**
	 * Books the offered time, while the offer lasts ({@code booking.waiting-not-offered},
	 * {@code booking.waiting-offer-lapsed} otherwise). The booking is requested as any other: when someone booked
	 * the time meanwhile it clashes ({@code booking.clash}) and the place stays as it was.
	 */
	@Transactional
	public BookingView take(UUID id, @Nullable UUID grantId) {
		Actor actor = Actors.require();
		Entry entry = lockMine(id, actor);
		if (entry.state() != State.OFFERED || entry.expiresAt() == null) {
			throw KejiaoException.conflict("booking.waiting-not-offered", entry.state().name());
		}
		if (!entry.expiresAt().isAfter(clock.instant())) {
			throw KejiaoException.conflict("booking.waiting-offer-lapsed", Times.text(entry.expiresAt()));
		}
		BookingView booking = bookings.request(new Bookings.Request(entry.instrumentId(), entry.start(), entry.end(),
				entry.purpose(), grantId));
		lines.taken(id, booking.id());
		audit.record("booking.waiting-taken", "instrument", entry.instrumentId().toString(), entry.instrumentTitle(),
				booking.ownerRegion(), Map.of("state", State.OFFERED.name()),
				Map.of("state", State.TAKEN.name(), "booking", booking.number()));
		return booking;
	}

	/** The person's own entry, with its instrument's line and then the entry locked; not found for anyone else. */
	private Entry lockMine(UUID id, Actor actor) {
		UUID instrumentId = jdbc.sql("select instrument_id from booking.waiting where id = :id and user_id = :user")
			.param("id", id).param("user", actor.userId()).query(UUID.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("booking.waiting-not-found", id));
		lines.lock(instrumentId);
		return jdbc.sql("select " + WaitingLines.COLUMNS + " from booking.waiting where id = :id for update")
			.param("id", id).query((rs, n) -> WaitingLines.entry(rs)).single();
	}

	private static final String SELECT = "select " + WaitingLines.COLUMNS + """
			, case when w.state = 'WAITING' then (select count(*) from booking.waiting o
			    where o.instrument_id = w.instrument_id and o.state in ('WAITING', 'OFFERED') and o.period && w.period
			      and (o.created_at, o.id) < (w.created_at, w.id)) else 0 end
			from booking.waiting w""";

	private WaitingView view(UUID id) {
		return jdbc.sql(SELECT + " where w.id = :id").param("id", id)
			.query((rs, n) -> view(WaitingLines.entry(rs), rs.getInt(14))).single();
	}

	private static WaitingView view(Entry entry, int ahead) {
		return new WaitingView(entry.id(), entry.instrumentId(), entry.instrumentTitle(), entry.start(), entry.end(),
				entry.purpose(), entry.state(), ahead, entry.offeredAt(), entry.expiresAt(), entry.reservationId(),
				entry.createdAt());
	}
}
