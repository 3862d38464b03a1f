package cn.kejiao.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.kejiao.bench.AuctionPreparation.Bidder;
import cn.kejiao.bench.HotLotBidders.Attempt;

/**
 * bench/auction: a live auction under contention, over HTTP against the packaged jar. Starts {@code kejiao.jar} on a
 * free port and a fresh data folder, prepares through the API what an organiser and bidders would (verified
 * enterprises with a user and a token each, a session, a hot lot, every bidder registered with its deposit recorded),
 * measures the HTTP floor (an authenticated GET /api/v1/me), then lets the bidders bid on the hot lot while hundreds of
 * watchers follow its live stream; afterwards replays the accepted bids and prints a Markdown table.
 */
public final class AuctionBenchmark {

	static final double RATIO_TARGET = 0.5;
	static final double BID_P99_TARGET_MS = 50;
	static final double DELIVERY_P99_TARGET_MS = 1000;

	/** Settings the jar runs with besides the data folder and port: no demo catalog, no embedding model. */
	static final List<String> APP_ARGUMENTS = List.of("--kejiao.demo.catalog-scale=none",
			"--kejiao.matching.embeddings.enabled=false", "--kejiao.organisation.notice-days=0",
			"--spring.main.banner-mode=off", "--logging.level.root=warn", "--logging.level.cn.kejiao.platform.database=info");

	public static void main(String[] args) throws Exception {
		int seconds = VoucherBenchmark.intArg(args, "--seconds", 20);
		int bidderCount = VoucherBenchmark.intArg(args, "--bidders", 100);
		int watcherCount = VoucherBenchmark.intArg(args, "--watchers", 500);
		int proxyEvery = VoucherBenchmark.intArg(args, "--proxy-every", 10);
		int warmup = VoucherBenchmark.intArg(args, "--warmup", 10);
		Path jar = Path.of(System.getenv().getOrDefault("KEJIAO_BENCH_JAR", "target/kejiao.jar"));
		List<String> jvmOptions = List.of(System.getenv().getOrDefault("KEJIAO_BENCH_APP_OPTS", "").split("\\s+"))
			.stream().filter(o -> !o.isBlank()).toList();
		// every client thread keeps its connection (the JDK keeps 5 idle ones per server unless told otherwise)
		System.setProperty("http.maxConnections", String.valueOf(2 * bidderCount + 50));
		String loadBefore = BookingBenchmark.loadAverage();

		long startedAt = System.nanoTime();
		try (PackagedKejiao kejiao = PackagedKejiao.start(jar, jvmOptions, APP_ARGUMENTS, Duration.ofMinutes(5))) {
			try {
				run(kejiao, seconds, bidderCount, watcherCount, proxyEvery, warmup, loadBefore,
						(System.nanoTime() - startedAt) / 1e9);
				// the group commit of bids says at the stop how many batches it committed
				Matcher batches = Pattern.compile("bids: (\\d+) jobs in (\\d+) batches").matcher(kejiao.stop());
				if (batches.find()) {
					System.out.printf(Locale.ROOT, "%nBids applied by Kejiao in the whole run (warm-up included): %s in %s "
							+ "batches, %.1f a batch%n", batches.group(1), batches.group(2),
							Double.parseDouble(batches.group(1)) / Double.parseDouble(batches.group(2)));
				}
			}
			catch (Exception | Error ex) {
				System.err.println("Kejiao's console, last lines:\n" + kejiao.tail(30));
				throw ex;
			}
		}
	}

