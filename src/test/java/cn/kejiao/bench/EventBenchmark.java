package cn.kejiao.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.kejiao.bench.AuctionPreparation.Answer;
import cn.kejiao.bench.AuctionPreparation.Bidder;
import cn.kejiao.platform.ChinaTime;
import tools.jackson.databind.JsonNode;

/**
 * bench/events: a burst of registrations for one event, over HTTP against the packaged jar. Starts {@code kejiao.jar}
 * on a free port and a fresh data folder, registers N people through the API as their organisations would (verified
 * enterprises with a user and a token each), has 嘉定's admin open a matchmaking session with C places, then lets all N
 * register at the same moment, each on its own kept-alive connection. Afterwards it checks by SQL that exactly C were
 * admitted and that the waiting positions answered are 1..N−C without gap or repeat, in the order of the registrations'
 * arrival numbers (the event's lock order), and prints a Markdown table.
 */
public final class EventBenchmark {

	public static void main(String[] args) throws Exception {
		int people = VoucherBenchmark.intArg(args, "--people", 1000);
		int capacity = VoucherBenchmark.intArg(args, "--capacity", 200);
		Path jar = Path.of(System.getenv().getOrDefault("KEJIAO_BENCH_JAR", "target/kejiao.jar"));
		List<String> jvmOptions = List.of(System.getenv().getOrDefault("KEJIAO_BENCH_APP_OPTS", "").split("\\s+"))
			.stream().filter(o -> !o.isBlank()).toList();
		System.setProperty("http.maxConnections", String.valueOf(people + 50));
		String loadBefore = BookingBenchmark.loadAverage();
		long startedAt = System.nanoTime();
		try (PackagedKejiao kejiao = PackagedKejiao.start(jar, jvmOptions, AuctionBenchmark.APP_ARGUMENTS, Duration.ofMinutes(5))) {
			try {
				run(kejiao, people, capacity, loadBefore, (System.nanoTime() - startedAt) / 1e9);
			}
			catch (Exception | Error ex) {
				System.err.println("Kejiao's console, last lines:\n" + kejiao.tail(30));
				throw ex;
			}
		}
	}

	/** One registration's answer: status, code, waiting position, registration id, milliseconds. */
	record Attempt(int status, String code, int position, String registrationId, double millis) {
	}

	static void run(PackagedKejiao kejiao, int people, int capacity, String loadBefore, double startSeconds) throws Exception {
		AuctionPreparation api = new AuctionPreparation(kejiao.base());
		System.err.printf(Locale.ROOT, "Kejiao healthy after %.1f s on %s (pid %d)%n", startSeconds, kejiao.base(), kejiao.pid());
		long t0 = System.nanoTime();
		String admin = api.token("admin", "kejiao-demo");
		String organiser = api.token("jd-admin", "kejiao-demo");
		String marker = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		List<Bidder> persons = api.verifiedBidders(people, admin, marker);
		LocalDateTime start = LocalDateTime.now(ChinaTime.ZONE).plusDays(7).withHour(9).withMinute(0).withSecond(0).withNano(0);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("kind", "MATCHMAKING");
		event.put("title", "科技入滇 沪滇科技成果对接会（压测）");
		event.put("startsAt", start.toString());
		event.put("endsAt", start.plusHours(8).toString());
		event.put("place", "上海市嘉定区 嘉定科技城会议中心");
		event.put("organisers", List.of("310114", "532600"));
		event.put("capacity", capacity);
		event.put("open", true);
		String eventId = api.expect(201, "POST", "/api/v1/events", organiser, event).get("id").asString();
		System.err.printf(Locale.ROOT, "prepared in %.1f s: %d verified people with tokens, an event with %d places%n",
				(System.nanoTime() - t0) / 1e9, persons.size(), capacity);
		// each person's connection opened (and kept alive) before the burst: the burst measures registering
		warm(api, persons);

		String path = "/api/v1/events/" + eventId + "/registrations";
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Attempt>> futures = new ArrayList<>();
		long burstStart;
		long burstEnd;
		try (ExecutorService pool = Executors.newFixedThreadPool(people)) {
			for (Bidder person : persons) {
				futures.add(pool.submit(() -> {
					go.await();
					long sent = System.nanoTime();
					Answer answer = api.send("POST", path, person.token(), "{\"note\":\"压测报名\"}");
					double millis = (System.nanoTime() - sent) / 1e6;
					JsonNode json = answer.json();
					String code = json.path("code").asString("");
					JsonNode registration = answer.status() == 201 ? json : json.path("registration");
					return new Attempt(answer.status(), code, json.path("position").asInt(0),
							registration.path("id").asString(""), millis);
				}));
			}
			Thread.sleep(500);
			burstStart = System.nanoTime();
			go.countDown();
			for (Future<Attempt> future : futures) {
				future.get();
			}
			burstEnd = System.nanoTime();
		}
		List<Attempt> attempts = new ArrayList<>();
		for (Future<Attempt> future : futures) {
			attempts.add(future.get());
		}
		double seconds = (burstEnd - burstStart) / 1e9;
		report(kejiao, eventId, people, capacity, attempts, seconds, loadBefore);
	}

