package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kejiao.trading.AuctionRules.Bid;
import cn.kejiao.trading.AuctionRules.Kind;
import cn.kejiao.trading.AuctionRules.Outcome;
import cn.kejiao.trading.AuctionRules.Prices;
import cn.kejiao.trading.AuctionRules.Refusal;
import cn.kejiao.trading.AuctionRules.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The auction's rules on worked examples, in yuan (×100 fen): starting price 10,000, increment 1,000.
 */
class AuctionRulesTests {

	static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
	static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
	static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

	static final Prices OPENING = Prices.opening(yuan(10_000), yuan(1_000));

	static long yuan(long yuan) {
		return yuan * 100;
	}

	static Outcome bid(Prices lot, UUID bidder, Kind kind, long yuanAmount) {
		return AuctionRules.apply(lot, new Bid(bidder, kind, yuan(yuanAmount)));
	}

	@Test
	void theFirstBidIsAtLeastTheStartingPriceAndAProxyOpensAtIt() {
		assertThat(bid(OPENING, A, Kind.AMOUNT, 9_999).refusal()).isEqualTo(Refusal.TOO_LOW);
		assertThat(bid(OPENING, A, Kind.AMOUNT, 9_999).minimumFen()).isEqualTo(yuan(10_000));

		Outcome straight = bid(OPENING, A, Kind.AMOUNT, 12_000);
		assertThat(straight.steps()).containsExactly(new Step(A, yuan(12_000), false));
		assertThat(straight.after().leadingFen()).isEqualTo(yuan(12_000));

		Outcome proxy = bid(OPENING, A, Kind.MAX, 50_000);
		assertThat(proxy.steps()).containsExactly(new Step(A, yuan(10_000), false));
		assertThat(proxy.after().leader()).isEqualTo(A);
		assertThat(proxy.after().leaderMaxFen()).isEqualTo(yuan(50_000));
		assertThat(proxy.minimumFen()).isEqualTo(yuan(11_000));
	}

	@Test
	void aLowerBidAgainstAProxyIsAnsweredAtOnceOneIncrementAbove() {
		Prices aLeads = bid(OPENING, A, Kind.MAX, 50_000).after();

		Outcome b = bid(aLeads, B, Kind.AMOUNT, 20_000);

		assertThat(b.steps()).containsExactly(new Step(B, yuan(20_000), false), new Step(A, yuan(21_000), true));
		assertThat(b.after().leader()).isEqualTo(A);
		assertThat(b.after().leadingFen()).isEqualTo(yuan(21_000));
	}

	@Test
	void theProxyAnswersNoHigherThanItsMaximum() {
		Prices aLeads = bid(OPENING, A, Kind.MAX, 20_500).after();

		Outcome b = bid(aLeads, B, Kind.AMOUNT, 20_000);

		assertThat(b.steps()).containsExactly(new Step(B, yuan(20_000), false), new Step(A, yuan(20_500), true));
	}

	@Test
	void aHigherBidTakesTheLeadAfterTheProxyIsSpentToItsMaximum() {
		Prices aLeads = bid(OPENING, A, Kind.MAX, 30_000).after();

		Outcome straight = bid(aLeads, B, Kind.AMOUNT, 35_000);
		assertThat(straight.steps()).containsExactly(new Step(A, yuan(30_000), true), new Step(B, yuan(35_000), false));
		assertThat(straight.after().leader()).isEqualTo(B);

		Outcome proxy = bid(aLeads, B, Kind.MAX, 80_000);
		assertThat(proxy.steps()).containsExactly(new Step(A, yuan(30_000), true), new Step(B, yuan(31_000), false));
		assertThat(proxy.after().leaderMaxFen()).isEqualTo(yuan(80_000));
	}

	@Test
	void twoProxiesRacingEndOneIncrementAboveTheLowerMaximum() {
		Prices lot = bid(OPENING, A, Kind.MAX, 40_000).after();
		lot = bid(lot, B, Kind.MAX, 60_000).after();
		Outcome c = bid(lot, C, Kind.MAX, 55_000);

		assertThat(lot.leader()).isEqualTo(B);
		assertThat(lot.leadingFen()).isEqualTo(yuan(41_000));
		assertThat(c.steps()).containsExactly(new Step(C, yuan(55_000), false), new Step(B, yuan(56_000), true));
		assertThat(c.after().leader()).isEqualTo(B);
	}

