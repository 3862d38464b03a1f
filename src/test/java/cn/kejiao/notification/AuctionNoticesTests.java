package cn.kejiao.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kejiao.platform.Money;
import cn.kejiao.support.EventPublications;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import cn.kejiao.trading.AuctionBidders;
import cn.kejiao.trading.AuctionFixture;
import cn.kejiao.trading.AuctionSessions;
import cn.kejiao.trading.Bidding;
import cn.kejiao.trading.LotClosing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The sides of an auction are told what concerns them: the bidder that lost the lead (once per lot in a few minutes,
 * however often), the winner and the seller of a sold lot, the seller of an unsold one; each notice opens the lot.
 */
@KejiaoIntegrationTest
class AuctionNoticesTests {

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	@Autowired
	Personas personas;

	@Autowired
	AuctionSessions sessions;

	@Autowired
	AuctionBidders bidders;

	@Autowired
	Bidding bidding;

	@Autowired
	LotClosing closing;

	@Autowired
	MutableClock clock;

	@Autowired
	EventPublications events;

	AuctionFixture auctions;

	@BeforeEach
	void fixture() {
		auctions = new AuctionFixture(personas, sessions, bidders, clock);
	}

	@Test
	void anOutbidBidderIsToldOnceInAFewMinutesWithTheNewLeadingAmount() {
		AuctionFixture.Lot lot = auctions.liveLot();
		auctions.registerWithDeposit(lot.lotId(), "ent-ws");
		auctions.registerWithDeposit(lot.lotId(), "ent-jd");
		bid("ent-ws", lot.lotId(), 10_000_000);
		bid("ent-jd", lot.lotId(), 10_500_000);

		JsonNode outbid = await(personas.api("ent-ws"), lot.lotId(), "您已被超越");
		assertThat(outbid.get("title").asString()).contains(lot.title());
		assertThat(outbid.get("body").asString()).contains("¥105,000.00");

		bid("ent-ws", lot.lotId(), 11_000_000);
		await(personas.api("ent-jd"), lot.lotId(), "您已被超越");
		bid("ent-jd", lot.lotId(), 11_500_000);
		events.awaitHandled(TEN_SECONDS, lot.lotId().toString());
		assertThat(notices(personas.api("ent-ws"), lot.lotId())).filteredOn(n -> n.get("title").asString()
			.contains("您已被超越")).hasSize(1);

		clock.advance(Duration.ofMinutes(6));
		bid("ent-ws", lot.lotId(), 12_000_000);
		bid("ent-jd", lot.lotId(), 12_500_000);
		Eventually.await(TEN_SECONDS, () -> notices(personas.api("ent-ws"), lot.lotId()).stream()
			.filter(n -> n.get("title").asString().contains("您已被超越")).count() == 2 ? true : null);
	}

	@Test
	void theWinnerAndTheSellerAreToldOfASaleAndTheSellerOfALotThatDidNotSell() {
		AuctionFixture.Lot sold = auctions.liveLot();
		AuctionFixture.Lot unsold = auctions.liveLot();
		auctions.registerWithDeposit(sold.lotId(), "ent-ws");
		auctions.registerWithDeposit(unsold.lotId(), "ent-ws");
		bid("ent-ws", sold.lotId(), 30_000_000);
		bid("ent-ws", unsold.lotId(), 10_000_000);

		clock.advance(Duration.ofHours(3));
		assertThat(closing.closeDue()).isGreaterThanOrEqualTo(2);

		JsonNode won = await(personas.api("ent-ws"), sold.lotId(), "您已竞得");
		assertThat(won.get("body").asString()).contains("¥300,000.00");
		JsonNode sale = await(personas.api(AuctionFixture.SELLER), sold.lotId(), "已成交");
		assertThat(sale.get("body").asString()).contains("¥300,000.00").contains("买受人");
		JsonNode none = await(personas.api(AuctionFixture.SELLER), unsold.lotId(), "流拍");
		assertThat(none.get("body").asString()).contains("未达保留价");
		assertThat(notices(personas.api("ent-ws"), unsold.lotId())).noneMatch(n -> n.get("title").asString()
			.contains("流拍"));
	}

	private void bid(String username, UUID lotId, long fen) {
		bidding.bid(personas.actor(username), lotId, new Bidding.BidRequest(new Money(fen), null));
	}

	private static JsonNode await(Http reader, UUID lotId, String words) {
		return Eventually.await(TEN_SECONDS, () -> notices(reader, lotId).stream()
			.filter(n -> n.get("title").asString().contains(words)).findFirst().orElse(null));
	}

	private static List<JsonNode> notices(Http reader, UUID lotId) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode notice : reader.get("/api/v1/notifications").json()) {
			if (notice.get("link").asString().equals("/auctions/lots/" + lotId)) {
				found.add(notice);
			}
		}
		return found;
	}
}
