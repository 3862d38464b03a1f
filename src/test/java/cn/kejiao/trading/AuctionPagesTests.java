package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kejiao.support.Http;
import cn.kejiao.support.NewListing;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who sees what on the auction pages: the public, a bidder, the seller, the organiser and another region's admin. */
@KejiaoIntegrationTest
class AuctionPagesTests {

	@Autowired
	Personas personas;

	@Autowired
	AuctionSessions sessions;

	@Autowired
	AuctionBidders bidders;

	@Autowired
	Bidding bidding;

	@Autowired
	Clock clock;

	@Autowired
	cn.kejiao.catalog.Catalog catalog;

	@Autowired
	Listings listings;

	@Autowired
	AuctionQueries queries;

	AuctionFixture auctions;

	@BeforeEach
	void fixture() {
		auctions = new AuctionFixture(personas, sessions, bidders, clock);
	}

	@Test
	void theCalendarAndTheLotPageShowTheLotToAnyoneButNeverItsReserveToAThirdParty() {
		AuctionFixture.Lot lot = auctions.liveLot();
		auctions.registerWithDeposit(lot.lotId(), "ent-ws");

		Http anonymous = Http.browser(personas.port());
		assertThat(anonymous.get("/auctions").body()).contains(lot.title()).contains("竞价中");
		String publicPage = anonymous.get("/auctions/lots/" + lot.lotId()).body();
		assertThat(publicPage).contains(lot.title()).contains("¥100,000.00").contains("¥5,000.00")
			.contains("¥20,000.00").contains("ZL202310000001.1").contains("登录后报名竞买")
			.doesNotContain("300,000").doesNotContain("保留价");

		String bidderPage = personas.browser("ent-ws").get("/auctions/lots/" + lot.lotId()).body();
		assertThat(bidderPage).contains("您的竞买号：竞买人 A").contains("保证金 ¥20,000.00 已登记")
			.contains("id=\"bid-form\"").doesNotContain("300,000");
		assertThat(personas.browser("ent-jd").get("/auctions/lots/" + lot.lotId()).body())
			.contains("id=\"register-button\"").doesNotContain("300,000");

		assertThat(personas.browser(AuctionFixture.SELLER).get("/auctions/lots/" + lot.lotId()).body())
			.contains("¥300,000.00").doesNotContain("id=\"bid-form\"");
		assertThat(personas.browser(AuctionFixture.ORGANISER).get("/auctions/lots/" + lot.lotId()).body())
			.contains("¥300,000.00");
	}

	@Test
	void theOrganisersConsoleRefusesANonAdminAndShowsAnAdminOnlyItsRegionsSessions() {
		AuctionFixture.Lot lot = auctions.liveLot();
		assertThat(personas.browser("ent-ws").get("/auctions/console").status()).isEqualTo(403);
		assertThat(personas.browser("ent-ws").get("/auctions/console/lots/" + lot.lotId()).status()).isEqualTo(403);

		String shanghai = personas.browser(AuctionFixture.ORGANISER).get("/auctions/console").body();
		assertThat(shanghai).contains(lot.title());
		Http yunnan = personas.browser("yn-admin");
		assertThat(yunnan.get("/auctions/console").body()).doesNotContain(lot.title());
		assertThat(yunnan.get("/auctions/console/lots/" + lot.lotId()).status()).isEqualTo(404);
	}

	@Test
	void myBidsShowsOnlyTheLotsMyOrganisationRegisteredForAndWhetherItLeads() {
		AuctionFixture.Lot mine = auctions.liveLot();
		AuctionFixture.Lot theirs = auctions.liveLot();
		auctions.registerWithDeposit(mine.lotId(), "ent-ws");
		auctions.registerWithDeposit(theirs.lotId(), "ent-jd");
		personas.as("ent-ws", () -> bidding.bid(personas.actor("ent-ws"), mine.lotId(),
				new Bidding.BidRequest(new cn.kejiao.platform.Money(10_000_000), null)));

		String page = personas.browser("ent-ws").get("/auctions/mine").body();
		assertThat(page).contains(mine.title()).doesNotContain(theirs.title()).contains("¥100,000.00")
			.contains("领先");
		String theirPage = personas.browser("ent-jd").get("/auctions/mine").body();
		assertThat(theirPage).contains(theirs.title()).doesNotContain(mine.title());

		String selling = personas.browser(AuctionFixture.SELLER).get("/auctions/selling").body();
		assertThat(selling).contains(mine.title()).contains(theirs.title()).contains("¥300,000.00");
	}

