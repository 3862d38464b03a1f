package cn.kejiao.trading;

import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places bids. One transaction per bid: the bidder's registration and deposit are checked, then the lot's row is
 * locked ({@code FOR UPDATE}), so the bids of one lot are applied one after the other in the order PostgreSQL
 * grants the lock, on any number of application nodes; {@link AuctionRules} decides; the bid, its price steps
 * and the lot's new prices are written, and the change is announced to every node's watchers with
 * {@code pg_notify}, which PostgreSQL delivers only when the transaction commits. The server's clock decides
 * whether the lot is open.
 */
@Service
public class Bidding {

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final LotWatchers watchers;
	private final Clock clock;

	Bidding(JdbcClient jdbc, Organisations organisations, LotWatchers watchers, Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.watchers = watchers;
		this.clock = clock;
	}

	/** A bid of exactly {@code amount}, or a proxy {@code maxAmount} (exactly one of the two). */
	public record BidRequest(@Nullable Money amount, @Nullable Money maxAmount) {
	}

	/** The lot after an accepted bid, as the bidder sees it. */
	public record BidResult(UUID lotId, int bidSeq, Money leadingAmount, String leader, boolean youLead, int bidCount,
			Money minimumBid, Instant closesAt, @Nullable Money yourMaximum, Instant at) {
	}

	@Transactional
	public BidResult bid(Actor actor, UUID lotId, BidRequest request) {
		if ((request.amount() == null) == (request.maxAmount() == null)) {
			throw KejiaoException.invalid("auction.bid-kind");
		}
		UUID org = actor.organisationId();
		if (org == null) {
			throw KejiaoException.forbidden("auction.not-registered");
		}
		Instant now = clock.instant();
		Registration registration = jdbc.sql("""
				select r.pseudonym_no, r.deposit_fen, l.deposit_fen as required from trading.registration r
				join trading.lot l on l.id = r.lot_id where r.lot_id = :lot and r.org_id = :org""")
			.param("lot", lotId).param("org", org)
			.query((rs, n) -> new Registration(rs.getInt(1), (Long) rs.getObject(2), rs.getLong(3))).optional()
			.orElse(null);
		if (!organisations.find(org).map(o -> o.isVerified()).orElse(false)) {
			throw KejiaoException.conflict("auction.unverified");
		}
		LotRow lot = jdbc.sql("""
				select seller_org_id, state, starts_at, closes_at, extend_window_s, extend_by_s, starting_fen,
				       increment_fen, leading_fen, leader_org_id, leader_max_fen, leader_no, step_count, bid_count
				from trading.lot where id = :lot for update""").param("lot", lotId).query(LotRow::read).optional()
			.orElseThrow(() -> KejiaoException.notFound("auction.lot-not-found"));
		if (lot.sellerOrgId().equals(org)) {
			throw KejiaoException.conflict("auction.own-lot");
		}
		if (!lot.state().equals("OPEN") || !now.isBefore(lot.closesAt())) {
			throw KejiaoException.conflict("auction.closed").with("closedAt", lot.closesAt());
		}
		if (now.isBefore(lot.startsAt())) {
			throw KejiaoException.conflict("auction.not-started").with("startsAt", lot.startsAt());
		}
		if (registration == null) {
			throw KejiaoException.conflict("auction.not-registered");
		}
		if (registration.required() > 0
				&& (registration.depositFen() == null || registration.depositFen() < registration.required())) {
			throw KejiaoException.conflict("auction.no-deposit", Money.display(registration.required())).with("deposit", Money.yuan(registration.required()));
		}
		AuctionRules.Kind kind = request.amount() != null ? AuctionRules.Kind.AMOUNT : AuctionRules.Kind.MAX;
		long fen = (request.amount() != null ? request.amount() : request.maxAmount()).fen();
		AuctionRules.Outcome outcome = AuctionRules.apply(lot.prices(), new AuctionRules.Bid(org, kind, fen));
		if (outcome.refusal() != null) {
			throw KejiaoException.conflict(outcome.refusal().code(), Money.display(outcome.minimumFen()))
				.with("minimum", Money.yuan(outcome.minimumFen()));
		}
		return record(actor, lotId, lot, registration, kind, fen, outcome, now);
	}

