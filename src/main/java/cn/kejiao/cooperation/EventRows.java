package cn.kejiao.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;

/**
 * The event rows and who may do what with them: the organisers' admins (an admin whose region is an organiser or
 * contains one, and the platform admin) manage an event; anyone reads a published one, a draft only its organisers.
 */
@Component
class EventRows {

	static final String COLUMNS = """
			e.id, e.kind, e.title, e.summary, e.starts_at, e.ends_at, e.place, e.online_link, e.capacity,
			e.registration_opens_at, e.registration_closes_at, e.state, e.created_by, e.created_at""";

	/** An event as stored. */
	record Row(UUID id, EventKind kind, String title, String summary, Instant startsAt, Instant endsAt, String place,
			@Nullable String onlineLink, int capacity, @Nullable Instant opensAt, @Nullable Instant closesAt,
			EventState state, String createdBy, Instant createdAt, List<String> organisers) {

		/** Whether a person may register now: open, within its registration window, before its end. */
		boolean registrationOpen(Instant now) {
			return state == EventState.OPEN && (opensAt == null || !now.isBefore(opensAt))
					&& now.isBefore(closesAt != null ? closesAt : endsAt);
		}

		boolean managedBy(@Nullable Actor actor) {
			return actor != null && (actor.isPlatformAdmin()
					|| organisers.stream().anyMatch(code -> actor.isRegionAdmin() && RegionCodes.isWithin(code, actor.regionCode())));
		}

		boolean readableBy(@Nullable Actor actor) {
			return state.published() || managedBy(actor);
		}
	}

	private final JdbcClient jdbc;
	private final Regions regions;
	private final Clock clock;

	EventRows(JdbcClient jdbc, Regions regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from cooperation.event e where e.id = :id").param("id", id)
			.query((rs, n) -> row(rs)).optional();
	}

	/** The event the reader may read; 404 event.not-found for one it may not, as for one that does not exist. */
	Row readable(UUID id, @Nullable Actor reader) {
		return find(id).filter(r -> r.readableBy(reader)).orElseThrow(() -> KejiaoException.notFound("event.not-found", id));
	}

	/** The event the actor manages; 404 when it may not read it, 403 event.organisers-only when it only reads it. */
	Row managed(UUID id, Actor actor) {
		Row row = readable(id, actor);
		if (!row.managedBy(actor)) {
			throw KejiaoException.forbidden("event.organisers-only");
		}
		return row;
	}

	/**
	 * Locks the event's row for this transaction (FOR NO KEY UPDATE: registrations, cancellations and check-ins of
	 * one event go one at a time on any node; what only refers to the event is not held up).
	 */
	Row lock(UUID id, @Nullable Actor reader) {
		Row row = jdbc.sql("select " + COLUMNS + " from cooperation.event e where e.id = :id for no key update of e")
			.param("id", id).query((rs, n) -> row(rs)).optional()
			.orElseThrow(() -> KejiaoException.notFound("event.not-found", id));
		if (!row.readableBy(reader)) {
			throw KejiaoException.notFound("event.not-found", id);
		}
		return row;
	}

	List<Row> rows(String where, Map<String, ?> params) {
		return jdbc.sql("select " + COLUMNS + " from cooperation.event e where " + where + " order by e.starts_at, e.id")
			.params(params).query((rs, n) -> row(rs)).list();
	}

	/** The event as the reader sees it, with its counts. */
	EventView view(Row row, @Nullable Actor reader) {
		return views(List.of(row), reader).getFirst();
	}

	List<EventView> views(List<Row> rows, @Nullable Actor reader) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, int[]> counts = jdbc.sql("""
				select event_id, count(*) filter (where state = 'ADMITTED'), count(*) filter (where state = 'WAITING'),
				       count(*) filter (where checked_in_at is not null and state in ('ADMITTED', 'WALK_IN'))
				from cooperation.event_registration where event_id in (:ids) group by event_id""").param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4) }))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<UUID, List<EventForm.AgendaItem>> agenda = jdbc.sql("""
				select event_id, at_time, title, speaker from cooperation.event_agenda_item
				where event_id in (:ids) order by event_id, position""").param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
					new EventForm.AgendaItem(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Instant now = clock.instant();
		return rows.stream().map(r -> {
			int[] c = counts.getOrDefault(r.id(), new int[3]);
			return new EventView(r.id(), r.kind(), r.title(), r.summary(), r.startsAt(), r.endsAt(), r.place(),
					r.onlineLink(), r.organisers().stream().map(code -> new EventView.Organiser(code, regions.fullNameOrCode(code))).toList(),
					agenda.getOrDefault(r.id(), List.of()), r.capacity(), c[0], c[1], c[2], Math.max(0, r.capacity() - c[0]),
					r.opensAt(), r.closesAt(), r.state(), r.registrationOpen(now), r.managedBy(reader), r.createdBy(),
					r.createdAt());
		}).toList();
	}

	private Row row(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<String> organisers = jdbc.sql("select region_code from cooperation.event_organiser where event_id = :id order by position")
			.param("id", id).query(String.class).list();
		return new Row(id, EventKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("summary"),
				instant(rs.getTimestamp("starts_at")), instant(rs.getTimestamp("ends_at")), rs.getString("place"),
				rs.getString("online_link"), rs.getInt("capacity"), instant(rs.getTimestamp("registration_opens_at")),
				instant(rs.getTimestamp("registration_closes_at")), EventState.valueOf(rs.getString("state")),
				rs.getString("created_by"), instant(rs.getTimestamp("created_at")), organisers);
	}

	@SuppressWarnings("NullAway")
	static Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
