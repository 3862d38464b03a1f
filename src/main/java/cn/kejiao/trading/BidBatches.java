package cn.kejiao.trading;

import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.database.GroupCommit;
import cn.kejiao.platform.database.SqlArrays;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the bids that arrived together in one transaction ({@link GroupCommit}): the lots they are for are
 * locked ({@code FOR UPDATE}, in the order of their ids, so two nodes' batches never deadlock), then the bids are
 * applied one after the other in the order they arrived, each checked and decided by {@link AuctionRules} against
 * the lot as the bids before it left it; the accepted bids and their price steps are written in one round trip
 * each, every lot once, and each new lead is announced ({@code pg_notify}, delivered at the commit). PostgreSQL
 * still serialises every lot across nodes: a batch holds the lot's row lock from its read to its commit. A bid is
 * refused before anything is written for it, so a refusal never undoes another bid.
 */
@Component
class BidBatches {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Organisations organisations;
	private final LotWatchers watchers;
	private final ApplicationEventPublisher events;
	private final LotPrices prices;
	private final Clock clock;

	BidBatches(JdbcClient jdbc, JdbcTemplate template, Organisations organisations, LotWatchers watchers,
			ApplicationEventPublisher events, LotPrices prices, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.organisations = organisations;
		this.watchers = watchers;
		this.events = events;
		this.prices = prices;
		this.clock = clock;
	}

	/** A bid on its way: who, on which lot, an amount or a maximum. */
	record Job(UUID lotId, UUID orgId, UUID userId, AuctionRules.Kind kind, long fen) {
	}

	List<GroupCommit.Result<Bidding.BidResult>> take(List<Job> jobs) {
		Instant now = clock.instant();
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		java.util.Set<UUID> verified = organisations.verifiedAmong(jobs.stream().map(Job::orgId).distinct().toList());
		Map<String, Registration> registrations = registrations(jobs);
		Map<UUID, Lot> lots = lock(jobs);
		List<GroupCommit.Result<Bidding.BidResult>> results = new ArrayList<>(jobs.size());
		List<Object[]> bids = new ArrayList<>();
		List<Object[]> steps = new ArrayList<>();
		List<LotChange> changes = new ArrayList<>();
		List<BidOutbid> outbid = new ArrayList<>();
		for (Job job : jobs) {
			try {
				results.add(GroupCommit.Result.of(apply(job, verified.contains(job.orgId()), lots.get(job.lotId()),
						registrations.get(job.lotId() + "/" + job.orgId()), now, at, bids, steps, changes, outbid)));
			}
			catch (KejiaoException refused) {
				results.add(GroupCommit.Result.refused(refused));
			}
		}
		if (!bids.isEmpty()) {
			template.batchUpdate("""
					insert into trading.bid (lot_id, seq, org_id, user_id, kind, amount_fen, placed_at)
					values (?, ?, ?, ?, ?, ?, ?)""", bids,
					new int[] { Types.OTHER, Types.INTEGER, Types.OTHER, Types.OTHER, Types.VARCHAR, Types.BIGINT,
						Types.TIMESTAMP_WITH_TIMEZONE });
		}
		if (!steps.isEmpty()) {
			template.batchUpdate("""
					insert into trading.price_step (lot_id, seq, org_id, amount_fen, auto, bid_seq, at)
					values (?, ?, ?, ?, ?, ?, ?)""", steps,
					new int[] { Types.OTHER, Types.INTEGER, Types.OTHER, Types.BIGINT, Types.BOOLEAN, Types.INTEGER,
						Types.TIMESTAMP_WITH_TIMEZONE });
		}
		List<Object[]> updates = lots.values().stream().filter(Lot::changed).map(Lot::update).toList();
		if (!updates.isEmpty()) {
			template.batchUpdate("""
					update trading.lot set leading_fen = ?, leader_org_id = ?, leader_max_fen = ?, leader_no = ?,
					    step_count = ?, bid_count = ?, closes_at = ? where id = ?""", updates,
					new int[] { Types.BIGINT, Types.OTHER, Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.INTEGER,
						Types.TIMESTAMP_WITH_TIMEZONE, Types.OTHER });
		}
		watchers.announce(changes);
		outbid.forEach(events::publishEvent);
		return results;
	}

	private Bidding.BidResult apply(Job job, boolean isVerified, @Nullable Lot lot,
			@Nullable Registration registration, Instant now, OffsetDateTime at, List<Object[]> bids, List<Object[]> steps,
			List<LotChange> changes, List<BidOutbid> outbid) {
		if (!isVerified) {
			throw KejiaoException.conflict("auction.unverified");
		}
		if (lot == null) {
			throw KejiaoException.notFound("auction.lot-not-found");
		}
		if (lot.sellerOrgId.equals(job.orgId())) {
			throw KejiaoException.conflict("auction.own-lot");
		}
		if (!lot.state.equals("OPEN") || !now.isBefore(lot.closesAt)) {
			throw KejiaoException.conflict("auction.closed").with("closedAt", lot.closesAt);
		}
		if (now.isBefore(lot.startsAt)) {
			throw KejiaoException.conflict("auction.not-started").with("startsAt", lot.startsAt);
		}
		if (registration == null) {
			throw KejiaoException.conflict("auction.not-registered");
		}
		if (lot.depositFen > 0 && (registration.depositFen() == null || registration.depositFen() < lot.depositFen)) {
			throw KejiaoException.conflict("auction.no-deposit", Money.display(lot.depositFen))
				.with("deposit", Money.yuan(lot.depositFen));
		}
		prices.mayBid(job.lotId(), job.orgId());
		AuctionRules.Outcome outcome = AuctionRules.apply(lot.prices, new AuctionRules.Bid(job.orgId(), job.kind(),
				job.fen()));
		if (outcome.refusal() != null) {
			throw KejiaoException.conflict(outcome.refusal().code(), Money.display(outcome.minimumFen()))
				.with("minimum", Money.yuan(outcome.minimumFen()));
		}
		int bidSeq = ++lot.bidCount;
		bids.add(new Object[] { job.lotId(), bidSeq, job.orgId(), job.userId(), job.kind().name(), job.fen(), at });
		for (AuctionRules.Step step : outcome.steps()) {
			steps.add(new Object[] { job.lotId(), ++lot.stepCount, step.bidder(), step.fen(), step.auto(), bidSeq, at });
		}
		AuctionRules.Prices after = outcome.after();
		UUID formerLeader = lot.prices.leader();
		boolean newLeader = !after.leader().equals(formerLeader);
		if (newLeader) {
			lot.leaderNo = registration.pseudonymNo();
		}
		lot.prices = after;
		lot.changed = true;
		if (!outcome.steps().isEmpty()) {
			lot.closesAt = AuctionRules.closeAfterBid(lot.closesAt, now, lot.extendWindow, lot.extendBy);
			changes.add(new LotChange(job.lotId(), "bid", lot.stepCount, Money.yuan(after.leadingFen()),
					Pseudonyms.letters(lot.leaderNo), lot.closesAt, now));
		}
		if (newLeader && formerLeader != null) {
			outbid.add(new BidOutbid(job.lotId(), lot.title, formerLeader, new Money(after.leadingFen()), lot.closesAt,
					now));
		}
		boolean youLead = after.leader().equals(job.orgId());
		return new Bidding.BidResult(job.lotId(), bidSeq, new Money(after.leadingFen()),
				Pseudonyms.letters(lot.leaderNo), youLead, lot.stepCount, new Money(after.minimumFen()), lot.closesAt,
				youLead ? new Money(after.leaderMaxFen()) : null, now);
	}

	private Map<String, Registration> registrations(List<Job> jobs) {
		List<UUID> lots = jobs.stream().map(Job::lotId).toList();
		List<UUID> orgs = jobs.stream().map(Job::orgId).toList();
		Map<String, Registration> found = new HashMap<>();
		jdbc.sql("""
				select lot_id, org_id, pseudonym_no, deposit_fen from trading.registration
				where lot_id = any(:lots) and org_id = any(:orgs)""")
			.param("lots", SqlArrays.uuids(lots)).param("orgs", SqlArrays.uuids(orgs))
			.query((RowCallbackHandler) rs -> found.put(rs.getObject(1, UUID.class) + "/" + rs.getObject(2, UUID.class),
					new Registration(rs.getInt(3), (Long) rs.getObject(4))));
		return found;
	}

	/** Locks the lots of the batch, in the order of their ids. */
	private Map<UUID, Lot> lock(List<Job> jobs) {
		List<UUID> ids = jobs.stream().map(Job::lotId).toList();
		Map<UUID, Lot> lots = new TreeMap<>();
		jdbc.sql("""
				select id, seller_org_id, state, starts_at, closes_at, extend_window_s, extend_by_s, starting_fen,
				       increment_fen, leading_fen, leader_org_id, leader_max_fen, leader_no, step_count, bid_count,
				       deposit_fen, title
				from trading.lot where id = any(:ids) order by id for update""")
			.param("ids", SqlArrays.uuids(ids))
			.query((RowCallbackHandler) rs -> {
				Lot lot = new Lot();
				lot.id = rs.getObject(1, UUID.class);
				lot.sellerOrgId = rs.getObject(2, UUID.class);
				lot.state = rs.getString(3);
				lot.startsAt = rs.getTimestamp(4).toInstant();
				lot.closesAt = rs.getTimestamp(5).toInstant();
				lot.extendWindow = Duration.ofSeconds(rs.getInt(6));
				lot.extendBy = Duration.ofSeconds(rs.getInt(7));
				lot.prices = new AuctionRules.Prices(rs.getLong(8), rs.getLong(9), (Long) rs.getObject(10),
						rs.getObject(11, UUID.class), (Long) rs.getObject(12));
				lot.leaderNo = rs.getInt(13);
				lot.stepCount = rs.getInt(14);
				lot.bidCount = rs.getInt(15);
				lot.depositFen = rs.getLong(16);
				prices.increment(lot.id, lot.prices.incrementFen());
				lot.title = rs.getString(17);
				lots.put(lot.id, lot);
			});
		return lots;
	}

	private record Registration(int pseudonymNo, @Nullable Long depositFen) {
	}

	/** A locked lot as the bids of the batch leave it. */
	private static final class Lot {

		UUID id;
		UUID sellerOrgId;
		String state;
		Instant startsAt;
		Instant closesAt;
		Duration extendWindow;
		Duration extendBy;
		AuctionRules.Prices prices;
		int leaderNo;
		int stepCount;
		int bidCount;
		long depositFen;
		String title;
		boolean changed;

		boolean changed() {
			return changed;
		}

		Object[] update() {
			return new Object[] { prices.leadingFen(), prices.leader(), prices.leaderMaxFen(), leaderNo, stepCount,
				bidCount, closesAt.atOffset(ZoneOffset.UTC), id };
		}
	}
}
