package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.notification.Notifications;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.NewListing;
import cn.kejiao.support.Personas;

/**
 * Inquiry threads: private to the two sides and the admins of their regions (a third organisation is told the
 * thread does not exist), messages with files, offers by either side and their acceptance by the other, which
 * publishes the agreement and tells the side that made the offer.
 */
@KejiaoIntegrationTest
@RecordApplicationEvents
class InquiryTests {

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	Listings listings;

	@Autowired
	Inquiries inquiries;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Notifications notifications;

	/** A published listing of 云南省科学技术院 (provider-yn) with a thread ent-jd (上海嘉定) opened on it. */
	private UUID thread(ListingMode... modes) {
		ListingView listing = NewListing.published(personas, catalog, listings, "provider-yn", NewListing.word(), modes);
		var opened = personas.api("ent-jd").post("/api/v1/listings/" + listing.id() + "/inquiries",
				Map.of("text", "请问普通许可的费用和技术指导安排？"));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		assertThat(opened.json().get("yourSide").asString()).isEqualTo("BUYER");
		return UUID.fromString(opened.json().get("inquiry").get("id").asString());
	}

	@Test
	void aThirdOrganisationIsToldTheThreadDoesNotExistOnTheApiAndThePage() {
		UUID id = thread(ListingMode.LICENCE_NON_EXCLUSIVE);
		for (String third : List.of("ent-ws", "provider-jd", "cq-admin")) {
			var read = personas.api(third).get("/api/v1/inquiries/" + id);
			assertThat(read.status()).as(third).isEqualTo(404);
			assertThat(read.code()).as(third).isEqualTo("inquiry.not-found");
			var missing = personas.api(third).get("/api/v1/inquiries/" + UUID.randomUUID());
			assertThat(missing.status()).as("the same answer as for a thread that does not exist").isEqualTo(404);
			assertThat(missing.code()).isEqualTo(read.code());
			assertThat(personas.api(third).get("/api/v1/inquiries").body()).as(third).doesNotContain(id.toString());
			assertThat(personas.api(third).post("/api/v1/inquiries/" + id + "/messages", Map.of("text", "我也想买")).status())
				.as(third).isIn(403, 404);
		}
		var page = personas.browser("ent-ws").get("/inquiries/" + id);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("请问普通许可的费用");
		assertThat(personas.browser("ent-jd").get("/inquiries/" + id).body()).contains("请问普通许可的费用");
	}

