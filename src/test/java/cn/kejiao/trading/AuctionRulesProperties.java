package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kejiao.trading.AuctionRules.Bid;
import cn.kejiao.trading.AuctionRules.Kind;
import cn.kejiao.trading.AuctionRules.Outcome;
import cn.kejiao.trading.AuctionRules.Prices;
import cn.kejiao.trading.AuctionRules.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bids arrive, in whatever order: the price only rises, the leader's maximum covers the leading amount,
 * a refused bid changes nothing, the leader is the bidder with the highest maximum (the earliest of equals), and
 * nobody pays more than one increment above the best rival maximum.
 */
class AuctionRulesProperties {

	static final List<UUID> BIDDERS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
			UUID.randomUUID());

	@Provide
	Arbitrary<List<Bid>> bids() {
		Arbitrary<Bid> bid = Combinators.combine(Arbitraries.of(BIDDERS), Arbitraries.of(Kind.values()),
				Arbitraries.longs().between(90, 400)).as((bidder, kind, hundreds) -> new Bid(bidder, kind, hundreds * 10_000));
		return bid.list().ofMaxSize(40);
	}

	@Property(tries = 500)
	void pricesOnlyRiseAndTheHighestMaximumLeads(@ForAll("bids") List<Bid> bids) {
		Prices lot = Prices.opening(1_000_000, 100_000);
		long last = 0;
		Map<UUID, Long> maxima = new HashMap<>();
		for (Bid bid : bids) {
			Outcome outcome = AuctionRules.apply(lot, bid);
			if (!outcome.accepted()) {
				assertThat(outcome.after()).isEqualTo(lot);
				continue;
			}
			for (Step step : outcome.steps()) {
				assertThat(step.fen()).isGreaterThan(last);
				last = step.fen();
			}
			maxima.merge(bid.bidder(), bid.fen(), Math::max);
			lot = outcome.after();
			assertThat(lot.leaderMaxFen()).isGreaterThanOrEqualTo(lot.leadingFen());
			assertThat(lot.leadingFen()).isEqualTo(last);
			long best = maxima.values().stream().mapToLong(Long::longValue).max().orElseThrow();
			assertThat(maxima.get(lot.leader())).isEqualTo(best);
			assertThat(lot.leaderMaxFen()).isEqualTo(best);
			UUID leader = lot.leader();
			long rival = maxima.entrySet().stream().filter(e -> !e.getKey().equals(leader))
				.mapToLong(Map.Entry::getValue).max().orElse(0);
			assertThat(lot.leadingFen()).isLessThanOrEqualTo(Math.max(Math.max(rival + 100_000, 1_000_000),
					straightBidOf(bids, leader, lot.leadingFen())));
		}
	}

	/** A straight bid sets the price itself, whatever the rivals' maxima. */
	private static long straightBidOf(List<Bid> bids, UUID leader, long leading) {
		return bids.stream().anyMatch(b -> b.bidder().equals(leader) && b.kind() == Kind.AMOUNT && b.fen() == leading)
				? leading : 0;
	}
}
