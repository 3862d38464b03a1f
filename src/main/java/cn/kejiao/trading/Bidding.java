package cn.kejiao.trading;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.database.GroupCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Places bids. A bid is checked against the lot's registration, deposit, times and {@link AuctionRules} under the
 * lot's row lock ({@code FOR UPDATE}), so the bids of one lot are applied one after the other in the order
 * PostgreSQL grants the lock, on any number of application nodes; the bids that arrive on one node together share
 * that lock and one commit ({@link BidBatches}). The caller hears of its bid only once it is committed. The
 * server's clock decides whether the lot is open, and a bid in the last minutes moves the close. A bid below a
 * price this node already saw committed is refused at once ({@link LotPrices}).
 */
@Service
public class Bidding {

	private final GroupCommit<BidBatches.Job, BidResult> commits;
	private final LotPrices prices;
	private final Clock clock;

	Bidding(GroupCommit<BidBatches.Job, BidResult> commits, LotPrices prices, Clock clock) {
		this.commits = commits;
		this.prices = prices;
		this.clock = clock;
	}

	/** A bid of exactly {@code amount}, or a proxy {@code maxAmount} (exactly one of the two). */
	public record BidRequest(@Nullable Money amount, @Nullable Money maxAmount) {
	}

	/**
	 * The lot after an accepted bid, as the bidder sees it: {@code yourMaximum} is the bidder's own proxy maximum
	 * when it leads; {@code at} is the server's instant of acceptance.
	 */
	public record BidResult(UUID lotId, int bidSeq, Money leadingAmount, String leader, boolean youLead, int bidCount,
			Money minimumBid, Instant closesAt, @Nullable Money yourMaximum, Instant at) {
	}

	public BidResult bid(Actor actor, UUID lotId, BidRequest request) {
		if ((request.amount() == null) == (request.maxAmount() == null)) {
			throw KejiaoException.invalid("auction.bid-kind");
		}
		if (actor.organisationId() == null) {
			throw KejiaoException.conflict("auction.not-registered");
		}
		AuctionRules.Kind kind = request.amount() != null ? AuctionRules.Kind.AMOUNT : AuctionRules.Kind.MAX;
		Money amount = request.amount() != null ? request.amount() : request.maxAmount();
		Long shortOf = prices.shortOf(lotId, actor.organisationId(), kind, amount.fen(), clock.instant());
		if (shortOf != null) {
			throw KejiaoException.conflict(AuctionRules.Refusal.TOO_LOW.code(), Money.display(shortOf))
				.with("minimum", Money.yuan(shortOf));
		}
		return commits.submit(new BidBatches.Job(lotId, actor.organisationId(), actor.userId(), kind, amount.fen()));
	}
}