	static void run(PackagedKejiao kejiao, int seconds, int bidderCount, int watcherCount, int proxyEvery, int warmup,
			String loadBefore, double startSeconds) throws Exception {
		String base = kejiao.base();
		AuctionPreparation api = new AuctionPreparation(base);
		System.err.printf(Locale.ROOT, "Kejiao healthy after %.1f s on %s (pid %d)%n", startSeconds, base, kejiao.pid());

		long t0 = System.nanoTime();
		String admin = api.token("admin", "kejiao-demo");
		String seller = api.token("provider-yn", "kejiao-demo");
		UUID sellerOrg = api.organisationOf(seller);
		String marker = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		List<Bidder> bidders = api.verifiedBidders(bidderCount, admin, marker);
		List<String> tokens = bidders.stream().map(Bidder::token).toList();
		AuctionLots lots = new AuctionLots(api, admin);
		UUID session = lots.session("长三角技术交易大会专利竞价会（压测）");
		String warmLot = lots.lot(session, sellerOrg, "预热拍品").toString();
		String hotLot = lots.lot(session, sellerOrg, "热门拍品：一种低品位铝土矿生产氧化铝的方法（发明专利）").toString();
		List<String> warmPseudonyms = lots.registerWithDeposits(warmLot, bidders);
		List<String> hotPseudonyms = lots.registerWithDeposits(hotLot, bidders);
		double prepared = (System.nanoTime() - t0) / 1e9;
		System.err.printf(Locale.ROOT, "prepared in %.1f s: %d verified bidders with tokens, a session, two lots, "
				+ "registrations and deposits%n", prepared, bidders.size());

		// warm-up of both paths, not counted: the floor, and bids on a lot of their own
		load(bidderCount, warmup, c -> me(api, tokens.get(c)));
		HotLotBidders bidding = new HotLotBidders(api);
		bidding.run(warmLot, bidders, warmPseudonyms, proxyEvery, warmup);

		Connection database = kejiao.database();
		Work floorWork = Work.start(kejiao, database);
		Load floor = load(bidderCount, seconds, c -> me(api, tokens.get(c)));
		Work.Done floorDone = floorWork.done(floor.requests());
		System.err.printf(Locale.ROOT, "floor: %.0f GET /api/v1/me per second%n", floor.rate());

		SseWatchers watchers = SseWatchers.open(base, hotLot, tokens, watcherCount);
		long connected = watchers.connectedCount();
		Thread.sleep(1000);
		Work bidWork = Work.start(kejiao, database);
		HotLotBidders.Run run = bidding.run(hotLot, bidders, hotPseudonyms, proxyEvery, seconds);
		Thread.sleep(2000); // the last events on their way
		Work.Done bidDone = bidWork.done(run.attempts().size());
		long stillConnected = watchers.connectedCount();
		watchers.close();
		System.err.printf(Locale.ROOT, "bidding: %d attempts, %d accepted in %.1f s%n", run.attempts().size(),
				run.accepted(), run.seconds());

		AuctionReplay.Check check = AuctionReplay.check(api, admin, hotLot, run.attempts(), bidders);
		Delivery delivery = Delivery.of(watchers, run);

		List<Double> acceptedMillis = run.attempts().stream().filter(a -> a.status() == 201).map(Attempt::millis).toList();
		List<Double> allMillis = run.attempts().stream().map(Attempt::millis).toList();
		Map<String, Integer> answers = new TreeMap<>();
		for (Attempt attempt : run.attempts()) {
			answers.merge(attempt.status() + (attempt.code().isEmpty() ? "" : " " + attempt.code()), 1, Integer::sum);
		}
		double acceptedRate = run.accepted() / run.seconds();
		double ratio = acceptedRate / floor.rate();
		double bidP99 = VoucherBenchmark.pct(acceptedMillis, 99);

		System.out.println();
		System.out.printf("Machine: %d CPUs, JDK %s, load average before the run %s; %d bidders (every %s a proxy), "
				+ "%d watchers, %d s per phase after %d s of warm-up%n", Runtime.getRuntime().availableProcessors(),
				Runtime.version(), loadBefore, bidders.size(), proxyEvery > 0 ? proxyEvery + "th" : "none", watcherCount,
				seconds, warmup);
		System.out.println("Kejiao: " + kejiao.commandShown() + "\n");
		System.out.println("| measure | value | target | met |");
		System.out.println("|---|---:|---|---|");
		row("HTTP floor: GET /api/v1/me, requests/s (p50 / p99 ms)", "%.0f (%.1f / %.1f)", floor.rate(),
				VoucherBenchmark.pct(floor.millis(), 50), VoucherBenchmark.pct(floor.millis(), 99));
		row("bids submitted/s (p50 / p99 ms of every answer); lot reads/s", "%.0f (%.1f / %.1f); %.0f",
				run.attempts().size() / run.seconds(), VoucherBenchmark.pct(allMillis, 50),
				VoucherBenchmark.pct(allMillis, 99), run.reads() / run.seconds());
		row("answers " + answers, "%d accepted, %d refused (409)", run.accepted(),
				run.attempts().stream().filter(a -> a.status() == 409).count());
		System.out.printf(Locale.ROOT, "| **accepted bids/s**, ratio to the floor | %.0f (%.0f%%) | ≥ 50%% of the floor | %s |%n",
				acceptedRate, 100 * ratio, met(ratio >= RATIO_TARGET));
		System.out.printf(Locale.ROOT, "| **accepted bid latency** p50 / p99 ms | %.1f / %.1f | p99 ≤ %.0f ms | %s |%n",
				VoucherBenchmark.pct(acceptedMillis, 50), bidP99, BID_P99_TARGET_MS, met(bidP99 <= BID_P99_TARGET_MS));
		row("SSE watchers: connected before / after the bidding; streams opened again", "%d / %d; %d", connected,
				stillConnected, watchers.reopened.get());
		row("events: new leading amounts announced (accepted bids that moved the price) / received by all watchers",
				"%d / %d", delivery.events(), delivery.delivered());
		System.out.printf(Locale.ROOT, "| **SSE delivery** from the server's acceptance (`at`) p50 / p99 ms | %.1f / %.1f | p99 ≤ %.0f ms | %s |%n",
				delivery.p50(), delivery.p99(), DELIVERY_P99_TARGET_MS, met(delivery.p99() <= DELIVERY_P99_TARGET_MS));
		row("SSE delivery from the 201 reaching its bidder, p50 / p99 ms (negative: the event came first)",
				"%.1f / %.1f", delivery.afterAnswerP50(), delivery.afterAnswerP99());
		System.out.printf(Locale.ROOT, "| **missed events** (all watchers; watchers missing any) | %d (%d) | 0 | %s |%n",
				delivery.missed(), delivery.watchersMissing(), met(delivery.missed() == 0));
		System.out.printf(Locale.ROOT, "| **inconsistencies** with a sequential replay %s | %d | 0 | %s |%n",
				check.kinds(), check.inconsistencies(), met(check.inconsistencies() == 0));
		row("final state: leading amount, leader, price steps, bids", "%s, %s, %d, %d", check.leadingAmount(),
				check.leader(), check.steps(), check.bids());
		row("PostgreSQL work per GET /api/v1/me: transactions / rows written / rows read", "%.2f / %.2f / %.1f",
				floorDone.transactions(), floorDone.written(), floorDone.read());
		row("PostgreSQL work per bid submitted: transactions / rows written / rows read", "%.2f / %.2f / %.1f",
				bidDone.transactions(), bidDone.written(), bidDone.read());
		double perAccepted = (double) run.attempts().size() / Math.max(1, run.accepted());
		row("the same per accepted bid (the refused ones' share included)", "%.2f / %.2f / %.1f",
				bidDone.transactions() * perAccepted, bidDone.written() * perAccepted, bidDone.read() * perAccepted);
		row("CPU ms per GET /api/v1/me: Kejiao / PostgreSQL / the benchmark's clients", "%.2f / %.2f / %.2f",
				floorDone.appCpuMs(), floorDone.databaseCpuMs(), floorDone.clientCpuMs());
		row("CPU ms per bid submitted (a lot read with it), watchers' streams included: Kejiao / PostgreSQL / clients",
				"%.2f / %.2f / %.2f", bidDone.appCpuMs(), bidDone.databaseCpuMs(), bidDone.clientCpuMs());
		row("Kejiao's CPU by thread, floor", "%s", floorDone.threadShares());
		row("Kejiao's CPU by thread, bidding", "%s", bidDone.threadShares());
		row("CPUs", "%d", Runtime.getRuntime().availableProcessors());
		if (run.failures() + floor.failures() + watchers.failures.get() > 0 || !watchers.otherEvents.isEmpty()) {
			System.out.printf("%nFailed requests: bidders %d, floor %d, watchers %d; other events %s%n", run.failures(),
					floor.failures(), watchers.failures.get(), watchers.otherEvents);
		}
		if (watchers.sample != null) {
			System.out.println("\nAn event as watchers got it: " + watchers.sample);
		}
		database.close();
	}

