package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.NewListing;
import cn.kejiao.support.Personas;

/**
 * Listings: a seller lists its own achievement, publishes and withdraws it; buyers find it through the catalog's
 * search with the mode and region facets; a lot sold at auction sells it.
 */
@KejiaoIntegrationTest
class ListingTests {

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	Listings listings;

	@Autowired
	ListingSearch search;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSellerListsItsAchievementPublishesAndWithdrawsItAndTheSearchFollows() {
		String word = NewListing.word();
		EntryView achievement = NewListing.achievement(personas, catalog, "provider-yn", word);
		Http seller = personas.api("provider-yn");
		var created = seller.post("/api/v1/listings", Map.of("achievementId", achievement.id().toString(), "modes",
				List.of("TRANSFER", "LICENCE_NON_EXCLUSIVE"), "patentNumbers", List.of("ZL 201810123456 7", "cn201920654321.x"),
				"legalStatus", "GRANTED", "licenceTerritory", "中国大陆"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("state").asString()).isEqualTo("DRAFT");
		assertThat(created.json().get("negotiable").asBoolean()).isTrue();
		assertThat(created.json().get("patentNumbers").toString()).contains("ZL201810123456.7", "ZL201920654321.X");
		String id = created.json().get("id").asString();

		assertThat(Http.api(personas.port()).get("/api/v1/listings/" + id).status()).as("a draft is the seller's").isEqualTo(404);
		assertThat(find(word, null, null)).isEmpty();

		assertThat(seller.post("/api/v1/listings/" + id + "/publish", Map.of()).json().get("state").asString()).isEqualTo("PUBLISHED");
		var anyone = Http.api(personas.port()).get("/api/v1/listings/" + id);
		assertThat(anyone.status()).isEqualTo(200);
		assertThat(anyone.json().get("sellerOrgName").asString()).isEqualTo("云南省科学技术院");
		assertThat(anyone.json().get("title").asString()).contains(word);
		var found = Http.api(personas.port()).get("/api/v1/listings?q=" + word);
		assertThat(found.json().get("total").asLong()).isEqualTo(1);
		assertThat(found.json().get("items").get(0).get("id").asString()).isEqualTo(id);

		assertThat(seller.post("/api/v1/listings/" + id + "/withdraw", Map.of()).json().get("state").asString()).isEqualTo("WITHDRAWN");
		assertThat(find(word, null, null)).isEmpty();
		assertThat(Http.api(personas.port()).get("/api/v1/listings/" + id).code()).isEqualTo("listing.not-found");
	}

	@Test
	void theModeAndRegionFacetsCountAndNarrowWhatTheWordsFound() {
		String word = NewListing.word();
		ListingView yunnan = NewListing.published(personas, catalog, listings, "provider-yn", word, ListingMode.TRANSFER);
		ListingView shanghai = NewListing.published(personas, catalog, listings, "provider-jd", word,
				ListingMode.LICENCE_NON_EXCLUSIVE, ListingMode.JOINT_DEVELOPMENT);

		ListingResults all = Eventually.await(Duration.ofSeconds(10), () -> {
			ListingResults result = search.search(new ListingQuery(word, null, null, 0, 20), null);
			return result.total() == 2 ? result : null;
		});
		assertThat(all.facets().get("mode")).containsEntry("TRANSFER", 1L).containsEntry("LICENCE_NON_EXCLUSIVE", 1L)
			.containsEntry("JOINT_DEVELOPMENT", 1L).doesNotContainKey("EQUITY");
		assertThat(all.facets().get("region")).containsEntry("530000", 1L).containsEntry("310000", 1L);

		assertThat(find(word, ListingMode.TRANSFER, null)).containsExactly(yunnan.id());
		assertThat(find(word, null, "310114")).containsExactly(shanghai.id());
		assertThat(find(word, ListingMode.TRANSFER, "310000")).isEmpty();
		ListingResults inShanghai = search.search(new ListingQuery(word, null, "310000", 0, 20), null);
		assertThat(inShanghai.facets().get("mode")).doesNotContainKey("TRANSFER");
		assertThat(inShanghai.facets().get("region")).as("the region facet counts without the region filter")
			.containsEntry("530000", 1L);

		var api = Http.api(personas.port()).get("/api/v1/listings?q=" + word + "&mode=joint_development&region=310000");
		assertThat(api.json().get("total").asLong()).isEqualTo(1);
		assertThat(api.json().get("items").get(0).get("sellerRegionCode").asString()).isEqualTo("310114");
		assertThat(Http.api(personas.port()).get("/api/v1/listings?mode=barter").code()).isEqualTo("listing.unknown-mode");
	}

	@Test
	void aLotSoldNamingTheListingSellsIt() {
		ListingView listing = NewListing.published(personas, catalog, listings, "provider-yn", NewListing.word(),
				ListingMode.TRANSFER);
		UUID buyer = personas.actor("ent-jd").organisationId();
		transactions.executeWithoutResult(status -> publisher.publishEvent(new LotSold(UUID.randomUUID(),
				UUID.randomUUID(), listing.title(), listing.id(), listing.achievementId(), listing.sellerOrgId(), buyer,
				new Money(150_000_000L), new Money(7_500_000L), new Money(7_500_000L), Instant.now())));
		ListingView sold = Eventually.await(Duration.ofSeconds(10),
				() -> listings.find(listing.id()).filter(l -> l.state() == ListingState.SOLD).orElse(null));
		assertThat(sold.soldAt()).isNotNull();
		assertThat(find(listing.title().substring(listing.title().lastIndexOf(' ') + 1), null, null)).isEmpty();
		assertThat(Http.api(personas.port()).get("/api/v1/listings/" + listing.id()).json().get("state").asString())
			.as("a sold listing is still shown, as sold").isEqualTo("SOLD");
		assertThatThrownBy(() -> personas.as("provider-yn", () -> listings.publish(listing.id())))
			.isInstanceOf(KejiaoException.class).hasMessage("listing.not-publishable");
	}

	@Test
	void onlyTheOwnerListsAnAchievementAndOnlyOnce() {
		EntryView achievement = NewListing.achievement(personas, catalog, "provider-yn", NewListing.word());
		var other = personas.api("provider-jd").post("/api/v1/listings",
				Map.of("achievementId", achievement.id().toString(), "modes", List.of("TRANSFER")));
		assertThat(other.status()).isEqualTo(400);
		assertThat(other.code()).isEqualTo("listing.not-own-achievement");
		var admin = personas.api("yn-admin").post("/api/v1/listings", Map.of());
		assertThat(admin.status()).isEqualTo(403);
		assertThat(admin.code()).isEqualTo("listing.sellers-only");

		Http seller = personas.api("provider-yn");
		assertThat(seller.post("/api/v1/listings", Map.of("achievementId", achievement.id().toString())).code())
			.isEqualTo("listing.modes-required");
		assertThat(seller.post("/api/v1/listings", Map.of("achievementId", achievement.id().toString(), "modes",
				List.of("TRANSFER"), "patentNumbers", List.of("12345"))).code()).isEqualTo("listing.patent-number");
		assertThat(seller.post("/api/v1/listings", Map.of("achievementId", achievement.id().toString(), "modes",
				List.of("TRANSFER"), "askingPrice", "1500000", "publish", true)).status()).isEqualTo(201);
		var again = seller.post("/api/v1/listings", Map.of("achievementId", achievement.id().toString(), "modes",
				List.of("EQUITY")));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("listing.already-listed");
	}

	private List<UUID> find(String words, ListingMode mode, String region) {
		return search.search(new ListingQuery(words, mode, region, 0, 20), null).items().stream().map(ListingView::id)
			.toList();
	}
}
