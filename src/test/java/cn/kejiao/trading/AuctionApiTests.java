package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Paging;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.NewListing;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.Personas;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * A lot through the API as bidders, the public and the organiser meet it: who may bid and the code that says why
 * not, the reserve kept secret until the close, anti-sniping, and the close with its result.
 */
@KejiaoIntegrationTest
@RecordApplicationEvents
class AuctionApiTests {

	@Autowired
	Personas personas;

	@Autowired
	AuctionSessions sessions;

	@Autowired
	LotClosing closing;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Catalog catalog;

	@Autowired
	Listings listings;

	@Autowired
	AuctionQueries queries;

	@Autowired
	Contracts contracts;

	LiveLots lots;

	@BeforeEach
	void lots() {
		lots = new LiveLots(personas, sessions, clock);
	}

	@Test
	void aBidderWhoMayNotBidIsRefusedWithItsOwnCode() {
		LiveLots.Lot lot = lots.lot("30000");
		String bid = lot.path() + "/bids";

		NewOrganisation.Registered pending = NewOrganisation.enterprise("310114").pending(personas.port());
		Http.Response unverified = pending.api().post(bid, Map.of("amount", "10000"));
		assertThat(unverified.status()).isEqualTo(409);
		assertThat(unverified.code()).isEqualTo("auction.unverified");
		assertThat(pending.api().post(lot.path() + "/registrations", Map.of()).code()).isEqualTo("auction.unverified");

		Http outsider = NewOrganisation.enterprise("310114").verified(personas.port()).api();
		Http.Response notRegistered = outsider.post(bid, Map.of("amount", "10000"));
		assertThat(notRegistered.status()).isEqualTo(409);
		assertThat(notRegistered.code()).isEqualTo("auction.not-registered");

		LiveLots.Bidder noDeposit = lots.registered(lot, "532622");
		Http.Response unpaid = noDeposit.api().post(bid, Map.of("amount", "10000"));
		assertThat(unpaid.status()).isEqualTo(409);
		assertThat(unpaid.code()).isEqualTo("auction.no-deposit");
		assertThat(unpaid.json().get("deposit").asString()).isEqualTo("5000.00");
		assertThat(unpaid.json().get("detail").asString()).contains("¥5,000.00");

		Http seller = lot.seller().api();
		assertThat(seller.post(lot.path() + "/registrations", Map.of()).code()).isEqualTo("auction.own-lot");
		assertThat(personas.api("admin").post(bid, Map.of("amount", "10000")).code()).isEqualTo("auction.bidders-only");

		LiveLots.Bidder paid = lots.bidder(lot, "310114");
		Http.Response low = paid.api().post(bid, Map.of("amount", "9999"));
		assertThat(low.status()).isEqualTo(409);
		assertThat(low.code()).isEqualTo("auction.bid-too-low");
		assertThat(low.json().get("minimum").asString()).isEqualTo("10000.00");
		Http.Response both = paid.api().post(bid, Map.of("amount", "10000", "maxAmount", "20000"));
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.code()).isEqualTo("auction.bid-kind");