	@Test
	void theLivePartIsStreamedToTheLotPageAtEachBidAndNeverHoldsTheReserve() throws Exception {
		AuctionFixture.Lot lot = auctions.liveLot();
		auctions.registerWithDeposit(lot.lotId(), "ent-ws");
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = client.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + personas.port()
						+ "/auctions/lots/" + lot.lotId() + "/live"))
					.header("Accept", "text/event-stream").header("Accept-Language", "zh-CN").build(),
				java.net.http.HttpResponse.BodyHandlers.ofLines());
		assertThat(stream.statusCode()).isEqualTo(200);
		java.util.concurrent.BlockingQueue<String> data = new java.util.concurrent.LinkedBlockingQueue<>();
		Thread reader = Thread.ofVirtual().start(() -> stream.body().filter(line -> line.startsWith("data:"))
			.forEach(data::add));
		try {
			String first = data.poll(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(first).contains("暂无出价").contains("¥100,000.00").doesNotContain("300,000");
			personas.as("ent-ws", () -> bidding.bid(personas.actor("ent-ws"), lot.lotId(),
					new Bidding.BidRequest(new cn.kejiao.platform.Money(10_500_000), null)));
			String next = data.poll(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(next).contains("id=\"leading-amount\">¥105,000.00").contains("竞买人 A")
				.contains("¥110,000.00").doesNotContain("300,000");
		}
		finally {
			reader.interrupt();
			stream.body().close();
		}
	}

	@Test
	void theLotPageReadsInEnglish() {
		AuctionFixture.Lot lot = auctions.liveLot();
		String page = Http.browser(personas.port()).get("/auctions/lots/" + lot.lotId() + "?lang=en").body();
		assertThat(page).contains("Starting price").contains("¥100,000.00").contains("Bid history")
			.contains("Sign in to register and bid");
	}

	@Test
	void theOrganiserMakesALotFromAListingByPastingItsAddress() {
		ListingView listing = NewListing.published(personas, catalog, listings, AuctionFixture.SELLER, NewListing.word(),
				ListingMode.LICENCE_EXCLUSIVE);
		AuctionFixture.Lot other = auctions.liveLot();
		Http organiser = personas.browser(AuctionFixture.ORGANISER);
		java.time.LocalDateTime now = java.time.LocalDateTime.now(cn.kejiao.platform.ChinaTime.ZONE).withSecond(0)
			.withNano(0);
		Http.Response added = organiser.submitForm("/auctions/console",
				"/auctions/console/sessions/" + other.sessionId() + "/lots",
				java.util.Map.of("title", listing.title(), "sellerOrgId", listing.sellerOrgId().toString(), "achievement",
						"http://localhost/listings/" + listing.id(), "startingPrice", "10万", "increment", "5,000",
						"deposit", "1万", "startsAt", now.toString(), "closesAt", now.plusDays(3).toString()));

		assertThat(added.status()).isEqualTo(302);
		assertThat(added.location()).contains("/auctions/console/lots/");
		String lotId = added.location().substring(added.location().lastIndexOf('/') + 1);
		LotView lot = queries.lot(java.util.UUID.fromString(lotId), null);
		assertThat(lot.listingId()).isEqualTo(listing.id());
		assertThat(lot.achievementId()).isEqualTo(listing.achievementId());
		assertThat(lot.patentNumbers()).contains("ZL201810123456.7");
		assertThat(Http.browser(personas.port()).get("/auctions/lots/" + lotId).body())
			.contains("/listings/" + listing.id());
	}
}