	@Test
	void theAdminsOfTheSellersAndTheBuyersRegionReadTheThreadButDoNotWriteInIt() {
		UUID id = thread(ListingMode.LICENCE_NON_EXCLUSIVE);
		for (String admin : List.of("yn-admin", "jd-admin", "admin")) {
			var read = personas.api(admin).get("/api/v1/inquiries/" + id);
			assertThat(read.status()).as(admin).isEqualTo(200);
			assertThat(read.json().get("messages").get(0).get("body").asString()).contains("普通许可");
			assertThat(read.json().get("yourSide").isNull()).isTrue();
			assertThat(personas.api(admin).get("/api/v1/inquiries").body()).as(admin).contains(id.toString());
		}
		assertThat(personas.browser("yn-admin").get("/inquiries").body()).contains("/inquiries/" + id);
		var page = personas.browser("yn-admin").get("/inquiries/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("请问普通许可的费用").doesNotContain("id=\"message-form\"");
		var write = personas.api("yn-admin").post("/api/v1/inquiries/" + id + "/offers", Map.of("amount", "1"));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.code()).isEqualTo("inquiry.parties-only");
		assertThatThrownBy(() -> personas.as("ws-admin", () -> inquiries.get(id))).isInstanceOf(KejiaoException.class)
			.hasMessage("inquiry.not-found");
	}

	@Test
	void theBuyerAcceptsTheSellersOfferAndTheAgreementNamesBothPartiesAndTheAmount() {
		UUID id = thread(ListingMode.LICENCE_NON_EXCLUSIVE, ListingMode.TRANSFER);
		Http seller = personas.api("provider-yn");
		Http buyer = personas.api("ent-jd");
		assertThat(seller.post("/api/v1/inquiries/" + id + "/messages", Map.of("text", "可以，附上许可条款。")).status())
			.isEqualTo(201);
		var first = seller.post("/api/v1/inquiries/" + id + "/offers",
				Map.of("amount", "1500000", "mode", "LICENCE_NON_EXCLUSIVE", "terms", "中国大陆，5 年"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		var offer = seller.post("/api/v1/inquiries/" + id + "/offers",
				Map.of("amount", "1200000", "mode", "LICENCE_NON_EXCLUSIVE", "terms", "中国大陆，5 年，分两期付款"));
		String offerId = offer.json().get("id").asString();
		assertThat(seller.post("/api/v1/inquiries/" + id + "/offers/" + offerId + "/accept", Map.of()).code())
			.isEqualTo("inquiry.own-offer");
		assertThat(buyer.post("/api/v1/inquiries/" + id + "/offers/" + first.json().get("id").asString() + "/accept",
				Map.of()).code()).as("a replaced offer").isEqualTo("inquiry.offer-not-open");
		assertThat(buyer.post("/api/v1/inquiries/" + id + "/offers", Map.of("amount", "1000000", "mode", "EQUITY")).code())
			.isEqualTo("inquiry.mode-not-offered");

		events.clear();
		InquiryOffer accepted = personas.as("ent-jd", () -> inquiries.accept(id, UUID.fromString(offerId)));
		assertThat(accepted.state()).isEqualTo(OfferState.ACCEPTED);
		OfferAccepted agreement = events.stream(OfferAccepted.class).findFirst().orElseThrow();
		InquiryView inquiry = personas.as("ent-jd", () -> inquiries.get(id)).inquiry();
		assertThat(agreement.offerId()).isEqualTo(UUID.fromString(offerId));
		assertThat(agreement.inquiryId()).isEqualTo(id);
		assertThat(agreement.listingId()).isEqualTo(inquiry.listingId());
		assertThat(agreement.sellerOrgId()).isEqualTo(personas.actor("provider-yn").organisationId());
		assertThat(agreement.buyerOrgId()).isEqualTo(personas.actor("ent-jd").organisationId());
		assertThat(agreement.amount()).isEqualTo(new Money(120_000_000L));
		assertThat(agreement.mode()).isEqualTo("LICENCE_NON_EXCLUSIVE");
		assertThat(agreement.terms()).isEqualTo("中国大陆，5 年，分两期付款");
		assertThat(agreement.title()).isEqualTo(inquiry.title());
		assertThat(agreement.acceptedAt()).isNotNull();

		assertThat(listings.find(inquiry.listingId()).orElseThrow().state())
			.as("a non-exclusive licence leaves the listing published").isEqualTo(ListingState.PUBLISHED);
		var both = List.of(seller.get("/api/v1/inquiries/" + id), buyer.get("/api/v1/inquiries/" + id));
		for (var view : both) {
			assertThat(view.json().get("inquiry").get("agreed").asBoolean()).isTrue();
			assertThat(view.json().get("offers").get(1).get("state").asString()).isEqualTo("ACCEPTED");
		}
		Eventually.await(Duration.ofSeconds(10), () -> personas.as("provider-yn", () -> notifications.mine()).stream()
			.filter(n -> n.link().equals("/inquiries/" + id) && n.kind().equals("inquiry"))
			.anyMatch(n -> n.title().contains("接受") || n.title().contains("accepted")));
	}

	@Test
	void anAcceptedTransferSellsTheListingAndTheOtherThreadsOffersLapse() {
		UUID id = thread(ListingMode.TRANSFER);
		UUID listingId = personas.as("ent-jd", () -> inquiries.get(id)).listing().id();
		UUID other = personas.as("ent-ws", () -> inquiries.open(listingId, "我们也有兴趣。", List.of())).inquiry().id();
		InquiryOffer lapsing = personas.as("ent-ws",
				() -> inquiries.offer(other, new Inquiries.OfferForm(new Money(90_000_000L), ListingMode.TRANSFER, "")));
		InquiryOffer offer = personas.as("ent-jd",
				() -> inquiries.offer(id, new Inquiries.OfferForm(new Money(110_000_000L), ListingMode.TRANSFER, "一次付清")));
		personas.as("provider-yn", () -> inquiries.accept(id, offer.id()));

		assertThat(listings.find(listingId).orElseThrow().state()).isEqualTo(ListingState.SOLD);
		InquiryThread lapsed = personas.as("ent-ws", () -> inquiries.get(other));
		assertThat(lapsed.offers()).singleElement().extracting(InquiryOffer::state).isEqualTo(OfferState.LAPSED);
		assertThatThrownBy(() -> personas.as("provider-yn", () -> inquiries.accept(other, lapsing.id())))
			.hasMessage("inquiry.offer-not-open");
		assertThatThrownBy(() -> personas.as("expert-sh", () -> inquiries.open(listingId, "还能买吗？", List.of())))
			.hasMessage("inquiry.listing-not-available");
	}

	@Test
	void aMessageCarriesFilesThatOnlyTheThreadsReadersDownload() {
		UUID id = thread(ListingMode.LICENCE_NON_EXCLUSIVE);
		InquiryThread thread = personas.as("provider-yn", () -> inquiries.post(id, "技术说明见附件。",
				List.of(new InquiryFiles.Upload("技术说明.pdf", "%PDF-1.4 说明".getBytes()))));
		InquiryMessage.Attachment file = thread.messages().getLast().attachments().getFirst();
		assertThat(file.name()).isEqualTo("技术说明.pdf");
		assertThat(personas.browser("ent-jd").download("/inquiries/" + id + "/files/" + file.id()))
			.isEqualTo("%PDF-1.4 说明".getBytes());
		assertThat(personas.browser("ent-ws").get("/inquiries/" + id + "/files/" + file.id()).status()).isEqualTo(404);
		assertThatThrownBy(() -> personas.as("ent-jd", () -> inquiries.post(id, "",
				List.of(new InquiryFiles.Upload("run.exe", new byte[] { 1 }))))).hasMessage("inquiry.file-type");
		assertThatThrownBy(() -> personas.as("ent-jd", () -> inquiries.post(id, " ", List.of())))
			.hasMessage("inquiry.message-empty");
	}

	@Test
	void theSellerCannotInquireAboutItsOwnListingAndABuyerHasOneThreadPerListing() {
		UUID id = thread(ListingMode.LICENCE_NON_EXCLUSIVE);
		UUID listingId = personas.as("ent-jd", () -> inquiries.get(id)).listing().id();
		var again = personas.api("ent-jd").post("/api/v1/listings/" + listingId + "/inquiries", Map.of("text", "再问一次"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("inquiry.already-open");
		assertThat(again.json().get("inquiryId").asString()).isEqualTo(id.toString());
		assertThat(personas.api("provider-yn").post("/api/v1/listings/" + listingId + "/inquiries", Map.of("text", "x"))
			.code()).isEqualTo("inquiry.own-listing");
	}
}
