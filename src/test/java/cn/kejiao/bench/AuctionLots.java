package cn.kejiao.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.kejiao.bench.AuctionPreparation.Bidder;

/**
 * The organiser's side, through the API: a session, lots in it (live from a minute ago for three hours, so that no
 * bid of the run comes near the anti-sniping window), and each bidder registered for a lot by its own user with the
 * deposit then recorded by the organiser.
 */
final class AuctionLots {

	static final String STARTING_PRICE = "100000";
	static final String INCREMENT = "1000";
	static final String DEPOSIT = "20000";

	private final AuctionPreparation api;
	private final String organiser;

	AuctionLots(AuctionPreparation api, String organiserToken) {
		this.api = api;
		this.organiser = organiserToken;
	}

	UUID session(String title) throws Exception {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("place", "上海 · 嘉定");
		form.put("description", "压测用竞价会");
		form.put("buyerCommissionPercent", "5");
		form.put("sellerCommissionPercent", "3");
		return UUID.fromString(api.expect(201, "POST", "/api/v1/auction-sessions", organiser, form).get("id").asString());
	}

	UUID lot(UUID session, UUID sellerOrg, String title) throws Exception {
		Instant now = Instant.now();
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("description", "专利号 ZL2019 1 0000000.0，转让。");
		form.put("sellerOrgId", sellerOrg.toString());
		form.put("startingPrice", STARTING_PRICE);
		form.put("increment", INCREMENT);
		form.put("reservePrice", "150000");
		form.put("deposit", DEPOSIT);
		form.put("startsAt", now.minus(Duration.ofMinutes(1)).toString());
		form.put("closesAt", now.plus(Duration.ofHours(3)).toString());
		return UUID.fromString(api.expect(201, "POST", "/api/v1/auction-sessions/" + session + "/lots", organiser, form)
			.get("id").asString());
	}

	/** Registers every bidder for the lot and records its deposit, a few at a time; their pseudonyms, in order. */
	List<String> registerWithDeposits(String lot, List<Bidder> bidders) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<String>> futures = new ArrayList<>();
			for (Bidder bidder : bidders) {
				futures.add(pool.submit(() -> {
					String pseudonym = api.expect(201, "POST", "/api/v1/auctions/" + lot + "/registrations",
							bidder.token(), null).get("pseudonym").asString();
					api.expect(200, "POST", "/api/v1/auctions/" + lot + "/registrations/" + bidder.organisationId()
							+ "/deposit", organiser, Map.of("amount", DEPOSIT, "reference", "BANK-" + bidder.username()));
					return pseudonym;
				}));
			}
			List<String> pseudonyms = new ArrayList<>();
			for (Future<String> future : futures) {
				pseudonyms.add(future.get());
			}
			return pseudonyms;
		}
	}
}