	private BidResult record(Actor actor, UUID lotId, LotRow lot, Registration registration, AuctionRules.Kind kind,
			long fen, AuctionRules.Outcome outcome, Instant now) {
		UUID org = actor.organisationId();
		int bidSeq = lot.bidCount() + 1;
		Timestamp at = Timestamp.from(now);
		jdbc.sql("""
				insert into trading.bid (lot_id, seq, org_id, user_id, kind, amount_fen, placed_at)
				values (:lot, :seq, :org, :user, :kind, :fen, :at)""")
			.param("lot", lotId).param("seq", bidSeq).param("org", org).param("user", actor.userId())
			.param("kind", kind.name()).param("fen", fen).param("at", at).update();
		List<AuctionRules.Step> steps = outcome.steps();
		for (int i = 0; i < steps.size(); i++) {
			AuctionRules.Step step = steps.get(i);
			jdbc.sql("""
					insert into trading.price_step (lot_id, seq, org_id, amount_fen, auto, bid_seq, at)
					values (:lot, :seq, :org, :fen, :auto, :bid, :at)""")
				.param("lot", lotId).param("seq", lot.stepCount() + i + 1).param("org", step.bidder())
				.param("fen", step.fen()).param("auto", step.auto()).param("bid", bidSeq).param("at", at).update();
		}
		AuctionRules.Prices after = outcome.after();
		boolean newLeader = !after.leader().equals(lot.leaderOrgId());
		int leaderNo = newLeader ? registration.pseudonymNo() : lot.leaderNo();
		Instant closesAt = steps.isEmpty() ? lot.closesAt()
				: AuctionRules.closeAfterBid(lot.closesAt(), now, Duration.ofSeconds(lot.extendWindowS()),
						Duration.ofSeconds(lot.extendByS()));
		int stepCount = lot.stepCount() + steps.size();
		jdbc.sql("""
				update trading.lot set leading_fen = :leading, leader_org_id = :leader, leader_max_fen = :max,
				    leader_no = :no, step_count = :steps, bid_count = :bids, closes_at = :closes where id = :lot""")
			.param("leading", after.leadingFen()).param("leader", after.leader()).param("max", after.leaderMaxFen())
			.param("no", leaderNo).param("steps", stepCount).param("bids", bidSeq)
			.param("closes", Timestamp.from(closesAt)).param("lot", lotId).update();
		if (!steps.isEmpty()) {
			watchers.announce(new LotChange(lotId, "bid", stepCount, Money.yuan(after.leadingFen()),
					Pseudonyms.letters(leaderNo), closesAt, now));
		}
		boolean youLead = after.leader().equals(org);
		return new BidResult(lotId, bidSeq, new Money(after.leadingFen()), Pseudonyms.letters(leaderNo), youLead,
				stepCount, new Money(after.minimumFen()), closesAt, youLead ? new Money(after.leaderMaxFen()) : null,
				now);
	}

	private record Registration(int pseudonymNo, @Nullable Long depositFen, long required) {
	}

	record LotRow(UUID sellerOrgId, String state, Instant startsAt, Instant closesAt, int extendWindowS,
			int extendByS, long startingFen, long incrementFen, @Nullable Long leadingFen, @Nullable UUID leaderOrgId,
			@Nullable Long leaderMaxFen, int leaderNo, int stepCount, int bidCount) {

		static LotRow read(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
			return new LotRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getLong(8),
					(Long) rs.getObject(9), rs.getObject(10, UUID.class), (Long) rs.getObject(11), rs.getInt(12),
					rs.getInt(13), rs.getInt(14));
		}

		AuctionRules.Prices prices() {
			return new AuctionRules.Prices(startingFen, incrementFen, leadingFen, leaderOrgId, leaderMaxFen);
		}
	}
}
