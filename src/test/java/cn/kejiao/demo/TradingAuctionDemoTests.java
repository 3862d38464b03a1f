package cn.kejiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kejiao.platform.Actors;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import cn.kejiao.trading.AuctionBidders;
import cn.kejiao.trading.AuctionQueries;
import cn.kejiao.trading.LotView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo auctions as a visitor and the demo bidders find them. */
@KejiaoIntegrationTest
class TradingAuctionDemoTests {

	@Autowired
	AuctionQueries queries;

	@Autowired
	AuctionBidders bidders;

	@Autowired
	Personas personas;

	@Autowired
	Clock clock;

	@Test
	void lotsOfShanghaiAndYunnanInEveryStateWithTheDemoBiddersOnTheLiveOnes() {
		AuctionQueries.SessionView live = session(TradingAuctionDemo.LIVE_SESSION);
		List<LotView> lots = queries.lotsOf(live.id(), null);
		List<LotView> open = lots.stream().filter(LotView::live).toList();
		assertThat(open).extracting(LotView::sellerRegion).anyMatch(r -> r.startsWith("31"))
			.anyMatch(r -> r.startsWith("53"));
		assertThat(open).allSatisfy(lot -> {
			assertThat(lot.closesAt()).isAfter(clock.instant().plus(Duration.ofDays(7)));
			assertThat(lot.bidCount()).isPositive();
			assertThat(lot.reservePrice()).isNull();
			for (String bidder : List.of("ent-jd", "ent-ws")) {
				AuctionBidders.MyRegistration mine = personas.as(bidder,
						() -> bidders.mine(Actors.require(), lot.id()).orElseThrow());
				assertThat(mine.mayBid()).as(bidder + " may bid on " + lot.title()).isTrue();
			}
		});
		assertThat(lots).extracting(LotView::state).contains("SCHEDULED");

		AuctionQueries.SessionView past = session(TradingAuctionDemo.PAST_SESSION);
		assertThat(past.published()).isTrue();
		List<LotView> closed = queries.lotsOf(past.id(), null);
		LotView sold = closed.stream().filter(lot -> lot.state().equals("SOLD")).findFirst().orElseThrow();
		assertThat(sold.sellerRegion()).startsWith("53");
		assertThat(sold.result().buyer()).isEqualTo(personas.actor("ent-jd").organisationName());
		assertThat(sold.result().hammer().yuan()).isEqualTo("660000.00");
		assertThat(closed).extracting(LotView::state).contains("UNSOLD");
	}

	private AuctionQueries.SessionView session(String title) {
		return queries.sessions(true).stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
	}
}