	private static void warm(AuctionPreparation api, List<Bidder> persons) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, persons.size()))) {
			List<Future<?>> warming = new ArrayList<>();
			for (Bidder person : persons) {
				warming.add(pool.submit(() -> {
					AuctionBenchmark.me(api, person.token());
					return null;
				}));
			}
			for (Future<?> future : warming) {
				future.get();
			}
		}
	}

	private static void report(PackagedKejiao kejiao, String eventId, int people, int capacity, List<Attempt> attempts,
			double seconds, String loadBefore) throws Exception {
		Map<String, Integer> answers = new TreeMap<>();
		attempts.forEach(a -> answers.merge(a.status() + (a.code().isEmpty() ? "" : " " + a.code()), 1, Integer::sum));
		List<Double> millis = attempts.stream().map(Attempt::millis).toList();
		long created = attempts.stream().filter(a -> a.status() == 201).count();
		Map<String, Integer> answeredPosition = new LinkedHashMap<>();
		attempts.stream().filter(a -> a.status() == 409 && "EVENT_FULL".equals(a.code()))
			.forEach(a -> answeredPosition.put(a.registrationId(), a.position()));
		int admitted;
		List<String> waitingByArrival = new ArrayList<>();
		try (Connection database = kejiao.database()) {
			try (PreparedStatement count = database.prepareStatement(
					"select count(*) from cooperation.event_registration where event_id = ? and state = 'ADMITTED'")) {
				count.setObject(1, UUID.fromString(eventId));
				try (ResultSet rs = count.executeQuery()) {
					rs.next();
					admitted = rs.getInt(1);
				}
			}
			try (PreparedStatement waiting = database.prepareStatement("""
					select id from cooperation.event_registration where event_id = ? and state = 'WAITING' order by arrival""")) {
				waiting.setObject(1, UUID.fromString(eventId));
				try (ResultSet rs = waiting.executeQuery()) {
					while (rs.next()) {
						waitingByArrival.add(rs.getString(1));
					}
				}
			}
		}
		int misplaced = 0;
		for (int i = 0; i < waitingByArrival.size(); i++) {
			Integer position = answeredPosition.get(waitingByArrival.get(i));
			if (position == null || position != i + 1) {
				misplaced++;
			}
		}
		boolean gapless = waitingByArrival.size() == people - capacity && answeredPosition.size() == people - capacity
				&& misplaced == 0;

		System.out.println();
		System.out.printf("Machine: %d CPUs, JDK %s, load average before the run %s; %d people registering at once for "
				+ "%d places%n", Runtime.getRuntime().availableProcessors(), Runtime.version(), loadBefore, people, capacity);
		System.out.println("Kejiao: " + kejiao.commandShown() + "\n");
		System.out.println("| measure | value | target | met |");
		System.out.println("|---|---:|---|---|");
		AuctionBenchmark.row("burst: registrations answered / wall time", "%d in %.2f s", attempts.size(), seconds);
		System.out.printf(Locale.ROOT, "| **registrations/s** | %.0f | | |%n", attempts.size() / seconds);
		System.out.printf(Locale.ROOT, "| **latency** p50 / p95 / p99 / max ms | %.0f / %.0f / %.0f / %.0f | | |%n",
				VoucherBenchmark.pct(millis, 50), VoucherBenchmark.pct(millis, 95), VoucherBenchmark.pct(millis, 99),
				VoucherBenchmark.pct(millis, 100));
		AuctionBenchmark.row("answers " + answers, "%d admitted (201), %d waiting (409 EVENT_FULL)", created,
				answeredPosition.size());
		System.out.printf(Locale.ROOT, "| **admitted**, by SQL | %d | = %d places | %s |%n", admitted, capacity,
				AuctionBenchmark.met(admitted == capacity && created == capacity));
		System.out.printf(Locale.ROOT, "| **waiting positions** 1..%d gapless, in arrival (lock) order | %d waiting, %d misplaced | "
				+ "gapless, 0 misplaced | %s |%n", people - capacity, waitingByArrival.size(), misplaced,
				AuctionBenchmark.met(gapless));
	}
}