		Http.Response accepted = paid.api().post(bid, Map.of("amount", "10000"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		assertThat(accepted.json().get("leadingAmount").asString()).isEqualTo("10000.00");
		assertThat(accepted.json().get("youLead").asBoolean()).isTrue();
		assertThat(accepted.json().get("leader").asString()).isEqualTo("B");
		Http.Response again = paid.api().post(bid, Map.of("amount", "12000"));
		assertThat(again.code()).isEqualTo("auction.leading");
	}

	@Test
	void aScheduledLotAndAClosedOneRefuseBids() {
		Instant now = clock.instant();
		LiveLots.Lot later = lots.lot(null, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
		LiveLots.Bidder early = lots.bidder(later, "310114");
		Http.Response notStarted = early.api().post(later.path() + "/bids", Map.of("amount", "10000"));
		assertThat(notStarted.code()).isEqualTo("auction.not-started");
		assertThat(Http.api(personas.port()).get(later.path()).json().get("state").asString()).isEqualTo("SCHEDULED");

		LiveLots.Lot lot = lots.lot(null);
		LiveLots.Bidder late = lots.bidder(lot, "532622");
		clock.advance(Duration.ofHours(3));
		Http.Response closed = Http.as(personas.port(), late.organisation().username(), late.organisation().password())
			.post(lot.path() + "/bids", Map.of("amount", "10000"));
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.code()).isEqualTo("auction.closed");
	}

	@Test
	void theReserveIsNeverRevealedBeforeTheClose() {
		LiveLots.Lot lot = lots.lot("37777");
		LiveLots.Bidder bidder = lots.bidder(lot, "310114");
		assertThat(bidder.api().post(lot.path() + "/bids", Map.of("maxAmount", "40000")).status()).isEqualTo(201);

		Http visitor = Http.api(personas.port());
		for (String body : new String[] { visitor.get(lot.path()).body(), visitor.get(lot.path() + "/bids").body(),
				visitor.get("/api/v1/auctions?state=LIVE&size=100").body(), bidder.api().get(lot.path()).body(),
				visitor.get("/api/v1/auction-sessions/" + lot.sessionId()).body() }) {
			assertThat(body).doesNotContain("37777").doesNotContain("reserveMet");
			assertThat(body).as("nobody learns another's maximum").doesNotContain("40000");
		}
		Http.Response raised = bidder.api().post(lot.path() + "/bids", Map.of("maxAmount", "45000"));
		assertThat(raised.json().get("yourMaximum").asString()).as("the bidder sees its own").isEqualTo("45000.00");
		assertThat(raised.body() + bidder.api().get("/api/v1/auctions/mine").body()).doesNotContain("37777");
		assertThat(visitor.get(lot.path()).json().get("reservePrice").isNull()).isTrue();
		assertThat(personas.api("admin").get(lot.path()).json().get("reservePrice").asString()).isEqualTo("37777.00");
		assertThat(lot.seller().api().get(lot.path()).json().get("reservePrice").asString()).isEqualTo("37777.00");
	}

	@Test
	void aBidInTheLastMinutesMovesTheCloseAndTheServerClockDecides() {
		Instant now = clock.instant();
		LiveLots.Lot lot = lots.lot(null, now.minusSeconds(60), now.plus(Duration.ofMinutes(10)));
		LiveLots.Bidder bidder = lots.bidder(lot, "310114");
		Instant scheduled = Instant.parse(Http.api(personas.port()).get(lot.path()).json().get("closesAt").asString());

		clock.advance(Duration.ofMinutes(8));
		Http fresh = Http.as(personas.port(), bidder.organisation().username(), bidder.organisation().password());
		JsonNode bid = fresh.post(lot.path() + "/bids", Map.of("amount", "10000")).json();

		Instant moved = Instant.parse(bid.get("closesAt").asString());
		assertThat(Duration.between(clock.instant(), moved)).isBetween(Duration.ofSeconds(299), Duration.ofSeconds(301));
		assertThat(moved).isAfter(scheduled);
		assertThat(Duration.between(moved,
				Instant.parse(Http.api(personas.port()).get(lot.path()).json().get("closesAt").asString())).abs())
			.isLessThan(Duration.ofMillis(1));
	}

	@Test
	void aSoldLotNamesItsBuyerToTheBuyerAndTheSellerAndToEveryoneOncePublished() {
		LiveLots.Lot lot = lots.lot("25000");
		LiveLots.Bidder a = lots.bidder(lot, "310114");
		LiveLots.Bidder b = lots.bidder(lot, "532622");
		assertThat(a.api().post(lot.path() + "/bids", Map.of("maxAmount", "30000")).status()).isEqualTo(201);
		assertThat(b.api().post(lot.path() + "/bids", Map.of("amount", "15000")).status()).isEqualTo(201);
		Http organiser = personas.api("admin");
		assertThat(organiser.post(lot.path() + "/close", Map.of()).code()).isEqualTo("auction.not-yet-closed");

		clock.advance(Duration.ofHours(3));
		assertThat(closing.closeDue()).isPositive();

		Http visitor = Http.api(personas.port());
		JsonNode hidden = visitor.get(lot.path()).json();
		assertThat(hidden.get("state").asString()).isEqualTo("SOLD");
		assertThat(hidden.get("result").get("hammer").isNull()).isTrue();
		JsonNode forBuyer = Http.as(personas.port(), a.organisation().username(), a.organisation().password())
			.get(lot.path()).json().get("result");
		assertThat(forBuyer.get("hammer").asString()).as("the proxy reached the reserve").isEqualTo("25000.00");
		assertThat(forBuyer.get("buyer").asString()).isEqualTo(a.organisation().name());
		assertThat(forBuyer.get("buyerCommission").asString()).isEqualTo("1250.00");
		assertThat(forBuyer.get("sellerCommission").asString()).isEqualTo("750.00");

		assertThat(personas.api("admin").post("/api/v1/auction-sessions/" + lot.sessionId() + "/publish", Map.of())
			.status()).isEqualTo(200);
		JsonNode published = visitor.get(lot.path()).json().get("result");
		assertThat(published.get("hammer").asString()).isEqualTo("25000.00");
		assertThat(published.get("buyer").asString()).isEqualTo(a.organisation().name());
		assertThat(events.stream(LotSold.class).filter(sold -> sold.lotId().equals(lot.id())))
			.singleElement().satisfies(sold -> {
				assertThat(sold.buyerOrgId()).isEqualTo(a.organisation().id());
				assertThat(sold.sellerOrgId()).isEqualTo(lot.seller().id());
				assertThat(sold.hammer().yuan()).isEqualTo("25000.00");
			});
	}

	@Test
	void aLotWhoseBestMaximumIsShortOfTheReserveIsUnsold() {
		LiveLots.Lot lot = lots.lot("50000");
		LiveLots.Bidder a = lots.bidder(lot, "310114");
		assertThat(a.api().post(lot.path() + "/bids", Map.of("maxAmount", "49000")).status()).isEqualTo(201);
		clock.advance(Duration.ofHours(3));

		JsonNode closed = personas.api("admin").post(lot.path() + "/close", Map.of()).json();

		assertThat(closed.get("state").asString()).isEqualTo("UNSOLD");
		assertThat(closed.get("result").get("sold").asBoolean()).isFalse();
		assertThat(closed.get("result").get("hammer").isNull()).isTrue();
	}

	@Test
	void aLotMadeFromAListingSellsTheListingWhenItIsSold() {
		ListingView listing = NewListing.published(personas, catalog, listings, "provider-yn", NewListing.word(),
				ListingMode.TRANSFER);
		Actor admin = personas.actor("admin");
		UUID session = sessions.open(admin, new AuctionSessions.SessionForm("挂牌拍卖专场", null, null, null, null, null));
		AuctionSessions.LotForm fromListing = new AuctionSessions.LotForm(listing.title(), null, listing.sellerOrgId(),
				listing.id(), null, null, Money.ofYuan("10000", "startingPrice"), Money.ofYuan("1000", "increment"), null,
				Money.ZERO, clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofHours(1)), null, null);
		UUID lotId = sessions.addLot(admin, session, fromListing);
		UUID otherSeller = personas.actor("provider-jd").organisationId();
		assertThatThrownBy(() -> sessions.addLot(admin, session, new AuctionSessions.LotForm(listing.title(), null,
				otherSeller, listing.id(), null, null, Money.ofYuan("10000", "s"), Money.ofYuan("1000", "i"), null, null,
				clock.instant(), clock.instant().plus(Duration.ofHours(1)), null, null)))
			.hasMessage("auction.listing-seller");
		LotView lot = queries.lot(lotId, admin);
		assertThat(lot.achievementId()).isEqualTo(listing.achievementId());
		assertThat(lot.patentNumbers()).contains("ZL201810123456.7");

		LiveLots.Bidder buyer = lots.registered(new LiveLots.Lot(lotId, session, null), "310114");
		assertThat(buyer.api().post("/api/v1/auctions/" + lotId + "/bids", Map.of("amount", "12000")).status())
			.isEqualTo(201);
		clock.advance(Duration.ofHours(2));
		closing.closeDue();

		Eventually.await(Duration.ofSeconds(10),
				() -> assertThat(listings.find(listing.id()).orElseThrow().state()).isEqualTo(ListingState.SOLD));
		ContractView contract = Eventually.await(Duration.ofSeconds(10), () -> personas.as(
				buyer.organisation().username(), () -> contracts.list(new Paging(0, 20)).getContent().stream()
					.filter(c -> lotId.equals(c.originId())).findFirst().orElse(null)));
		assertThat(contract.type()).isEqualTo(ContractType.TRANSFER);
		assertThat(contract.value().yuan()).isEqualTo("12000.00");
		assertThat(contract.seller().organisationId()).isEqualTo(listing.sellerOrgId());
		assertThat(contract.state()).isEqualTo(ContractState.DRAFT);
	}
}
