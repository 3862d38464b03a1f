package cn.kejiao.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records state changes in the caller's transaction (a change and its audit entry commit or fail
 * together) and searches them for admins, who see only their own region and the regions below it.
 */
@Service
public class AuditLog {

	private final AuditEntryRepository entries;
	private final JsonMapper json;
	private final Clock clock;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	AuditLog(AuditEntryRepository entries, JsonMapper json, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.entries = entries;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Appends an entry for the current actor (or "system" for scheduled jobs).
	 * @param regionCode the region the subject belongs to; it decides which admins see the entry
	 * @param before the subject's state before the change, or null when it was created
	 * @param after the state after, or null when it was removed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String subjectType, String subjectId, String subjectName,
			@Nullable String regionCode, @Nullable Object before, @Nullable Object after) {
		recordAll(List.of(new AuditChange(Actors.current().orElse(null), Actors.clientAddress().orElse(null), action,
				subjectType, subjectId, subjectName, regionCode, before, after)));
	}

	/** Appends an entry for each change, in one round trip, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<AuditChange> changes) {
		java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant());
		// plain inserts: every state change writes one, so they stay off the ORM's flush path
		jdbc.batchUpdate("""
				insert into audit.audit_entry (occurred_at, actor_username, actor_org_id, actor_org_name, action, subject_type,
				    subject_id, subject_name, region_code, before_state, after_state, client_address)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""", changes, changes.size(),
				(ps, change) -> {
					Actor actor = change.actor();
					ps.setTimestamp(1, at);
					ps.setString(2, actor != null ? actor.username() : "system");
					ps.setObject(3, actor != null ? actor.organisationId() : null, java.sql.Types.OTHER);
					ps.setString(4, actor != null ? actor.organisationName() : null);
					ps.setString(5, change.action());
					ps.setString(6, change.subjectType());
					ps.setString(7, change.subjectId());
					ps.setString(8, change.subjectName());
					ps.setString(9, change.regionCode());
					ps.setString(10, toJson(change.before()));
					ps.setString(11, toJson(change.after()));
					ps.setString(12, change.clientAddress());
				});
	}

	/** Like {@link #record}, in a transaction of its own: for events such as a failed login that roll nothing back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(String action, String subjectType, String subjectId, String subjectName,
			@Nullable String regionCode, @Nullable Object before, @Nullable Object after) {
		record(action, subjectType, subjectId, subjectName, regionCode, before, after);
	}

	/** Searches the entries the actor may see: all for the platform admin, its region's for a region admin. */
	@Transactional(readOnly = true)
	public Page<AuditRecord> search(Actor actor, AuditQuery query, int page, int size) {
		String scope;
		if (actor.isPlatformAdmin()) {
			scope = query.regionCode() == null ? null : RegionCodes.likePattern(query.regionCode());
		}
		else if (actor.isRegionAdmin()) {
			String region = query.regionCode() == null ? actor.regionCode() : query.regionCode();
			if (!actor.governs(region)) {
				throw KejiaoException.forbidden("auth.region-forbidden", region);
			}
			scope = RegionCodes.likePattern(region);
		}
		else {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		String text = query.text() == null || query.text().isBlank() ? null
				: "%" + query.text().strip().toLowerCase(Locale.ROOT) + "%";
		String action = query.action() == null || query.action().isBlank() ? null : query.action().strip();
		Instant from = query.from() == null ? Instant.EPOCH : start(query.from());
		Instant to = query.to() == null ? Instant.parse("9999-12-31T00:00:00Z") : start(query.to().plusDays(1));
		return entries.search(scope, action, text, from, to, Paging.of(page, size, 200).pageRequest())
			.map(AuditEntry::view);
	}

	/** The actions recorded so far, for the search form's list; counted again at most once a minute. */
	public List<String> actions() {
		CachedActions cached = actions;
		long now = System.currentTimeMillis();
		if (cached == null || now - cached.at() > 60_000) {
			cached = new CachedActions(jdbc.queryForList("select distinct action from audit.audit_entry", String.class),
					now);
			actions = cached;
		}
		return cached.actions();
	}

	private record CachedActions(List<String> actions, long at) {
	}

	private volatile @Nullable CachedActions actions;

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ChinaTime.ZONE).toInstant();
	}

	private @Nullable String toJson(@Nullable Object state) {
		return state == null ? null : json.writeValueAsString(state);
	}
}
