package cn.kejiao.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * Registration for an event, serialised by the event's row in PostgreSQL: each registration, cancellation and
 * check-in first locks the event's row ({@link EventRows#lock}), counts the places taken and only then writes, so
 * several application nodes on one database never admit more than the capacity. The arrival number is drawn from a
 * sequence while the lock is held, so arrival order is lock order; the waiting list is the waiting registrations in
 * arrival order, and a position is a rank in it (1 moves up next), gapless by construction.
 */
@Service
public class EventRegistrations {

	static final String COLUMNS = """
			r.id, r.event_id, e.title, r.username, r.person_name, r.organisation, r.contact, r.note, r.state, r.arrival,
			r.registered_at, r.admitted_at, r.cancelled_at, r.checked_in_at, r.checked_in_by,
			case when r.state = 'WAITING' then (select count(*) from cooperation.event_registration w
			  where w.event_id = r.event_id and w.state = 'WAITING' and w.arrival <= r.arrival) end as position""";

	static final String FROM = " from cooperation.event_registration r join cooperation.event e on e.id = r.event_id ";

	/** What a person writes when registering: the organisation they come for, a contact, a note for the organisers. */
	public record Registration(@Nullable String organisation, @Nullable String contact, @Nullable String note) {
	}

	private final JdbcClient jdbc;
	private final EventRows rows;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EventRegistrations(JdbcClient jdbc, EventRows rows, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers the signed-in person: admitted while places remain, otherwise on the waiting list (state WAITING with
	 * its position). 409 event.registration-closed when registration is not open, event.already-registered when the
	 * person holds a live registration for it.
	 */
	@Transactional
	public EventRegistrationView register(UUID eventId, Registration registration) {
		Actor actor = Actors.require();
		String organisation = Events.text(registration.organisation(), 200);
		if (organisation.isEmpty() && actor.organisationName() != null) {
			organisation = actor.organisationName();
		}
		String contact = Events.text(registration.contact(), 200);
		if (contact.isEmpty()) {
			contact = accounts.find(actor.userId()).map(UserView::email).orElse("");
		}
		if (contact.isEmpty()) {
			throw KejiaoException.invalid("event.contact-required");
		}
		// what needs no lock is read before it: the lock is held only to count and write
		EventRows.Row event = rows.lock(eventId, actor);
		Instant now = clock.instant();
		if (!event.registrationOpen(now)) {
			throw KejiaoException.conflict("event.registration-closed");
		}
		Optional<UUID> live = jdbc.sql("""
				select id from cooperation.event_registration
				where event_id = :event and user_id = :user and state in ('ADMITTED', 'WAITING')""")
			.param("event", eventId).param("user", actor.userId()).query(UUID.class).optional();
		if (live.isPresent()) {
			throw KejiaoException.conflict("event.already-registered").with("registration", live.get());
		}
		long arrival = jdbc.sql("select nextval('cooperation.event_arrival')").query(Long.class).single();
		int admitted = admitted(eventId);
		EventRegistrationState state = admitted < event.capacity() ? EventRegistrationState.ADMITTED
				: EventRegistrationState.WAITING;
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.event_registration (id, event_id, user_id, username, person_name, organisation,
				  contact, note, arrival, state, registered_at, admitted_at)
				values (:id, :event, :user, :username, :name, :organisation, :contact, :note, :arrival, :state, :now, :admitted)""")
			.param("id", id).param("event", eventId).param("user", actor.userId()).param("username", actor.username())
			.param("name", actor.displayName()).param("organisation", organisation).param("contact", contact)
			.param("note", Events.text(registration.note(), 1000)).param("arrival", arrival).param("state", state.name())
			.param("now", Timestamp.from(now))
			.param("admitted", state == EventRegistrationState.ADMITTED ? Timestamp.from(now) : null).update();
		events.publishEvent(new EventRegistrationChanged(eventId, id, state, now));
		return view(id);
	}

	/**
	 * The person gives up their registration. A place it held goes to the first on the waiting list, who is told
	 * ({@link EventPlaceGiven}); the others move up one. 404 for someone else's registration.
	 */
	@Transactional
	public EventRegistrationView cancel(UUID eventId, UUID registrationId) {
		Actor actor = Actors.require();
		jdbc.sql("select id from cooperation.event_registration where id = :id and event_id = :event and user_id = :user")
			.param("id", registrationId).param("event", eventId).param("user", actor.userId()).query(UUID.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("event.registration-not-found", registrationId));
		EventRows.Row event = rows.lock(eventId, actor);
		EventRegistrationView before = view(registrationId);
		if (before.state() != EventRegistrationState.ADMITTED && before.state() != EventRegistrationState.WAITING) {
			throw KejiaoException.conflict("event.registration-cancelled");
		}
		if (event.state() == EventState.HELD || event.state() == EventState.CANCELLED) {
			throw KejiaoException.conflict("event.registration-final");
		}
		Instant now = clock.instant();
		jdbc.sql("update cooperation.event_registration set state = 'CANCELLED', cancelled_at = :now where id = :id")
			.param("now", Timestamp.from(now)).param("id", registrationId).update();
		events.publishEvent(new EventRegistrationChanged(eventId, registrationId, EventRegistrationState.CANCELLED,
				before.registeredAt()));
		if (before.state() == EventRegistrationState.ADMITTED) {
			fillPlaces(event, now);
		}
		return view(registrationId);
	}

	/** While places are free, the first on the waiting list moves up and is told (the event's lock is held). */
	private void fillPlaces(EventRows.Row event, Instant now) {
		while (admitted(event.id()) < event.capacity()) {
			Optional<UUID> first = jdbc.sql("""
					select id from cooperation.event_registration where event_id = :event and state = 'WAITING'
					order by arrival limit 1""").param("event", event.id()).query(UUID.class).optional();
			if (first.isEmpty()) {
				return;
			}
			jdbc.sql("update cooperation.event_registration set state = 'ADMITTED', admitted_at = :now where id = :id")
				.param("now", Timestamp.from(now)).param("id", first.get()).update();
			EventRegistrationView admitted = view(first.get());
			events.publishEvent(new EventRegistrationChanged(event.id(), admitted.id(), EventRegistrationState.ADMITTED,
					admitted.registeredAt()));
			events.publishEvent(new EventPlaceGiven(event.id(), event.title(), event.startsAt(),
					event.place().isEmpty() ? String.valueOf(event.onlineLink()) : event.place(), admitted.id(),
					String.valueOf(admitted.username())));
		}
	}

	/** The organiser checks a person in (admitted ones only); checking in twice keeps the first time. */
	@Transactional
	public EventRegistrationView checkIn(UUID eventId, UUID registrationId) {
		Actor actor = Actors.require();
		EventRows.Row event = rows.lock(eventId, actor);
		if (!event.managedBy(actor)) {
			throw KejiaoException.forbidden("event.organisers-only");
		}
		jdbc.sql("select id from cooperation.event_registration where id = :id and event_id = :event")
			.param("id", registrationId).param("event", eventId).query(UUID.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("event.registration-not-found", registrationId));
		if (event.state() == EventState.DRAFT || event.state() == EventState.CANCELLED) {
			throw KejiaoException.conflict("event.check-in-state");
		}
		EventRegistrationView registration = view(registrationId);
		if (registration.state() != EventRegistrationState.ADMITTED && registration.state() != EventRegistrationState.WALK_IN) {
			throw KejiaoException.conflict("event.check-in-not-admitted");
		}
		jdbc.sql("""
				update cooperation.event_registration set checked_in_at = :now, checked_in_by = :by
				where id = :id and checked_in_at is null""")
			.param("now", Timestamp.from(clock.instant())).param("by", actor.username()).param("id", registrationId).update();
		return view(registrationId);
	}

	/** A walk-in the organiser records at the door: checked in at once, holding no place. */
	@Transactional
	public EventRegistrationView walkIn(UUID eventId, @Nullable String name, @Nullable String organisation) {
		Actor actor = Actors.require();
		EventRows.Row event = rows.lock(eventId, actor);
		if (!event.managedBy(actor)) {
			throw KejiaoException.forbidden("event.organisers-only");
		}
		if (event.state() == EventState.DRAFT || event.state() == EventState.CANCELLED) {
			throw KejiaoException.conflict("event.check-in-state");
		}
		String person = Events.text(name, 100);
		if (person.isEmpty()) {
			throw KejiaoException.invalid("event.walk-in-name");
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into cooperation.event_registration (id, event_id, person_name, organisation, arrival, state,
				  registered_at, checked_in_at, checked_in_by)
				values (:id, :event, :name, :organisation, nextval('cooperation.event_arrival'), 'WALK_IN', :now, :now, :by)""")
			.param("id", id).param("event", eventId).param("name", person)
			.param("organisation", Events.text(organisation, 200)).param("now", now).param("by", actor.username()).update();
		return view(id);
	}

