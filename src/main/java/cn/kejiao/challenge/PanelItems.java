package cn.kejiao.challenge;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * The seats behind the panel figures, as {@link FlowItem}s, by the rule of {@link PanelFlows}: a seat on the day it
 * was taken (China time), served the challenge's region and publisher, serving the expert (by name) and the
 * expert's region when the seat was taken (looked up now for seats from before regions were kept); each with the
 * challenge's number and title and a link to the challenge's page; newest first. Callers decide who may read them.
 */
@Service
public class PanelItems {

	private final JdbcClient jdbc;
	private final Accounts accounts;

	PanelItems(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * The seats taken from {@code from} to {@code to}, both included, on challenges inside one of {@code served} by
	 * experts inside one of {@code serving} (region codes, each with everything below it; any when empty),
	 * {@code limit} from {@code offset}.
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> seats(LocalDate from, LocalDate to, Collection<String> served, Collection<String> serving,
			int offset, int limit) {
		RegionFlow.requireSpan(from, to);
		record Seat(UUID challengeId, String number, String title, Instant seatedAt, String challengeRegion,
				String publisher, @Nullable String expertRegion, UUID expert, String expertName) {
		}
		List<Seat> seats = jdbc.sql("""
				select c.id, c.number, c.title, p.seated_at, c.region_code, c.publisher_name, p.region_code, p.user_id,
				       p.display_name
				from challenge.panellist p join challenge.challenge c on c.id = p.challenge_id
				where p.seated_at >= :from and p.seated_at < :to and c.region_code like any(:served)
				order by p.seated_at desc, c.number desc, p.display_name""")
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("served", SqlArrays.texts(RegionFlow.likePatterns(served)))
			.query((rs, n) -> new Seat(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getObject(8, UUID.class), rs.getString(9)))
			.list();
		Map<UUID, String> unknown = accounts.regionsOf(
				seats.stream().filter(s -> s.expertRegion() == null).map(Seat::expert).distinct().toList());
		return seats.stream()
			.map(s -> new FlowItem(s.number(), s.title(), LocalDate.ofInstant(s.seatedAt(), ChinaTime.ZONE),
					s.challengeRegion(), s.publisher(),
					Objects.requireNonNullElse(s.expertRegion() != null ? s.expertRegion() : unknown.get(s.expert()), ""),
					s.expertName(), null, "/challenges/" + s.challengeId()))
			.filter(item -> !item.servingRegion().isEmpty() && (serving.isEmpty()
					|| serving.stream().anyMatch(region -> RegionCodes.isWithin(item.servingRegion(), region))))
			.skip(Math.max(0, offset))
			.limit(Math.max(0, limit))
			.toList();
	}
}
