package cn.kejiao.booking;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.booking.BookingState.Step;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;

/**
 * Reservations of instruments. A request is checked against the instrument's {@link Rules}, its closures and the
 * booker's training, then inserted; PostgreSQL's exclusion constraint decides whether it overlaps a live booking,
 * so two bookings of one instrument never overlap whatever runs at the same time on however many nodes. Every step
 * locks the booking's row first; which step is allowed when is {@link BookingState}'s.
 */
@Service
public class Bookings {

	/** What a booker asks for. {@code grantId}: a voucher grant to pay part of the fee with. */
	public record Request(UUID instrumentId, Instant start, Instant end, @Nullable String purpose, @Nullable UUID grantId) {
	}

	/** A clash or a broken rule of one occurrence of a recurring request. */
	public record Clash(Instant start, Instant end, String code) {
	}

	private final JdbcClient jdbc;
	private final ReservationRows rows;
	private final Instruments instruments;
	private final BookingRules rules;
	private final Reservations reservations;
	private final BookingFees fees;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Bookings(JdbcClient jdbc, ReservationRows rows, Instruments instruments, BookingRules rules, Reservations reservations,
			BookingFees fees, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.instruments = instruments;
		this.rules = rules;
		this.reservations = reservations;
		this.fees = fees;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Books an instrument. Refused, each with its own code: the booker's organisation not verified, the instrument
	 * not bookable, a broken rule ({@link Rules#check}), a closure ({@code booking.closed}), missing or lapsed
	 * training, and a clash with another booking ({@code booking.clash}, 409, with the interval that clashed).
	 */
	@Transactional
	public BookingView request(Request request) {
		Actor actor = Actors.require();
		Reservations.Booker booker = reservations.booker(actor);
		Instrument instrument = instruments.seenBy(request.instrumentId(), actor);
		Rules rule = rules.rules(instrument);
		reservations.check(instrument, rule, booker, request.start(), request.end());
		fees.checkGrant(booker, instrument, request.grantId());
		UUID id = reservations.insert(instrument, rule, booker, request, null);
		if (id == null) {
			throw reservations.clash(instrument.id(), request.start(), request.end());
		}
		return requested(id, rule, booker);
	}

	/**
	 * Books the same time every {@code everyDays} days, {@code count} times (every Monday morning for six weeks:
	 * 7 and 6). All or nothing: when any occurrence clashes or breaks a rule, nothing is booked and the refusal
	 * ({@code booking.series-clash}) names each occurrence that failed and why.
	 */
	@Transactional
	public List<BookingView> requestSeries(Request first, int everyDays, int count) {
		Actor actor = Actors.require();
		if (count < 1 || count > 52 || everyDays < 1 || everyDays > 31) {
			throw KejiaoException.invalid("booking.series-invalid");
		}
		Reservations.Booker booker = reservations.booker(actor);
		Instrument instrument = instruments.seenBy(first.instrumentId(), actor);
		Rules rule = rules.rules(instrument);
		fees.checkGrant(booker, instrument, first.grantId());
		UUID series = UUID.randomUUID();
		List<Clash> clashes = new ArrayList<>();
		List<UUID> made = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Instant start = first.start().atZone(ChinaTime.ZONE).plusDays((long) i * everyDays).toInstant();
			Instant end = first.end().atZone(ChinaTime.ZONE).plusDays((long) i * everyDays).toInstant();
			try {
				reservations.check(instrument, rule, booker, start, end);
			}
			catch (KejiaoException broken) {
				clashes.add(new Clash(start, end, broken.code()));
				continue;
			}
			UUID id = reservations.insert(instrument, rule, booker,
					new Request(first.instrumentId(), start, end, first.purpose(), first.grantId()), series);
			if (id == null) {
				clashes.add(new Clash(start, end, "booking.clash"));
			}
			else {
				made.add(id);
			}
		}
		if (!clashes.isEmpty()) {
			throw KejiaoException.conflict("booking.series-clash", clashes.size(), count,
					String.join("、", clashes.stream().map(c -> Times.shortText(c.start(), c.end())).toList()))
				.with("clashes", clashes);
		}
		return made.stream().map(id -> requested(id, rule, booker)).toList();
	}

	private BookingView requested(UUID id, Rules rule, Reservations.Booker booker) {
		BookingView view = rows.find(id);
		audit.record("booking.requested", "booking", id.toString(), view.number(), view.ownerRegion(), null, view);
		events.publishEvent(new BookingRequested(id, view.number(), view.instrumentId(), view.instrumentTitle(),
				view.ownerOrgId(), booker.actor().userId(), view.bookerOrgName(), view.start(), view.end(), rule.approval()));
		if (!rule.approval()) {
			return approved(view, "auto");
		}
		return view;
	}

	// ---- the owner's steps

	@Transactional
	public BookingView approve(UUID id) {
		Actor actor = Actors.require();
		BookingView booking = ownerLock(id, actor);
		booking.state().take(Step.APPROVE);
		return approved(booking, actor.username());
	}

	private BookingView approved(BookingView booking, String by) {
		Instant now = clock.instant();
		UUID order = fees.approved(booking);
		jdbc.sql("update booking.reservation set state = 'APPROVED', decided_by = :by, order_id = :order, updated_at = :at where id = :id")
			.param("by", by).param("order", order).param("at", Timestamp.from(now)).param("id", booking.id()).update();
		events.publishEvent(new BookingApproved(booking.id(), booking.number(), booking.instrumentId(),
				booking.instrumentTitle(), bookerUserId(booking.id()), booking.start(), booking.end(), "auto".equals(by)));
		return changed(booking, "booking.approved");
	}

	@Transactional
	public BookingView reject(UUID id, @Nullable String reason) {
		Actor actor = Actors.require();
		BookingView booking = ownerLock(id, actor);
		booking.state().take(Step.REJECT);
		String why = requireReason(reason);
		jdbc.sql("update booking.reservation set state = 'REJECTED', reason = :reason, decided_by = :by, updated_at = :at where id = :id")
			.param("reason", why).param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
			.param("id", id).update();
		events.publishEvent(new BookingRejected(id, booking.number(), booking.instrumentTitle(), bookerUserId(id),
				booking.start(), booking.end(), why));
		released(booking);
		return changed(booking, "booking.rejected");
	}

	/**
	 * The booker cancels until the instrument's cancellation deadline ({@code booking.cancel-too-late} after it); the
	 * owner cancels any booking not yet used, with a reason. A voucher part held for it goes back to the grant.
	 */
	@Transactional
	public BookingView cancel(UUID id, @Nullable String reason) {
		Actor actor = Actors.require();
		BookingView booking = rows.lock(id, actor);
		boolean owner = ReservationRows.ownerOf(actor, booking);
		boolean booker = booking.bookerOrgId().equals(actor.organisationId());
		if (!owner && !booker) {
			throw KejiaoException.forbidden("booking.not-party");
		}
		booking.state().take(Step.CANCEL);
		String why;
		if (owner) {
			why = requireReason(reason);
		}
		else {
			Rules rule = rules.rules(booking.instrumentId());
			Instant deadline = booking.start().minus(Duration.ofHours(rule.cancelHours()));
			if (clock.instant().isAfter(deadline)) {
				throw KejiaoException.conflict("booking.cancel-too-late", rule.cancelHours(), Times.text(deadline));
			}
			why = reason == null || reason.isBlank() ? "" : reason.strip();
		}
		fees.cancelled(booking, why.isEmpty() ? "cancelled" : why);
		jdbc.sql("update booking.reservation set state = 'CANCELLED', reason = :reason, decided_by = :by, updated_at = :at where id = :id")
			.param("reason", why).param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
			.param("id", id).update();
		events.publishEvent(new BookingCancelled(id, booking.number(), booking.instrumentId(), booking.instrumentTitle(),
				booking.ownerOrgId(), bookerUserId(id), booking.start(), booking.end(), owner, why));
		released(booking);
		return changed(booking, "booking.cancelled");
	}

	/**
	 * The booker arrived (or the owner received the sample): from 30 minutes before the start until the end,
	 * by the owner or the booker ({@code booking.check-in-window} otherwise).
	 */
	@Transactional
	public BookingView checkIn(UUID id) {
		Actor actor = Actors.require();
		BookingView booking = rows.lock(id, actor);
		if (!ReservationRows.ownerOf(actor, booking) && !booking.bookerOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("booking.not-party");
		}
		booking.state().take(Step.CHECK_IN);
		Instant now = clock.instant();
		if (booking.mode() != Mode.SAMPLE
				&& (now.isBefore(booking.start().minus(Duration.ofMinutes(30))) || now.isAfter(booking.end()))) {
			throw KejiaoException.conflict("booking.check-in-window", Times.shortText(booking.start(), booking.end()));
		}
		jdbc.sql("update booking.reservation set state = 'CHECKED_IN', checked_in_at = :at, updated_at = :at where id = :id")
			.param("at", Timestamp.from(now)).param("id", id).update();
		return changed(booking, "booking.checked-in");
	}

	/**
	 * The owner records the use: when it really started and ended (the booked time when not given) and, for a price
	 * per sample or run, how many. The fee is the booker's price × the use ({@link Fees}); billing follows.
	 */
	@Transactional
	public BookingView complete(UUID id, @Nullable Instant actualStart, @Nullable Instant actualEnd,
			@Nullable BigDecimal quantity) {
		Actor actor = Actors.require();
		BookingView booking = ownerLock(id, actor);
		booking.state().take(Step.COMPLETE);
		Instant start = actualStart == null ? booking.start() : actualStart;
		Instant end = actualEnd == null ? booking.end() : actualEnd;
		if (!end.isAfter(start)) {
			throw KejiaoException.invalid("booking.use-invalid");
		}
		if (end.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
			throw KejiaoException.invalid("booking.use-in-future");
		}
		BigDecimal used = Fees.quantity(booking.unit(), start, end, quantity);
		long fee = booking.unitPrice() == null ? 0 : Fees.fee(booking.unit(), booking.unitPrice().fen(), start, end, used);
		jdbc.sql("""
				update booking.reservation set state = 'USED', actual_start = :start, actual_end = :end, quantity = :quantity,
				    fee = :fee, updated_at = :at where id = :id""")
			.param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("quantity", used)
			.param("fee", fee).param("at", Timestamp.from(clock.instant())).param("id", id).update();
		events.publishEvent(new BookingUsed(id, booking.number(), booking.instrumentId(), booking.instrumentTitle(),
				booking.ownerOrgId(), booking.ownerRegion(), bookerUserId(id), booking.bookerOrgId(), booking.bookerRegion(),
				booking.external(), start, end, used, fee));
		return changed(booking, "booking.used");
	}

	/** The owner bills a recorded use: the fee is charged through the booking's service order. */
	@Transactional
	public BookingView bill(UUID id) {
		Actor actor = Actors.require();
		BookingView booking = ownerLock(id, actor);
		booking.state().take(Step.BILL);
		fees.billed(booking);
		jdbc.sql("update booking.reservation set state = 'BILLED', updated_at = :at where id = :id")
			.param("at", Timestamp.from(clock.instant())).param("id", id).update();
		return changed(booking, "booking.billed");
	}

	/** The owner marks that the booker did not come: the time is released and the booker told. */
	@Transactional
	public BookingView noShow(UUID id) {
		Actor actor = Actors.require();
		BookingView booking = ownerLock(id, actor);
		return markNoShow(booking, actor.username());
	}

	BookingView markNoShow(BookingView booking, String by) {
		booking.state().take(Step.NO_SHOW);
		if (clock.instant().isBefore(booking.start())) {
			throw KejiaoException.conflict("booking.not-started", Times.text(booking.start()));
		}
		fees.cancelled(booking, "no-show");
		jdbc.sql("update booking.reservation set state = 'NO_SHOW', decided_by = :by, updated_at = :at where id = :id")
			.param("by", by).param("at", Timestamp.from(clock.instant())).param("id", booking.id()).update();
		events.publishEvent(new BookingNoShow(booking.id(), booking.number(), booking.instrumentId(),
				booking.instrumentTitle(), bookerUserId(booking.id()), booking.start(), booking.end()));
		released(booking);
		return changed(booking, "booking.no-show");
	}

	// ---- reading

	/** A booking, for its parties and the admins of either region. */
	@Transactional(readOnly = true)
	public BookingView booking(UUID id) {
		Actor actor = Actors.require();
		BookingView view = rows.find(id);
		if (!ReservationRows.visibleTo(actor, view)) {
			throw KejiaoException.notFound("booking.not-found", id);
		}
		return view;
	}

	/** The bookings of the actor's organisation as booker, from a day on (all when null). */
	@Transactional(readOnly = true)
	public List<BookingView> mine(@Nullable Instant from) {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("org", actor.organisationId());
		params.put("from", Timestamp.from(from == null ? Instant.EPOCH : from));
		return rows.where("booker_org_id = :org and upper(period) >= :from", params, 500);
	}

	/** The bookings of the instruments the actor's organisation owns, in some states (all when empty). */
	@Transactional(readOnly = true)
	public List<BookingView> ofMyInstruments(List<BookingState> states, @Nullable Instant from) {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("org", actor.organisationId());
		params.put("from", Timestamp.from(from == null ? Instant.EPOCH : from));
		String where = "owner_org_id = :org and upper(period) >= :from";
		if (!states.isEmpty()) {
			where += " and state in (:states)";
			params.put("states", states.stream().map(Enum::name).toList());
		}
		return rows.where(where, params, 500);
	}

	private BookingView ownerLock(UUID id, Actor actor) {
		BookingView booking = rows.lock(id, actor);
		if (!ReservationRows.ownerOf(actor, booking)) {
			throw KejiaoException.forbidden("booking.not-owner");
		}
		return booking;
	}

	private UUID bookerUserId(UUID bookingId) {
		return Objects.requireNonNull(jdbc.sql("select booker_user_id from booking.reservation where id = :id")
			.param("id", bookingId).query(UUID.class).single());
	}

	private static String requireReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw KejiaoException.invalid("booking.reason-required");
		}
		return reason.strip();
	}

	/** A booking's time became free: whoever waits for it is offered it. */
	private void released(BookingView booking) {
		events.publishEvent(new TimeReleased(booking.instrumentId(), booking.start(), booking.end()));
	}

	private BookingView changed(BookingView before, String action) {
		BookingView after = rows.find(before.id());
		audit.record(action, "booking", before.id().toString(), before.number(), before.ownerRegion(),
				Map.of("state", before.state().name()), Map.of("state", after.state().name()));
		return after;
	}
}
