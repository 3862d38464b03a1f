package cn.kejiao.demand;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * Confirmed matches between regions per day (decision 0028), as {@link RegionFlow}s without money: served is the
 * demand's region, serving the region of the achievement it was matched to. A match is confirmed when a person who
 * manages the demand says the suggested achievement is useful for it (the verdict a match's owner is contacted
 * on); it counts once per demand and achievement, on the day of the first such verdict still standing in China
 * time, and no longer when every verdict on it turned to not useful. The achievements' regions come from the
 * catalog in one query. Callers decide who may see which figures.
 */
@Service
public class MatchFlows {

	private final JdbcClient jdbc;
	private final Catalog catalog;

	MatchFlows(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * Confirmed matches by day, demand region and achievement region: their number. Only matches with both regions
	 * inside one of {@code regions} (each with everything below it; every region when empty), {@code from} to
	 * {@code to} both included. {@code flows.span} (400) for a period that runs backwards or spans more than ten
	 * years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> flows(LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		record Confirmed(UUID entry, String demandRegion, LocalDate day) {
		}
		List<Confirmed> confirmed = jdbc.sql("""
				select f.entry_id, d.region_code, (min(f.at) at time zone 'Asia/Shanghai')::date
				from demand.feedback f join demand.demand d on d.id = f.demand_id
				where f.entry_type = 'ACHIEVEMENT' and f.useful and d.region_code like any(:regions)
				group by f.demand_id, f.entry_id, d.region_code
				having min(f.at) >= :from and min(f.at) < :to""")
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new Confirmed(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class)))
			.list();
		Map<UUID, String> entryRegions = catalog.regionsOf(confirmed.stream().map(Confirmed::entry).distinct().toList());
		Map<String, RegionFlow> flows = new TreeMap<>();
		for (Confirmed match : confirmed) {
			String entryRegion = entryRegions.get(match.entry());
			if (entryRegion == null || !regions.isEmpty()
					&& regions.stream().noneMatch(region -> RegionCodes.isWithin(entryRegion, region))) {
				continue;
			}
			flows.merge(match.day() + match.demandRegion() + entryRegion,
					new RegionFlow(match.day(), match.demandRegion(), entryRegion, 1, null),
					(a, b) -> new RegionFlow(a.day(), a.servedRegion(), a.servingRegion(), a.count() + b.count(), null));
		}
		return new ArrayList<>(flows.values());
	}
}
