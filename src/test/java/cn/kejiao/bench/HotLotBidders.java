package cn.kejiao.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.kejiao.bench.AuctionPreparation.Answer;
import cn.kejiao.bench.AuctionPreparation.Bidder;
import tools.jackson.databind.JsonNode;

/**
 * Bidders on one lot, each on its own thread for a fixed time, as a bidding client would: read the lot
 * ({@code GET /api/v1/auctions/{lotId}}), and unless it leads, bid the least that is accepted ({@code minimumBid}: the
 * leading amount plus the increment, or the starting price), or, for the proxy bidders, a maximum one to five
 * increments above it; then bid again at once at the minimum the answer names (a refusal as too low names it, an
 * accepted bid the next one), reading the lot again only when it knows nothing or leads. A bidder that leads waits
 * 10 ms before it reads again, as a person would wait for the lot page to change.
 */
final class HotLotBidders {

	/** One submitted bid and its answer; {@code returnedMicros} when the answer was read, microseconds since the epoch. */
	record Attempt(int bidder, boolean proxy, int status, String code, double millis, int bidSeq, int bidCount,
			String leadingAmount, String leader, long returnedMicros) {
	}

	/** What a run of the bidders gave: every attempt, the wall time, how many lot reads and failed requests. */
	record Run(List<Attempt> attempts, double seconds, int reads, int failures) {

		long accepted() {
			return attempts.stream().filter(a -> a.status() == 201).count();
		}
	}

	private final AuctionPreparation api;

	HotLotBidders(AuctionPreparation api) {
		this.api = api;
	}

	/**
	 * Runs {@code bidders.size()} bidders on the lot for {@code seconds}; {@code pseudonyms} are theirs on this lot
	 * (to know when one leads), and every {@code proxyEvery}-th bidder bids by maximum (0: none).
	 */
	Run run(String lotId, List<Bidder> bidders, List<String> pseudonyms, int proxyEvery, int seconds) throws Exception {
		List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger reads = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(bidders.size())) {
			List<Future<?>> futures = new ArrayList<>();
			for (int b = 0; b < bidders.size(); b++) {
				int bidder = b;
				boolean proxy = proxyEvery > 0 && b % proxyEvery == proxyEvery - 1;
				futures.add(pool.submit(() -> {
					Known known = new Known();
					while (System.nanoTime() < deadline) {
						try {
							Attempt attempt = once(lotId, bidders.get(bidder).token(), pseudonyms.get(bidder), bidder, proxy,
									known, reads);
							if (attempt == null) {
								Thread.sleep(10);
							}
							else {
								attempts.add(attempt);
							}
						}
						catch (InterruptedException ex) {
							return null;
						}
						catch (Exception ex) {
							known.minimum = null;
							if (failures.incrementAndGet() <= 3) {
								System.err.println("bidder: " + ex);
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		return new Run(List.copyOf(attempts), (System.nanoTime() - started) / 1e9, reads.get(), failures.get());
	}

	/** What a bidder knows of the lot from its last answer: the least it may bid, the increment, whether it leads. */
	private static final class Known {

		BigDecimal minimum;
		BigDecimal increment;
		boolean leading;
	}

	/**
	 * Bids the least the last answer named (a refusal names the minimum; an accepted bid the next one), reading the
	 * lot only when it knows nothing yet or leads; returns null while this bidder leads.
	 */
	private Attempt once(String lotId, String token, String pseudonym, int bidder, boolean proxy, Known known,
			AtomicInteger reads) throws Exception {
		if (known.minimum == null || known.leading) {
			JsonNode lot = api.expect(200, "GET", "/api/v1/auctions/" + lotId, token, null);
			reads.incrementAndGet();
			known.leading = pseudonym.equals(lot.path("leader").asString(""));
			known.minimum = new BigDecimal(lot.get("minimumBid").asString());
			known.increment = new BigDecimal(lot.get("increment").asString());
			if (known.leading) {
				return null;
			}
		}
		BigDecimal minimum = known.minimum;
		String body;
		if (proxy) {
			BigDecimal max = minimum.add(known.increment.multiply(BigDecimal.valueOf(1 + ThreadLocalRandom.current().nextInt(5))));
			body = "{\"maxAmount\":\"" + max.toPlainString() + "\"}";
		}
		else {
			body = "{\"amount\":\"" + minimum.toPlainString() + "\"}";
		}
		long t0 = System.nanoTime();
		Answer answer = api.send("POST", "/api/v1/auctions/" + lotId + "/bids", token, body);
		double millis = (System.nanoTime() - t0) / 1e6;
		long returned = SseWatchers.micros(java.time.Instant.now());
		if (answer.status() == 201) {
			JsonNode result = answer.json();
			known.leading = result.path("youLead").asBoolean(false);
			known.minimum = new BigDecimal(result.get("minimumBid").asString());
			return new Attempt(bidder, proxy, 201, "", millis, result.path("bidSeq").asInt(0), result.get("bidCount").asInt(),
					result.get("leadingAmount").asString(), result.path("leader").asString(""), returned);
		}
		String code = answer.status() == 409 || answer.status() == 400 ? answer.json().path("code").asString("?") : "";
		JsonNode named = answer.status() == 409 ? answer.json().path("minimum") : null;
		if (named != null && named.isString()) {
			known.minimum = new BigDecimal(named.asString());
		}
		else {
			known.minimum = null;
			known.leading = "auction.leading".equals(code);
		}
		return new Attempt(bidder, proxy, answer.status(), code, millis, 0, 0, "", "", returned);
	}
}