	static void row(String measure, String format, Object... values) {
		System.out.printf(Locale.ROOT, "| %s | %s | | |%n", measure, String.format(Locale.ROOT, format, values));
	}

	static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

	static void me(AuctionPreparation api, String token) throws Exception {
		api.expect(200, "GET", "/api/v1/me", token, null);
	}

	interface Step {
		void run(int client) throws Exception;
	}

	/** Requests of a load: their latencies, the wall seconds, failed requests. */
	record Load(List<Double> millis, double seconds, int failures) {

		long requests() {
			return millis.size();
		}

		double rate() {
			return millis.size() / seconds;
		}
	}

	/** Runs the step in a loop on each client for the seconds. */
	static Load load(int clients, int seconds, Step step) throws Exception {
		List<Double> millis = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failed = new AtomicInteger();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				futures.add(pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						long t0 = System.nanoTime();
						try {
							step.run(client);
							millis.add((System.nanoTime() - t0) / 1e6);
						}
						catch (Exception ex) {
							if (failed.incrementAndGet() <= 3) {
								System.err.println(ex);
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
		return new Load(List.copyOf(millis), (System.nanoTime() - started) / 1e9, failed.get());
	}

	/** What a phase cost: PostgreSQL's counters and the CPU of Kejiao, its PostgreSQL and this JVM. */
	record Work(PackagedKejiao kejiao, Connection database, long[] counters, double app, double postgres, double client,
			Map<Long, Map.Entry<String, Double>> threads) {

		/**
		 * Per request; {@code threads}: the share each kind of thread had of the CPU that Kejiao's threads alive at the
		 * end of the phase used during it (a thread that ended meanwhile takes its CPU with it).
		 */
		record Done(double transactions, double written, double read, double appCpuMs, double databaseCpuMs,
				double clientCpuMs, Map<String, Double> threads) {

			String threadShares() {
				StringBuilder shares = new StringBuilder();
				threads.forEach((kind, share) -> shares.append(shares.isEmpty() ? "" : ", ")
					.append(String.format(Locale.ROOT, "%s %.0f%%", kind, 100 * share)));
				return shares.toString();
			}
		}

		static Work start(PackagedKejiao kejiao, Connection database) throws Exception {
			return new Work(kejiao, database, kejiao.databaseWork(database), kejiao.cpuSeconds(),
					VoucherBenchmark.databaseCpuSeconds(kejiao.dataDir), VoucherBenchmark.javaCpuSeconds(),
					kejiao.threadCpuSeconds());
		}

		/** Per request, once the statistics of the last transactions have reached PostgreSQL's view. */
		Done done(long requests) throws Exception {
			double app = kejiao.cpuSeconds() - this.app;
			double postgres = VoucherBenchmark.databaseCpuSeconds(kejiao.dataDir) - this.postgres;
			double client = VoucherBenchmark.javaCpuSeconds() - this.client;
			Map<String, Double> used = new TreeMap<>();
			kejiao.threadCpuSeconds().forEach((tid, now) -> {
				Map.Entry<String, Double> before = threads.get(tid);
				used.merge(now.getKey(), now.getValue() - (before == null ? 0 : before.getValue()), Double::sum);
			});
			double all = Math.max(0.01, used.values().stream().mapToDouble(Double::doubleValue).sum());
			Map<String, Double> shares = new TreeMap<>();
			used.forEach((kind, seconds) -> shares.put(kind, seconds / all));
			Thread.sleep(1500);
			long[] now = kejiao.databaseWork(database);
			double n = Math.max(1, requests);
			return new Done((now[0] - counters[0]) / n, (now[1] - counters[1]) / n, (now[2] - counters[2]) / n,
					1000 * app / n, 1000 * postgres / n, 1000 * client / n, shares);
		}
	}
}