	@Test
	void onATieTheEarlierBidWins() {
		Prices aLeads = bid(OPENING, A, Kind.MAX, 30_000).after();

		Outcome sameMaximum = bid(aLeads, B, Kind.MAX, 30_000);
		assertThat(sameMaximum.after().leader()).isEqualTo(A);
		assertThat(sameMaximum.after().leadingFen()).isEqualTo(yuan(30_000));
		assertThat(sameMaximum.steps()).containsExactly(new Step(A, yuan(30_000), true));

		Outcome sameAmount = bid(aLeads, B, Kind.AMOUNT, 30_000);
		assertThat(sameAmount.after().leader()).isEqualTo(A);
		assertThat(sameAmount.steps()).containsExactly(new Step(A, yuan(30_000), true));
	}

	@Test
	void theLeaderRaisesOnlyItsMaximumAndMayNotBidAgainstItself() {
		Prices aLeads = bid(OPENING, A, Kind.MAX, 30_000).after();

		assertThat(bid(aLeads, A, Kind.AMOUNT, 40_000).refusal()).isEqualTo(Refusal.LEADING);
		assertThat(bid(aLeads, A, Kind.MAX, 30_000).refusal()).isEqualTo(Refusal.MAX_NOT_HIGHER);
		Outcome raised = bid(aLeads, A, Kind.MAX, 45_000);
		assertThat(raised.steps()).isEmpty();
		assertThat(raised.after().leadingFen()).isEqualTo(yuan(10_000));
		assertThat(raised.after().leaderMaxFen()).isEqualTo(yuan(45_000));
	}

	@Test
	void aBidBelowTheNextIncrementIsRefusedWithTheMinimum() {
		Prices lot = bid(OPENING, A, Kind.AMOUNT, 12_000).after();

		Outcome low = bid(lot, B, Kind.AMOUNT, 12_999);

		assertThat(low.refusal()).isEqualTo(Refusal.TOO_LOW);
		assertThat(low.minimumFen()).isEqualTo(yuan(13_000));
		assertThat(low.after()).isEqualTo(lot);
	}

	@Test
	void aBidInTheLastMinutesPushesTheCloseBack() {
		Instant close = Instant.parse("2026-12-10T07:00:00Z");
		Duration five = Duration.ofMinutes(5);

		assertThat(AuctionRules.closeAfterBid(close, close.minusSeconds(600), five, five)).isEqualTo(close);
		assertThat(AuctionRules.closeAfterBid(close, close.minusSeconds(60), five, five))
			.isEqualTo(close.plusSeconds(240));
		assertThat(AuctionRules.closeAfterBid(close, close.minusSeconds(300), five, five)).isEqualTo(close);
		assertThat(AuctionRules.closeAfterBid(close, close.minusSeconds(1), Duration.ZERO, five)).isEqualTo(close);
	}

	@Test
	void theReserveDecidesTheSaleAndAProxyThatReachesItBuysAtTheReserve() {
		Prices lot = bid(OPENING, A, Kind.MAX, 30_000).after();

		assertThat(AuctionRules.hammerFen(OPENING, null)).isNull();
		assertThat(AuctionRules.hammerFen(lot, null)).isEqualTo(yuan(10_000));
		assertThat(AuctionRules.hammerFen(lot, yuan(25_000))).isEqualTo(yuan(25_000));
		assertThat(AuctionRules.hammerFen(lot, yuan(30_001))).isNull();
		Prices straight = bid(OPENING, A, Kind.AMOUNT, 15_000).after();
		assertThat(AuctionRules.hammerFen(straight, yuan(15_000))).isEqualTo(yuan(15_000));
	}

	@Test
	void commissionsAreRoundedHalfUpToTheFen() {
		assertThat(AuctionRules.commissionFen(yuan(123_456), 500)).isEqualTo(617_280);
		assertThat(AuctionRules.commissionFen(3, 5_000)).isEqualTo(2);
		assertThat(AuctionRules.commissionFen(yuan(100), 0)).isZero();
	}

	@Test
	void pseudonymsRunFromAToZThenAA() {
		assertThat(Pseudonyms.letters(1)).isEqualTo("A");
		assertThat(Pseudonyms.letters(26)).isEqualTo("Z");
		assertThat(Pseudonyms.letters(27)).isEqualTo("AA");
		assertThat(Pseudonyms.letters(100)).isEqualTo("CV");
	}
}
