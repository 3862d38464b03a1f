package cn.kejiao.challenge;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * Experts seated on review panels between regions per day (decision 0028), as {@link RegionFlow}s without money:
 * served is the region of the challenge (its publisher's), serving the expert's region when it took the seat. A
 * seat counts on the day it was taken in China time: when the publisher formed the panel, or when the expert
 * accepted an invitation. Seats taken before regions were kept with them are counted under the expert's region
 * now, looked up in one query. Callers decide who may see which figures.
 */
@Service
public class PanelFlows {

	private final JdbcClient jdbc;
	private final Accounts accounts;

	PanelFlows(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * Seats taken on panels, by day, challenge region and expert region: the number of seats. Only seats with both
	 * regions inside one of {@code regions} (each with everything below it; every region when empty), {@code from}
	 * to {@code to} both included. {@code flows.span} (400) for a period that runs backwards or spans more than ten
	 * years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> flows(LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		record Seats(LocalDate day, String challengeRegion, @Nullable String expertRegion, @Nullable UUID expert,
				long count) {
		}
		List<Seats> seats = jdbc.sql("""
				select (p.seated_at at time zone 'Asia/Shanghai')::date, c.region_code, p.region_code,
				       case when p.region_code is null then p.user_id end, count(*)
				from challenge.panellist p join challenge.challenge c on c.id = p.challenge_id
				where p.seated_at >= :from and p.seated_at < :to and c.region_code like any(:regions)
				  and (p.region_code is null or p.region_code like any(:regions))
				group by 1, 2, 3, 4""")
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new Seats(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getLong(5)))
			.list();
		Map<UUID, String> unknown = accounts.regionsOf(
				seats.stream().map(Seats::expert).filter(Objects::nonNull).distinct().toList());
		Map<String, RegionFlow> flows = new TreeMap<>();
		for (Seats seat : seats) {
			String expertRegion = seat.expertRegion() != null ? seat.expertRegion()
					: unknown.get(Objects.requireNonNull(seat.expert()));
			if (expertRegion == null || !regions.isEmpty()
					&& regions.stream().noneMatch(region -> RegionCodes.isWithin(expertRegion, region))) {
				continue;
			}
			flows.merge(seat.day() + seat.challengeRegion() + expertRegion,
					new RegionFlow(seat.day(), seat.challengeRegion(), expertRegion, seat.count(), null),
					(a, b) -> new RegionFlow(a.day(), a.servedRegion(), a.servingRegion(), a.count() + b.count(), null));
		}
		return new ArrayList<>(flows.values());
	}
}
