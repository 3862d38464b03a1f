package cn.kejiao.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kejiao.bench.HotLotBidders.Attempt;
import cn.kejiao.trading.AuctionRules;
import tools.jackson.databind.JsonNode;

/**
 * The check after the run: the lot and its whole history are fetched through the API as the organiser sees them, and
 * the accepted bids, in the order the server recorded them, are replayed one after another through the application's
 * own rules ({@link AuctionRules#apply}, a pure function, called here from the benchmark's class path). Counted as
 * inconsistencies: a recorded bid the rules would refuse; a price step that differs from the replay's (amount,
 * bidder, by proxy or not) or one too many or too few; a history that does not rise strictly or skips a number; a
 * final leading amount, leader or step count other than the replay's; an accepted answer (201) whose leading amount
 * or step count differs from the replay after that bid, or that has no recorded bid; a recorded bid no bidder was
 * told was accepted; and more or fewer than one bidder told it leads at the end (its "my bids", GET /api/v1/auctions/mine).
 */
final class AuctionReplay {

	/** The outcome: inconsistencies by kind, and the final state. */
	record Check(int inconsistencies, Map<String, Integer> kinds, String leadingAmount, String leader, int steps,
			int bids) {
	}

	private final Map<String, Integer> kinds = new LinkedHashMap<>();

	static Check check(AuctionPreparation api, String organiser, String lotId, List<Attempt> attempts,
			List<AuctionPreparation.Bidder> bidders) throws Exception {
		return new AuctionReplay().run(api, organiser, lotId, attempts, bidders);
	}

	private Check run(AuctionPreparation api, String organiser, String lotId, List<Attempt> attempts,
			List<AuctionPreparation.Bidder> bidders) throws Exception {
		JsonNode lot = api.expect(200, "GET", "/api/v1/auctions/" + lotId, organiser, null);
		JsonNode history = api.expect(200, "GET", "/api/v1/auctions/" + lotId + "/bids", organiser, null);
		JsonNode steps = history.get("steps");
		JsonNode bids = history.get("submitted");

		// the replay, bid by bid, with the state after each recorded bid
		AuctionRules.Prices prices = AuctionRules.Prices.opening(fen(lot.get("startingPrice")), fen(lot.get("increment")));
		Map<UUID, String> pseudonyms = new HashMap<>();
		List<AuctionRules.Step> replayed = new ArrayList<>();
		Map<Integer, long[]> after = new HashMap<>(); // bid seq -> leading fen, step count
		int expectedSeq = 1;
		for (JsonNode bid : bids) {
			int seq = bid.get("seq").asInt();
			if (seq != expectedSeq++) {
				count("bid numbers not 1, 2, 3, …");
			}
			UUID bidder = UUID.fromString(bid.get("bidderOrgId").asString());
			pseudonyms.put(bidder, bid.get("bidder").asString());
			AuctionRules.Kind kind = AuctionRules.Kind.valueOf(bid.get("kind").asString());
			AuctionRules.Outcome outcome = AuctionRules.apply(prices, new AuctionRules.Bid(bidder, kind, fen(bid.get("amount"))));
			if (!outcome.accepted()) {
				count("recorded bid the rules refuse");
				continue;
			}
			prices = outcome.after();
			replayed.addAll(outcome.steps());
			after.put(seq, new long[] { prices.leadingFen(), replayed.size() });
		}

		// the recorded history against the replay, and on its own
		if (steps.size() != replayed.size()) {
			count("price steps more or fewer than the replay's", Math.abs(steps.size() - replayed.size()));
		}
		long previous = Long.MIN_VALUE;
		for (int i = 0; i < steps.size(); i++) {
			JsonNode step = steps.get(i);
			long amount = fen(step.get("amount"));
			if (step.get("seq").asInt() != i + 1) {
				count("step numbers not 1, 2, 3, …");
			}
			if (amount <= previous) {
				count("history not strictly rising");
			}
			previous = amount;
			if (i < replayed.size()) {
				AuctionRules.Step expected = replayed.get(i);
				if (expected.fen() != amount || !pseudonyms.get(expected.bidder()).equals(step.get("bidder").asString())
						|| expected.auto() != step.get("auto").asBoolean()) {
					count("price step differs from the replay's");
				}
			}
		}

		// the lot's final state
		String leader = prices.leader() == null ? "" : pseudonyms.get(prices.leader());
		if (prices.leadingFen() == null || fen(lot.get("leadingAmount")) != prices.leadingFen()
				|| !leader.equals(lot.path("leader").asString("")) || lot.get("bidCount").asInt() != replayed.size()) {
			count("final state differs from the replay's");
		}

		// what the bidders were told
		Map<Integer, Integer> answered = new HashMap<>();
		for (Attempt attempt : attempts) {
			if (attempt.status() != 201) {
				continue;
			}
			long[] state = after.get(attempt.bidSeq());
			if (state == null || answered.merge(attempt.bidSeq(), 1, Integer::sum) > 1) {
				count("accepted answer without its own recorded bid");
			}
			else if (fen(attempt.leadingAmount()) != state[0] || attempt.bidCount() != state[1]) {
				count("accepted answer differs from the replay after that bid");
			}
		}
		if (bids.size() > answered.size()) {
			count("recorded bid nobody was told was accepted", bids.size() - answered.size());
		}
		int leaders = 0;
		for (AuctionPreparation.Bidder bidder : bidders) {
			for (JsonNode mine : api.expect(200, "GET", "/api/v1/auctions/mine", bidder.token(), null)) {
				if (mine.get("lot").get("id").asString().equals(lotId) && mine.get("leading").asBoolean()) {
					leaders++;
				}
			}
		}
		if (leaders != 1) {
			count("bidders told they lead, other than one", Math.abs(leaders - 1));
		}
		int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
		return new Check(total, kinds, lot.path("leadingAmount").asString(""), lot.path("leader").asString(""),
				steps.size(), bids.size());
	}

	private void count(String kind) {
		count(kind, 1);
	}

	private void count(String kind, int n) {
		kinds.merge(kind, n, Integer::sum);
	}

	static long fen(JsonNode yuan) {
		return fen(yuan.asString());
	}

	static long fen(String yuan) {
		return new BigDecimal(yuan).movePointRight(2).longValueExact();
	}
}
