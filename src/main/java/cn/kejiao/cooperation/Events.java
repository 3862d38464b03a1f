package cn.kejiao.cooperation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.region.Regions;

/**
 * Forums, roadshows and matchmaking sessions: a region admin creates one with its organising regions (its own among
 * them), agenda, places and registration window; the organisers' admins publish it (open for registration), close
 * registration, record it as held, or cancel it. Anyone reads a published event.
 */
@Service
public class Events {

	static final int TITLE_MAX = 200;
	static final int CAPACITY_MAX = 100_000;

	private final JdbcClient jdbc;
	private final EventRows rows;
	private final Regions regions;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;

	Events(JdbcClient jdbc, EventRows rows, Regions regions, Clock clock, ApplicationEventPublisher events,
			AuditLog audit) {
		this.events = events;
		this.audit = audit;
		this.jdbc = jdbc;
		this.rows = rows;
		this.regions = regions;
		this.clock = clock;
	}

	/** A new event, as a draft unless {@code open}: then open for registration at once. */
	@Transactional
	public EventView create(EventForm form, boolean open) {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("event.admins-only");
		}
		if (form.kind() == null) {
			throw KejiaoException.invalid("event.kind-required");
		}
		String title = text(form.title(), TITLE_MAX);
		if (title.isEmpty()) {
			throw KejiaoException.invalid("event.title-required");
		}
		if (form.startsAt() == null || form.endsAt() == null) {
			throw KejiaoException.invalid("event.time-required");
		}
		if (!form.endsAt().isAfter(form.startsAt())) {
			throw KejiaoException.invalid("event.end-before-start");
		}
		if (form.capacity() == null || form.capacity() < 1 || form.capacity() > CAPACITY_MAX) {
			throw KejiaoException.invalid("event.capacity", CAPACITY_MAX);
		}
		String place = text(form.place(), 300);
		String link = text(form.onlineLink(), 500);
		if (place.isEmpty() && link.isEmpty()) {
			throw KejiaoException.invalid("event.place-required");
		}
		if (!link.isEmpty() && !link.matches("(?i)https?://\\S+")) {
			throw KejiaoException.invalid("event.link-invalid");
		}
		if (form.registrationOpensAt() != null && form.registrationClosesAt() != null
				&& !form.registrationClosesAt().isAfter(form.registrationOpensAt())) {
			throw KejiaoException.invalid("event.registration-window");
		}
		LinkedHashSet<String> organisers = new LinkedHashSet<>();
		for (String code : form.organisers() == null ? List.<String>of() : form.organisers()) {
			if (code != null && !code.isBlank()) {
				if (!regions.exists(code.strip())) {
					throw KejiaoException.invalid("event.organiser-unknown", code.strip());
				}
				organisers.add(code.strip());
			}
		}
		if (!actor.isPlatformAdmin() && !organisers.contains(actor.regionCode())) {
			throw KejiaoException.invalid("event.organiser-own-region", regions.fullNameOrCode(actor.regionCode()));
		}
		if (organisers.isEmpty()) {
			throw KejiaoException.invalid("event.organiser-required");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into cooperation.event (id, kind, title, summary, starts_at, ends_at, place, online_link, capacity,
				  registration_opens_at, registration_closes_at, state, created_by, created_at, updated_at)
				values (:id, :kind, :title, :summary, :starts, :ends, :place, :link, :capacity, :opens, :closes, :state,
				  :by, :now, :now)""")
			.param("id", id).param("kind", form.kind().name()).param("title", title)
			.param("summary", text(form.summary(), 4000)).param("starts", Timestamp.from(form.startsAt()))
			.param("ends", Timestamp.from(form.endsAt())).param("place", place).param("link", link.isEmpty() ? null : link)
			.param("capacity", form.capacity()).param("opens", EventRows.timestamp(form.registrationOpensAt()))
			.param("closes", EventRows.timestamp(form.registrationClosesAt()))
			.param("state", (open ? EventState.OPEN : EventState.DRAFT).name()).param("by", actor.username())
			.param("now", Timestamp.from(now)).update();
		int position = 0;
		for (String code : organisers) {
			jdbc.sql("insert into cooperation.event_organiser (event_id, region_code, position) values (:id, :code, :p)")
				.param("id", id).param("code", code).param("p", position++).update();
		}
		position = 0;
		for (EventForm.AgendaItem item : form.agenda() == null ? List.<EventForm.AgendaItem>of() : form.agenda()) {
			String itemTitle = text(item.title(), 300);
			if (itemTitle.isEmpty()) {
				continue;
			}
			jdbc.sql("""
					insert into cooperation.event_agenda_item (event_id, position, at_time, title, speaker)
					values (:id, :p, :time, :title, :speaker)""")
				.param("id", id).param("p", position++).param("time", text(item.time(), 40)).param("title", itemTitle)
				.param("speaker", text(item.speaker(), 200)).update();
		}
		events.publishEvent(new EventStateChanged(id, open ? EventState.OPEN : EventState.DRAFT, form.startsAt()));
		audit.record("event.created", "event", id.toString(), title, organisers.iterator().next(), null,
				Map.of("kind", form.kind().name(), "startsAt", form.startsAt().toString(), "capacity", form.capacity(),
						"state", (open ? EventState.OPEN : EventState.DRAFT).name()));
		return get(id);
	}

	/** The event, for whoever may read it (404 event.not-found otherwise). */
	@Transactional(readOnly = true)
	public EventView get(UUID id) {
		Actor reader = Actors.current().orElse(null);
		return rows.view(rows.readable(id, reader), reader);
	}

	/**
	 * Events the reader may see, soonest first: published ones, and drafts of those it organises; {@code state}
	 * OPEN: those open for registration now; {@code month}: those starting in that month (China time).
	 */
	@Transactional(readOnly = true)
	public List<EventView> list(@Nullable EventState state, @Nullable YearMonth month) {
		Actor reader = Actors.current().orElse(null);
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		where.add("true");
		if (state != null) {
			where.add("e.state = :state");
			params.put("state", state.name());
		}
		if (month != null) {
			where.add("e.starts_at >= :from and e.starts_at < :to");
			params.put("from", Timestamp.from(month.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
			params.put("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
		}
		Instant now = clock.instant();
		List<EventRows.Row> found = rows.rows(String.join(" and ", where), params).stream()
			.filter(r -> r.readableBy(reader))
			.filter(r -> state != EventState.OPEN || r.registrationOpen(now)).toList();
		return rows.views(found, reader);
	}

	/** Moves the event on (open, close registration, held, cancelled), for its organisers. */
	@Transactional
	public EventView move(UUID id, @Nullable EventState to) {
		Actor actor = Actors.require();
		EventRows.Row row = rows.lock(id, actor);
		if (!row.managedBy(actor)) {
			throw KejiaoException.forbidden("event.organisers-only");
		}
		if (to == null || !row.state().next().contains(to)) {
			throw KejiaoException.conflict("event.state-step", row.state().name(), to == null ? "-" : to.name());
		}
		if (to == EventState.HELD && clock.instant().isBefore(row.startsAt())) {
			throw KejiaoException.conflict("event.not-started");
		}
		jdbc.sql("update cooperation.event set state = :state, updated_at = :now where id = :id")
			.param("state", to.name()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
		events.publishEvent(new EventStateChanged(id, to, row.startsAt()));
		audit.record("event.state-changed", "event", id.toString(), row.title(), row.organisers().getFirst(),
				Map.of("state", row.state().name()), Map.of("state", to.name()));
		if (to == EventState.CANCELLED) {
			List<String> told = jdbc.sql("""
					select username from cooperation.event_registration
					where event_id = :id and state in ('ADMITTED', 'WAITING') order by arrival""")
				.param("id", id).query(String.class).list();
			events.publishEvent(new EventCancelled(id, row.title(), row.startsAt(), row.place(), told));
		}
		return get(id);
	}

	/** A state by its name as a client writes it (open, OPEN); 400 event.state-unknown for anything else. */
	public static @Nullable EventState state(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return EventState.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid("event.state-unknown", name);
		}
	}

	static String text(@Nullable String text, int max) {
		String stripped = text == null ? "" : text.strip();
		return stripped.length() > max ? stripped.substring(0, max) : stripped;
	}
}
