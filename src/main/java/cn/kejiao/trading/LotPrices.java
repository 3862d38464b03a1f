package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What this node knows of each lot's price from the changes PostgreSQL delivered after their commit: prices only
 * rise, so a bid below the minimum it knows is below the true one on every node, and is refused here without a
 * trip to the database — once this node has seen the bidder may bid on the lot (registered, deposit recorded),
 * so that a bidder who may not bid still hears its own reason. Anything this node cannot decide so goes to
 * {@link BidBatches}, which decides under the lot's lock.
 */
@Component
class LotPrices {

	private record Known(long leadingFen, long incrementFen, Instant closesAt) {
	}

	private final Map<UUID, Long> increments = new ConcurrentHashMap<>();
	private final Map<UUID, Known> known = new ConcurrentHashMap<>();
	private final Set<String> mayBid = ConcurrentHashMap.newKeySet();

	LotPrices(LotWatchers watchers) {
		watchers.onEveryChange(this::committed);
	}

	/** The lot's increment, read under its lock (it never changes). */
	void increment(UUID lotId, long incrementFen) {
		increments.putIfAbsent(lotId, incrementFen);
	}

	/** The bidder passed the registration and deposit checks on the lot. */
	void mayBid(UUID lotId, UUID orgId) {
		mayBid.add(lotId + "/" + orgId);
	}

	/**
	 * The minimum this node knows the bid falls short of, or null when it cannot tell: the lot's price unknown
	 * here, the bidder not yet seen to be allowed, the close reached, or a proxy maximum the leader might be raising.
	 */
	@Nullable Long shortOf(UUID lotId, UUID orgId, AuctionRules.Kind kind, long fen, Instant now) {
		Known lot = known.get(lotId);
		if (lot == null || !now.isBefore(lot.closesAt()) || !mayBid.contains(lotId + "/" + orgId)) {
			return null;
		}
		long minimum = lot.leadingFen() + lot.incrementFen();
		boolean tooLow = kind == AuctionRules.Kind.AMOUNT ? fen < minimum : fen <= lot.leadingFen();
		return tooLow ? minimum : null;
	}

	private void committed(LotChange change) {
		if (!change.kind().equals("bid") || change.leadingAmount() == null) {
			if (change.kind().equals("closed")) {
				known.remove(change.lotId());
				increments.remove(change.lotId());
				mayBid.removeIf(key -> key.startsWith(change.lotId() + "/"));
			}
			return;
		}
		Long increment = increments.get(change.lotId());
		if (increment == null) {
			return;
		}
		long leading = Money.ofYuan(change.leadingAmount(), "leadingAmount").fen();
		known.merge(change.lotId(), new Known(leading, increment, change.closesAt()),
				(old, now) -> now.leadingFen() > old.leadingFen() ? now : old);
	}
}
