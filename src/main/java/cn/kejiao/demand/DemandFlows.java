package cn.kejiao.demand;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.catalog.CatalogFlows;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.FlowQueries;
import cn.kejiao.platform.database.SqlArrays;

/**
 * Demands per day and region (decision 0028), as {@link RegionFlow}s of one region (the demand's) without money:
 * <ul>
 * <li>posted: a demand counts on the day (China time) it was first published (opened), whatever became of it
 * since;</li>
 * <li>matched: a demand counts on the day it first had strong matches in the catalog, those whose owners were to be
 * told ({@link MatchSuggested}).</li>
 * </ul>
 * The rows behind them and behind the confirmed matches ({@link MatchFlows}) name the organisations, except an owner
 * who asked to stay hidden; newest first.
 */
@Service
public class DemandFlows {

	private final JdbcClient jdbc;
	private final CatalogFlows catalog;

	DemandFlows(JdbcClient jdbc, CatalogFlows catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * Demands published, by the day first opened and the demand's region: their number. Only regions inside one of
	 * {@code regions} (each with everything below it; every region when empty), {@code from} to {@code to} both
	 * included; {@code flows.span} (400) for a period backwards or longer than ten years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> posted(LocalDate from, LocalDate to, Collection<String> regions) {
		return daily("opened_at", from, to, regions);
	}

	/** Demands by the day they first had strong matches, and region; same period and regions as {@link #posted}. */
	@Transactional(readOnly = true)
	public List<RegionFlow> matched(LocalDate from, LocalDate to, Collection<String> regions) {
		return daily("matched_at", from, to, regions);
	}

	/** The demands behind {@link #posted}: number, title, owner, its page. */
	@Transactional(readOnly = true)
	public List<FlowItem> postedRows(LocalDate from, LocalDate to, Collection<String> regions, int offset, int limit) {
		return rows("opened_at", from, to, regions, offset, limit);
	}

	/** The demands behind {@link #matched}. */
	@Transactional(readOnly = true)
	public List<FlowItem> matchedRows(LocalDate from, LocalDate to, Collection<String> regions, int offset, int limit) {
		return rows("matched_at", from, to, regions, offset, limit);
	}

	/**
	 * The confirmed matches behind {@link MatchFlows#flows}: each demand and achievement on the day of its first useful
	 * verdict still standing, the demand's region in one of {@code served} and the achievement's in one of
	 * {@code serving} (any when empty); titled "demand · achievement", the demand's page linked.
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> confirmedRows(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		RegionFlow.requireSpan(from, to);
		record Confirmed(UUID demand, String number, String title, String region, @Nullable String owner, UUID entry,
				Instant at) {
		}
		List<Confirmed> confirmed = jdbc.sql("""
				select d.id, d.number, d.title, d.region_code, case when d.hide_name then null else d.owner_org_name end,
				       f.entry_id, min(f.at)
				from demand.feedback f join demand.demand d on d.id = f.demand_id
				where f.entry_type = 'ACHIEVEMENT' and f.useful and d.region_code like any(:regions)
				group by d.id, f.entry_id
				having min(f.at) >= :from and min(f.at) < :to""")
			.param("from", FlowQueries.start(from)).param("to", FlowQueries.start(to.plusDays(1)))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(served)))
			.query((rs, n) -> new Confirmed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getTimestamp(7).toInstant()))
			.list();
		Map<UUID, CatalogFlows.EntryName> entries = catalog.names(confirmed.stream().map(Confirmed::entry).distinct().toList());
		return confirmed.stream()
			.filter(c -> entries.containsKey(c.entry()) && (serving.isEmpty()
					|| serving.stream().anyMatch(r -> RegionCodes.isWithin(entries.get(c.entry()).regionCode(), r))))
			.sorted(Comparator.comparing(Confirmed::at).reversed().thenComparing(Confirmed::number)
				.thenComparing(Confirmed::entry))
			.skip(Math.max(0, offset)).limit(Math.max(0, limit))
			.map(c -> {
				CatalogFlows.EntryName entry = entries.get(c.entry());
				return new FlowItem(c.number(), c.title() + " · " + entry.title(), day(c.at()), c.region(), c.owner(),
						entry.regionCode(), entry.ownerOrgName(), null, "/demands/" + c.demand());
			})
			.toList();
	}

	private List<RegionFlow> daily(String column, LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select (%1$s at time zone 'Asia/Shanghai')::date, region_code, count(*) from demand.demand
				where %1$s >= :from and %1$s < :to and region_code like any(:regions)
				group by 1, 2 order by 1, 2""".formatted(column))
			.param("from", FlowQueries.start(from)).param("to", FlowQueries.start(to.plusDays(1)))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(2),
					rs.getLong(3), null))
			.list();
	}

	private List<FlowItem> rows(String column, LocalDate from, LocalDate to, Collection<String> regions, int offset,
			int limit) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select number, title, %1$s, region_code, case when hide_name then null else owner_org_name end, id
				from demand.demand
				where %1$s >= :from and %1$s < :to and region_code like any(:regions)
				order by %1$s desc, number offset :offset limit :limit""".formatted(column))
			.param("from", FlowQueries.start(from)).param("to", FlowQueries.start(to.plusDays(1)))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
			.query((rs, n) -> new FlowItem(rs.getString(1), rs.getString(2), day(rs.getTimestamp(3).toInstant()),
					rs.getString(4), rs.getString(5), rs.getString(4), null, null, "/demands/" + rs.getObject(6, UUID.class)))
			.list();
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ChinaTime.ZONE);
	}
}
