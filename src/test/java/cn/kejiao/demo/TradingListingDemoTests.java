package cn.kejiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import cn.kejiao.trading.Inquiries;
import cn.kejiao.trading.InquiryThread;
import cn.kejiao.trading.ListingState;
import cn.kejiao.trading.ListingView;
import cn.kejiao.trading.Listings;
import cn.kejiao.trading.OfferState;

/** The demo listings of 云南, 上海 and 重庆 sellers, their threads, and a second load that adds nothing. */
@KejiaoIntegrationTest
class TradingListingDemoTests {

	@Autowired
	TradingListingDemo demo;

	@Autowired
	Listings listings;

	@Autowired
	Inquiries inquiries;

	@Autowired
	Personas personas;

	@Test
	void listingsOfThreeRegionsAndAnAgreementBetweenAYunnanSellerAndAShanghaiBuyer() {
		Map<String, UUID> ids = demo.listingIds();
		assertThat(ids).containsOnlyKeys("yn-catalyst", "yn-notoginseng", "sh-emc", "sh-welding", "cq-ageing");
		List<ListingView> all = ids.values().stream().map(id -> listings.find(id).orElseThrow()).toList();
		assertThat(all).allMatch(l -> l.state() == ListingState.PUBLISHED);
		assertThat(all).extracting(l -> l.sellerRegionCode().substring(0, 2)).contains("53", "31", "50");

		List<InquiryThread> agreed = personas.as("ent-jd", () -> inquiries.mine().stream()
			.filter(i -> i.listingId().equals(ids.get("yn-catalyst"))).map(i -> inquiries.get(i.id())).toList());
		assertThat(agreed).singleElement().satisfies(thread -> {
			assertThat(thread.inquiry().agreed()).isTrue();
			assertThat(thread.inquiry().sellerOrgName()).isEqualTo("云南省科学技术院");
			assertThat(thread.offers()).anyMatch(o -> o.state() == OfferState.ACCEPTED);
		});

		demo.load();
		demo.load();
		assertThat(demo.listingIds()).isEqualTo(ids);
		assertThat(personas.as("ent-jd", () -> inquiries.mine()).stream()
			.filter(i -> i.listingId().equals(ids.get("yn-catalyst")))).hasSize(1);
	}
}
