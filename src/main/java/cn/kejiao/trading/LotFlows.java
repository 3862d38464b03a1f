package cn.kejiao.trading;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * Lots sold at auction between regions per day (decision 0028), as {@link RegionFlow}s: served is the buyer's (the
 * winning bidder's) region, serving the seller's region as the lot kept it. A lot counts when it closed with a
 * winner (sold: the highest bid met the reserve), on the day it closed in China time, with its hammer price
 * (commissions left out); a sale is final. The buyer's region is its organisation's region, looked up when asked.
 * Callers decide who may see which figures.
 */
@Service
public class LotFlows {

	private final JdbcClient jdbc;
	private final Organisations organisations;

	LotFlows(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	/**
	 * Lots sold by day closed, buyer region and seller region: their number and hammer prices. Only lots with both
	 * parties inside one of {@code regions} (each with everything below it; every region when empty), {@code from}
	 * to {@code to} both included. {@code flows.span} (400) for a period that runs backwards or spans more than ten
	 * years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> daily(LocalDate from, LocalDate to, Collection<String> regions) {
		Map<String, RegionFlow> flows = new TreeMap<>();
		for (Sold lot : sold(from, to, regions, regions)) {
			flows.merge(lot.day() + lot.buyerRegion() + lot.sellerRegion(),
					new RegionFlow(lot.day(), lot.buyerRegion(), lot.sellerRegion(), 1, lot.hammer()),
					(a, b) -> new RegionFlow(a.day(), a.servedRegion(), a.servingRegion(), a.count() + 1,
							a.value().plus(b.value())));
		}
		return new ArrayList<>(flows.values());
	}

	/**
	 * The lots sold from {@code from} to {@code to}, both included, whose buyer lies in one of {@code served} and
	 * whose seller in one of {@code serving} (any region when empty), newest first, {@code limit} from
	 * {@code offset}: the lot's session and number, its title, the parties' names, the hammer price and a link to
	 * the lot's page.
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> rows(LocalDate from, LocalDate to, Collection<String> served, Collection<String> serving,
			int offset, int limit) {
		return sold(from, to, served, serving).stream()
			.skip(Math.max(0, offset))
			.limit(Math.max(0, limit))
			.map(lot -> new FlowItem(lot.reference(), lot.title(), lot.day(), lot.buyerRegion(), lot.buyerName(),
					lot.sellerRegion(), lot.sellerName(), lot.hammer(), "/auctions/lots/" + lot.id()))
			.toList();
	}

	private record Sold(UUID id, String reference, String title, LocalDate day, String buyerRegion, String buyerName,
			String sellerRegion, String sellerName, Money hammer) {
	}

	/** Sold lots of the period, newest first, with the buyer's and seller's names and regions. */
	private List<Sold> sold(LocalDate from, LocalDate to, Collection<String> served, Collection<String> serving) {
		RegionFlow.requireSpan(from, to);
		record Lot(UUID id, String session, int no, String title, Instant closedAt, UUID buyer, UUID seller,
				String sellerRegion, long hammer) {
		}
		List<Lot> lots = jdbc.sql("""
				select l.id, s.title, l.lot_no, l.title, l.closed_at, l.leader_org_id, l.seller_org_id, l.seller_region,
				       l.hammer_fen
				from trading.lot l join trading.auction_session s on s.id = l.session_id
				where l.state = 'SOLD' and l.closed_at >= :from and l.closed_at < :to
				  and l.seller_region like any(:serving)
				order by l.closed_at desc, l.id""")
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("serving", SqlArrays.texts(RegionFlow.likePatterns(serving)))
			.query((rs, n) -> new Lot(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class),
					rs.getString(8), rs.getLong(9)))
			.list();
		Map<UUID, Optional<OrganisationView>> known = new HashMap<>();
		List<Sold> sold = new ArrayList<>();
		for (Lot lot : lots) {
			Optional<OrganisationView> buyer = known.computeIfAbsent(lot.buyer(), organisations::find);
			if (buyer.isEmpty() || !served.isEmpty()
					&& served.stream().noneMatch(region -> RegionCodes.isWithin(buyer.get().regionCode(), region))) {
				continue;
			}
			String seller = known.computeIfAbsent(lot.seller(), organisations::find).map(OrganisationView::name)
				.orElse(lot.seller().toString());
			sold.add(new Sold(lot.id(), lot.session() + " #" + lot.no(), lot.title(),
					LocalDate.ofInstant(lot.closedAt(), ChinaTime.ZONE), buyer.get().regionCode(), buyer.get().name(),
					lot.sellerRegion(), seller, new Money(lot.hammer())));
		}
		return sold;
	}
}
