package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.database.GroupCommit;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application nodes on one database: the second node is the same classes with state of their own — its own
 * group commit of bids and its own listening connection with its own watchers — sharing only PostgreSQL with the
 * first. Bids through both at once still leave one leader equal to a sequential replay, and a watcher on each node
 * receives every new lead, whichever node accepted it.
 */
@KejiaoIntegrationTest
class AuctionNodesTests {

	@Autowired
	Personas personas;

	@Autowired
	AuctionSessions sessions;

	@Autowired
	MutableClock clock;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	Organisations organisations;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JsonMapper json;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Test
	void bidsThroughTwoNodesLeaveOneLeaderAndEveryNodesWatchersSeeEveryLead() throws Exception {
		LotWatchers secondWatchers = new LotWatchers(dataSource, jdbc, json);
		LotPrices secondPrices = new LotPrices(secondWatchers);
		secondWatchers.start();
		GroupCommit<BidBatches.Job, Bidding.BidResult> secondCommits = new GroupCommit<>("bids-second-node",
				transactions, 2, 128, job -> new Object(),
				new BidBatches(jdbc, template, organisations, secondWatchers, events, secondPrices, clock)::take);
		secondCommits.start();
		Bidding secondNode = new Bidding(secondCommits, secondPrices, clock);
		try {
			LiveLots lots = new LiveLots(personas, sessions, clock);
			LiveLots.Lot lot = lots.lot(null);
			List<LiveLots.Bidder> bidders = lots.bidders(lot, 8);
			List<LotChange> seenOnSecond = new CopyOnWriteArrayList<>();
			Runnable stop = secondWatchers.watch(lot.id(), change -> {
				if (change != null) {
					seenOnSecond.add(change);
				}
			}, () -> { });
			AuctionConcurrencyTests.Watcher onFirst = AuctionConcurrencyTests.Watcher.open(personas.port(), lot.id());
			Thread.sleep(300); // the second node's LISTEN is in place

			CountDownLatch start = new CountDownLatch(1);
			AtomicInteger accepted = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(40);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 40; t++) {
				LiveLots.Bidder bidder = bidders.get(t % bidders.size());
				boolean viaSecond = t % 2 == 1;
				Actor actor = personas.actor(bidder.organisation().username());
				done.add(pool.submit(() -> {
					start.await();
					for (int round = 0; round < 4; round++) {
						JsonNode now = bidder.api().get(lot.path()).json();
						String amount = Money.yuan(Money.ofYuan(now.get("minimumBid").asString(), "minimumBid").fen()
								+ 100_000L * (round % 3));
						if (viaSecond) {
							try {
								secondNode.bid(actor, lot.id(), new Bidding.BidRequest(null, Money.ofYuan(amount, "max")));
								accepted.incrementAndGet();
							}
							catch (KejiaoException refused) {
								assertThat(refused.code()).startsWith("auction.");
							}
						}
						else if (bidder.api().post(lot.path() + "/bids", Map.of("amount", amount)).status() == 201) {
							accepted.incrementAndGet();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
			pool.shutdown();

			Http organiser = personas.api("admin");
			JsonNode history = organiser.get(lot.path() + "/bids").json();
			JsonNode state = organiser.get(lot.path()).json();
			AuctionConcurrencyTests.Replay replay = AuctionConcurrencyTests.Replay.of(history.get("submitted"), 1_000_000,
					100_000);
			assertThat(history.get("submitted").size()).isEqualTo(accepted.get());
			assertThat(replay.refused).isZero();
			assertThat(Money.yuan(replay.prices.leadingFen())).isEqualTo(state.get("leadingAmount").asString());
			assertThat(replay.pseudonyms.get(replay.prices.leader())).isEqualTo(state.get("leader").asString());

			int last = state.get("bidCount").asInt();
			onFirst.awaitBidCount(last, Duration.ofSeconds(10));
			long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (System.nanoTime() < until && (seenOnSecond.isEmpty() || seenOnSecond.getLast().bidCount() < last)) {
				Thread.sleep(50);
			}
			assertThat(onFirst.bidCounts()).isEqualTo(replay.leadsAfterBid);
			assertThat(seenOnSecond.stream().map(LotChange::bidCount).toList()).isEqualTo(replay.leadsAfterBid);
			stop.run();
			onFirst.close();
		}
		finally {
			secondCommits.close();
			secondWatchers.stop();
		}
	}
}
