package cn.kejiao.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.FlowQueries;
import cn.kejiao.platform.database.SqlArrays;

/**
 * The entries the catalog shares, per day, type and region (decision 0028), as {@link RegionFlow}s of one region
 * (served and serving both the entry's region) without money. An entry is shared while it is in the public
 * catalog: published, or an instrument under maintenance ({@link EntryState#isPublic()}), whatever its
 * confidentiality. Each span it is shared is kept ({@code catalog.entry_shared}): it counts +1 on the day (China
 * time) it became shared and −1 on the day it stopped (withdrawn, suspended) in the region it was in; a move to
 * another region stops it in one and starts it in the other. The figure of a day is net, so the number shared at
 * a day is the running sum. {@link EntrySharingChanged} tells of every span opened or closed.
 */
@Service
public class CatalogFlows {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	CatalogFlows(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Keeps the entry's spans in step with its state and region, after every change: closes the open span when it is
	 * no longer shared or moved, opens one when it is shared without one. Called in the changing transaction.
	 */
	void follow(CatalogEntry entry, Instant now) {
		Optional<String> open = jdbc.sql("select region_code from catalog.entry_shared where entry_id = :id and shared_until is null")
			.param("id", entry.id()).query(String.class).optional();
		boolean shared = entry.state().isPublic();
		if (open.isPresent() && shared && open.get().equals(entry.regionCode()) || open.isEmpty() && !shared) {
			return;
		}
		if (open.isPresent()) {
			// a span never ends before it began, also when a step runs at an earlier time than the one that opened it
			jdbc.sql("""
					update catalog.entry_shared set shared_until = greatest(:at, shared_from)
					where entry_id = :id and shared_until is null""")
				.param("at", Timestamp.from(now)).param("id", entry.id()).update();
		}
		if (shared) {
			jdbc.sql("""
					insert into catalog.entry_shared (entry_id, type, region_code, shared_from)
					values (:id, :type, :region, :at)""")
				.param("id", entry.id()).param("type", entry.type().name()).param("region", entry.regionCode())
				.param("at", Timestamp.from(now)).update();
		}
		events.publishEvent(new EntrySharingChanged(entry.id(), entry.type(), shared));
	}

	/**
	 * Entries of a type shared, net per day and region: started less stopped. Only regions inside one of
	 * {@code regions} (each with everything below it; every region when empty), {@code from} to {@code to} both
	 * included; {@code flows.span} (400) for a period backwards or longer than ten years. Days where as many
	 * stopped as started are left out.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> shared(EntryType type, LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select day, region_code, sum(n) from (
				  select (shared_from at time zone 'Asia/Shanghai')::date as day, region_code, 1 as n
				  from catalog.entry_shared
				  where type = :type and shared_from >= :from and shared_from < :to and region_code like any(:regions)
				  union all
				  select (shared_until at time zone 'Asia/Shanghai')::date, region_code, -1
				  from catalog.entry_shared
				  where type = :type and shared_until >= :from and shared_until < :to and region_code like any(:regions)
				) spans group by 1, 2 having sum(n) <> 0 order by 1, 2""")
			.param("type", type.name()).param("from", FlowQueries.start(from)).param("to", FlowQueries.start(to.plusDays(1)))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(2),
					rs.getLong(3), null))
			.list();
	}

	/**
	 * The entries behind {@link #shared}: those that became shared in the period, in a region inside one of
	 * {@code regions} (any when empty), newest first; their owner named, their page linked.
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> sharedRows(EntryType type, LocalDate from, LocalDate to, Collection<String> regions,
			int offset, int limit) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select e.external_code, e.title, s.shared_from, s.region_code, e.owner_org_name, e.id
				from catalog.entry_shared s join catalog.entry e on e.id = s.entry_id
				where s.type = :type and s.shared_from >= :from and s.shared_from < :to and s.region_code like any(:regions)
				order by s.shared_from desc, s.id desc offset :offset limit :limit""")
			.param("type", type.name()).param("from", FlowQueries.start(from)).param("to", FlowQueries.start(to.plusDays(1)))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
			.query((rs, n) -> new FlowItem(rs.getString(1), rs.getString(2),
					LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), ChinaTime.ZONE), rs.getString(4), rs.getString(5),
					rs.getString(4), null, null, "/catalog/entries/" + rs.getObject(6, UUID.class)))
			.list();
	}

	/** What a figure names of an entry: its title, its owner's name and its region. */
	public record EntryName(UUID id, EntryType type, String title, String ownerOrgName, String regionCode) {
	}

	/**
	 * Several entries as figures name them, in one query, whatever their state or confidentiality: for the rows an
	 * authority drills down to (matches, say). Unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, EntryName> names(Collection<UUID> ids) {
		Map<UUID, EntryName> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, type, title, owner_org_name, region_code from catalog.entry where id = any(:ids)")
				.param("ids", ids.toArray(UUID[]::new))
				.query((rs, n) -> names.put(rs.getObject(1, UUID.class), new EntryName(rs.getObject(1, UUID.class),
						EntryType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5))))
				.list();
		}
		return names;
	}
}