	/** The signed-in person's live registration for the event, if any (the latest one otherwise). */
	@Transactional(readOnly = true)
	public Optional<EventRegistrationView> mine(UUID eventId) {
		Optional<Actor> actor = Actors.current();
		if (actor.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + FROM + """
				where r.event_id = :event and r.user_id = :user
				order by (r.state in ('ADMITTED', 'WAITING')) desc, r.arrival desc limit 1""")
			.param("event", eventId).param("user", actor.get().userId()).query((rs, n) -> view(rs)).optional();
	}

	/**
	 * The event's registrations for its organisers, in arrival order: admitted and walk-ins, then the waiting list,
	 * then cancelled; {@code name}: only those whose name or organisation contains it.
	 */
	@Transactional(readOnly = true)
	public List<EventRegistrationView> list(UUID eventId, @Nullable String name) {
		rows.managed(eventId, Actors.require());
		String text = Events.text(name, 100).toLowerCase(Locale.ROOT);
		return jdbc.sql("select " + COLUMNS + FROM + """
				where r.event_id = :event and (:text = '' or lower(r.person_name) like :like or lower(r.organisation) like :like
				  or lower(coalesce(r.username, '')) like :like)
				order by case r.state when 'ADMITTED' then 0 when 'WALK_IN' then 0 when 'WAITING' then 1 else 2 end, r.arrival""")
			.param("event", eventId).param("text", text).param("like", "%" + text.replace("%", "\\%").replace("_", "\\_") + "%")
			.query((rs, n) -> view(rs)).list();
	}

	int admitted(UUID eventId) {
		return jdbc.sql("select count(*) from cooperation.event_registration where event_id = :event and state = 'ADMITTED'")
			.param("event", eventId).query(Integer.class).single();
	}

	EventRegistrationView view(UUID id) {
		return jdbc.sql("select " + COLUMNS + FROM + "where r.id = :id").param("id", id).query((rs, n) -> view(rs)).single();
	}

	private static EventRegistrationView view(ResultSet rs) throws SQLException {
		long rank = rs.getLong("position");
		Integer position = rs.wasNull() ? null : (int) rank;
		return new EventRegistrationView(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getString("title"), rs.getString("username"), rs.getString("person_name"), rs.getString("organisation"),
				rs.getString("contact"), rs.getString("note"), EventRegistrationState.valueOf(rs.getString("state")),
				position, rs.getLong("arrival"), EventRows.instant(rs.getTimestamp("registered_at")),
				EventRows.instant(rs.getTimestamp("admitted_at")), EventRows.instant(rs.getTimestamp("cancelled_at")),
				EventRows.instant(rs.getTimestamp("checked_in_at")), rs.getString("checked_in_by"));
	}
}
