package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kejiao.platform.Money;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hundred threads bid on one lot at once, amounts and proxy maxima mixed: the price history rises strictly, there
 * is exactly one leader, and replaying the accepted bids one by one through the rules gives the same lot. A watcher
 * of the lot's event stream receives every new leading bid, in order.
 */
@KejiaoIntegrationTest
class AuctionConcurrencyTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Personas personas;

	@Autowired
	AuctionSessions sessions;

	@Autowired
	MutableClock clock;

	@Test
	void aHundredBiddersAtOnceLeaveOneLeaderEqualToASequentialReplayAndEveryWatcherSeesEachNewLead()
			throws Exception {
		LiveLots lots = new LiveLots(personas, sessions, clock);
		LiveLots.Lot lot = lots.lot("20000");
		List<LiveLots.Bidder> bidders = lots.bidders(lot, 20);
		Watcher watcher = Watcher.open(personas.port(), lot.id());

		int threads = 100;
		CountDownLatch start = new CountDownLatch(1);
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			LiveLots.Bidder bidder = bidders.get(t % bidders.size());
			done.add(pool.submit(() -> {
				start.await();
				for (int round = 0; round < 3; round++) {
					JsonNode now = bidder.api().get(lot.path()).json();
					long minimum = Money.ofYuan(now.get("minimumBid").asString(), "minimumBid").fen();
					ThreadLocalRandom random = ThreadLocalRandom.current();
					Map<String, String> body = random.nextBoolean()
							? Map.of("amount", Money.yuan(minimum + 100_000L * random.nextInt(3)))
							: Map.of("maxAmount", Money.yuan(minimum + 100_000L * random.nextInt(20)));
					Http.Response response = bidder.api().post(lot.path() + "/bids", body);
					String outcome = response.status() == 201 ? "accepted" : response.status() + " " + response.code();
					outcomes.merge(outcome, 1, Integer::sum);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();

		assertThat(outcomes.keySet()).allMatch(o -> o.equals("accepted") || o.startsWith("409 auction."));
		assertThat(outcomes.get("accepted")).isGreaterThan(10);
		JsonNode history = personas.api("admin").get(lot.path() + "/bids").json();
		JsonNode state = personas.api("admin").get(lot.path()).json();

		long previous = 0;
		for (JsonNode step : history.get("steps")) {
			long amount = Money.ofYuan(step.get("amount").asString(), "amount").fen();
			assertThat(amount).isGreaterThan(previous);
			previous = amount;
		}
		Replay replay = Replay.of(history.get("submitted"), 1_000_000, 100_000);
		assertThat(replay.refused).as("every accepted bid is accepted again when replayed").isZero();
		assertThat(Money.yuan(replay.prices.leadingFen())).isEqualTo(state.get("leadingAmount").asString());
		assertThat(replay.pseudonyms.get(replay.prices.leader())).isEqualTo(state.get("leader").asString());
		assertThat(replay.steps).isEqualTo(history.get("steps").size()).isEqualTo(state.get("bidCount").asInt());
		assertThat(history.get("submitted").size()).isEqualTo(outcomes.get("accepted"));

		List<Integer> expected = replay.leadsAfterBid;
		watcher.awaitBidCount(state.get("bidCount").asInt(), Duration.ofSeconds(10));
		assertThat(watcher.bidCounts()).as("one event per bid that moved the price, in order").isEqualTo(expected);
		assertThat(watcher.lastLeadingAmount()).isEqualTo(state.get("leadingAmount").asString());
		watcher.close();
	}

	/** The accepted bids replayed one by one through the rules. */
	static final class Replay {

		AuctionRules.Prices prices;
		int refused;
		int steps;
		final Map<UUID, String> pseudonyms = new java.util.HashMap<>();
		final List<Integer> leadsAfterBid = new ArrayList<>();

		static Replay of(JsonNode submitted, long startingFen, long incrementFen) {
			Replay replay = new Replay();
			replay.prices = AuctionRules.Prices.opening(startingFen, incrementFen);
			for (JsonNode bid : submitted) {
				UUID bidder = UUID.fromString(bid.get("bidderOrgId").asString());
				replay.pseudonyms.put(bidder, bid.get("bidder").asString());
				AuctionRules.Outcome outcome = AuctionRules.apply(replay.prices, new AuctionRules.Bid(bidder,
						AuctionRules.Kind.valueOf(bid.get("kind").asString()),
						Money.ofYuan(bid.get("amount").asString(), "amount").fen()));
				if (!outcome.accepted()) {
					replay.refused++;
					continue;
				}
				replay.prices = outcome.after();
				if (!outcome.steps().isEmpty()) {
					replay.steps += outcome.steps().size();
					replay.leadsAfterBid.add(replay.steps);
				}
			}
			return replay;
		}
	}

	/** A reader of the lot's event stream, as a browser's EventSource would be. */
	static final class Watcher {

		private final List<JsonNode> bids = new CopyOnWriteArrayList<>();
		private final CompletableFuture<HttpResponse<Stream<String>>> response;

		private Watcher(CompletableFuture<HttpResponse<Stream<String>>> response) {
			this.response = response;
		}

		static Watcher open(int port, UUID lotId) throws Exception {
			HttpClient client = HttpClient.newHttpClient();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auctions/"
					+ lotId + "/events")).header("Accept", "text/event-stream").build();
			CountDownLatch opened = new CountDownLatch(1);
			Watcher[] watcher = new Watcher[1];
			CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request,
					HttpResponse.BodyHandlers.ofLines());
			watcher[0] = new Watcher(response);
			Thread.ofPlatform().daemon().start(() -> {
				try {
					String event = "";
					for (String line : (Iterable<String>) response.join().body()::iterator) {
						if (line.startsWith("event:")) {
							event = line.substring(6).strip();
							if (event.equals("lot")) {
								opened.countDown();
							}
						}
						else if (line.startsWith("data:") && event.equals("bid")) {
							watcher[0].bids.add(JSON.readTree(line.substring(5).strip()));
						}
					}
				}
				catch (RuntimeException e) {
					// the stream closed
				}
			});
			assertThat(opened.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the stream opened").isTrue();
			return watcher[0];
		}

		List<Integer> bidCounts() {
			return bids.stream().map(b -> b.get("bidCount").asInt()).toList();
		}

		String lastLeadingAmount() {
			return bids.getLast().get("leadingAmount").asString();
		}

		void awaitBidCount(int count, Duration timeout) throws InterruptedException {
			long until = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < until && (bids.isEmpty() || bids.getLast().get("bidCount").asInt() < count)) {
				Thread.sleep(50);
			}
		}

		void close() {
			response.thenAccept(r -> r.body().close());
		}
	}
}
