package cn.kejiao.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.Mode;
import cn.kejiao.booking.Rules;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/booking: booking under contention over HTTP. 64 clients book for {@code --seconds}: half of them contend for
 * the same few instruments over the next two weeks, the others book across many instruments over the year ahead.
 * Afterwards PostgreSQL is asked for overlapping live bookings (must be 0) and every answer is judged (a 201 that
 * overlaps, a 409 whose clash is not a booking holding that time, any other status: wrong). Then a week's
 * availability is fetched one after another for its p95; and, in the same run and with as many clients, an
 * authenticated GET /api/v1/me is this machine's HTTP floor. Prints a Markdown table.
 */
public final class BookingBenchmark {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> BOOKERS = List.of("ent-jd", "ent-ws", "provider-yn", "expert-sh", "expert-cq", "expert-tj",
			"expert-km", "expert-yn");

	static final double AVAILABILITY_TARGET_MS = 20;

	/** One booking attempt and its answer. */
	record Attempt(UUID instrument, Instant start, Instant end, int status, String body, double millis) {
	}

	public static void main(String[] args) throws Exception {
		int seconds = VoucherBenchmark.intArg(args, "--seconds", 20);
		int clients = VoucherBenchmark.intArg(args, "--clients", 64);
		int contendedCount = VoucherBenchmark.intArg(args, "--contended", 4);
		int spreadCount = VoucherBenchmark.intArg(args, "--spread", 60);
		int fetches = VoucherBenchmark.intArg(args, "--fetches", 400);
		String loadBefore = loadAverage();
		Path dataDir = Files.createTempDirectory("kejiao-booking-bench");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(KejiaoApplication.class)
			.run("--kejiao.data-dir=" + dataDir, "--kejiao.demo.enabled=true", "--kejiao.demo.catalog-scale=small",
					"--kejiao.demo.catalog-in-background=false", "--server.port=0", "--spring.main.banner-mode=off",
					"--logging.level.root=warn", "--kejiao.matching.embeddings.enabled=false");
		VoucherBenchmark.app = app;
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			String base = "http://localhost:" + port;
			List<UUID> contended = instruments(app, "争用", contendedCount);
			List<UUID> spread = instruments(app, "分散", spreadCount);
			List<String> tokens = new ArrayList<>();
			for (String booker : BOOKERS) {
				tokens.add(Http.as(port, booker).token());
			}
			LocalDate today = LocalDate.now(ChinaTime.ZONE);

			// warm-up of both paths, not counted
			load(base, tokens, clients, 5, c -> me(base, tokens, c));
			List<Attempt> warm = Collections.synchronizedList(new ArrayList<>());
			load(base, tokens, clients, 5, c -> warm.add(book(base, tokens.get(c % tokens.size()),
					spread.get(ThreadLocalRandom.current().nextInt(spread.size())), today.plusDays(300), 0)));

			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long[] beforeFloor = databaseWork(jdbc);
			double[] floor = load(base, tokens, clients, seconds, c -> me(base, tokens, c));
			long[] floorWork = since(jdbc, beforeFloor);
			long meRequests = Math.round(floor[1] * floor[0]);
			long[] beforeBooking = databaseWork(jdbc);
			List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
			double[] booking = load(base, tokens, clients, seconds, c -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				boolean contending = c < clients / 2;
				UUID instrument = contending ? contended.get(random.nextInt(contended.size()))
						: spread.get(random.nextInt(spread.size()));
				LocalDate day = today.plusDays(contending ? 1 + random.nextInt(14) : 1 + random.nextInt(290));
				attempts.add(book(base, tokens.get(c % tokens.size()), instrument, day, 0));
			});

			List<UUID> all = new ArrayList<>(contended);
			all.addAll(spread);
			long overlapping = jdbc.sql("""
					select count(*) from booking.reservation a join booking.reservation b
					  on a.instrument_id = b.instrument_id and a.id < b.id and a.period && b.period
					where a.instrument_id in (:ids)
					  and a.state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')
					  and b.state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')""")
				.param("ids", all).query(Long.class).single();
			Map<String, Integer> wrong = judge(jdbc, attempts);
			long created = attempts.stream().filter(a -> a.status() == 201).count();
			long clashed = attempts.stream().filter(a -> a.status() == 409).count();
			long contendedCreated = attempts.stream().filter(a -> a.status() == 201 && contended.contains(a.instrument())).count();
			long contendedAttempts = attempts.stream().filter(a -> contended.contains(a.instrument())).count();

			// what the bookings set going after their commit (notices, the waiting list) is finished before the calendar
			// is timed, so that the availability's figure is its own and not the backlog's
			long drainStarted = System.nanoTime();
			while (jdbc.sql("select count(*) from platform.event_publication where completion_date is null")
				.query(Long.class).single() > 0 && System.nanoTime() - drainStarted < 180_000_000_000L) {
				Thread.sleep(200);
			}
			double drained = (System.nanoTime() - drainStarted) / 1e9;
			long[] bookingWork = since(jdbc, beforeBooking);
			List<Double> week = availability(base, tokens.getFirst(), contended, spread, today, fetches);
			double p95 = VoucherBenchmark.pct(week, 95);
			double bookingRate = attempts.size() / booking[0];
			double ratio = bookingRate / floor[1];
			int wrongTotal = wrong.values().stream().mapToInt(Integer::intValue).sum();

			System.out.println();
			System.out.printf("Machine: %d cores, JDK %s, load average before the run %s; %d clients, %d s per phase; "
					+ "%d contended and %d spread instruments (open around the clock, half-hour slots, confirmed at once)%n%n",
					Runtime.getRuntime().availableProcessors(), Runtime.version(), loadBefore, clients, seconds,
					contended.size(), spread.size());
			System.out.println("| measure | value | target | met |");
			System.out.println("|---|---:|---|---|");
			System.out.printf(Locale.ROOT, "| HTTP floor: GET /api/v1/me, requests/s (p50 / p95 ms) | %.0f (%.1f / %.1f) | | |%n",
					floor[1], floor[2], floor[3]);
			System.out.printf(Locale.ROOT, "| booking attempts/s (p50 / p95 ms) | %.0f (%.1f / %.1f) | ≥ 50%% of the floor | %s (%.0f%%) |%n",
					bookingRate, booking[2], booking[3], ratio >= 0.5 ? "yes" : "**no**", 100 * ratio);
			System.out.printf(Locale.ROOT, "| attempts: 201 / 409 (contended: %d attempts, %d booked) | %d / %d | | |%n",
					contendedAttempts, contendedCreated, created, clashed);
			System.out.printf(Locale.ROOT, "| overlapping live bookings (SQL) | %d | 0 | %s |%n", overlapping,
					overlapping == 0 ? "yes" : "**no**");
			System.out.printf(Locale.ROOT, "| wrong outcomes %s | %d | 0 | %s |%n", wrong, wrongTotal, wrongTotal == 0 ? "yes" : "**no**");
			System.out.printf(Locale.ROOT, "| PostgreSQL work per GET /api/v1/me: transactions / rows written / rows read | %.2f / %.2f / %.1f | | |%n",
					(double) floorWork[0] / meRequests, (double) floorWork[1] / meRequests, (double) floorWork[2] / meRequests);
			System.out.printf(Locale.ROOT, "| PostgreSQL work per booking attempt, its events' delivery included: transactions / rows written / rows read | %.2f / %.2f / %.1f | | |%n",
					(double) bookingWork[0] / attempts.size(), (double) bookingWork[1] / attempts.size(),
					(double) bookingWork[2] / attempts.size());
			System.out.printf(Locale.ROOT, "| events the bookings published, still being delivered after the phase | %.1f s | | |%n", drained);
			System.out.printf(Locale.ROOT, "| a week's availability, p50 / p95 / max ms (%d fetches, one client) | %.1f / %.1f / %.1f | p95 ≤ %.0f ms | %s |%n",
					week.size(), VoucherBenchmark.pct(week, 50), p95, VoucherBenchmark.pct(week, 100), AVAILABILITY_TARGET_MS,
					p95 <= AVAILABILITY_TARGET_MS ? "yes" : "**no**");
		}
		finally {
			app.close();
		}
	}

	/** New instruments of provider-jd, open around the clock every day, booked at once; their ids. */
	static List<UUID> instruments(ConfigurableApplicationContext app, String name, int count) {
		Catalog catalog = app.getBean(Catalog.class);
		BookingRules rules = app.getBean(BookingRules.class);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String code = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
			String title = "压测仪器（" + name + "）" + (i + 1);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("originalValue", "1200000");
			details.put("internalPrice", "180.00");
			details.put("bookingMode", "自动审批");
			UUID id = VoucherBenchmark.as("provider-jd", () -> {
				var entry = catalog.create(EntryType.INSTRUMENT, new EntryForm(code, title,
						"压测用仪器。", "压测", "X射线仪器", new BigDecimal("300.00"), "HOUR", Set.of(), null, Confidentiality.PUBLIC,
						null, details));
				return catalog.publish(entry.id()).id();
			});
			VoucherBenchmark.as("provider-jd", () -> rules.save(new Rules(id, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
					List.of(1, 2, 3, 4, 5, 6, 7), false, 30, 30, 240, 366, false, false, 24, Mode.SELF, true)));
			ids.add(id);
		}
		return ids;
	}

	interface Step {
		void run(int client) throws Exception;
	}

	/**
	 * Runs the step in a loop on each client for the seconds; wall seconds, requests per second, p50 and p95 ms of
	 * one step.
	 */
	static double[] load(String base, List<String> tokens, int clients, int seconds, Step step) throws Exception {
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
						}
						catch (Exception ex) {
							if (failed.incrementAndGet() <= 3) {
								System.err.println(ex);
							}
						}
						millis.add((System.nanoTime() - t0) / 1e6);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		double wall = (System.nanoTime() - started) / 1e9;
		return new double[] { wall, millis.size() / wall, VoucherBenchmark.pct(millis, 50), VoucherBenchmark.pct(millis, 95),
				failed.get() };
	}

	static void me(String base, List<String> tokens, int client) throws IOException {
		Answer answer = exchange("GET", base + "/api/v1/me", tokens.get(client % tokens.size()), null);
		if (answer.status() != 200) {
			throw new IllegalStateException("GET /api/v1/me: " + answer.status());
		}
	}

	/** A booking of one to four half hours at a random half hour of the day (China time). */
	static Attempt book(String base, String token, UUID instrument, LocalDate day, int fixedHalfHour) throws IOException {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int halfHours = 1 + random.nextInt(4);
		int first = fixedHalfHour > 0 ? fixedHalfHour : random.nextInt(48 - halfHours + 1);
		Instant start = day.atStartOfDay(ChinaTime.ZONE).toInstant().plus(Duration.ofMinutes(30L * first));
		Instant end = start.plus(Duration.ofMinutes(30L * halfHours));
		String body = "{\"instrumentId\":\"" + instrument + "\",\"start\":\"" + start.atOffset(ZoneOffset.ofHours(8))
				+ "\",\"end\":\"" + end.atOffset(ZoneOffset.ofHours(8)) + "\",\"purpose\":\"压测\"}";
		long t0 = System.nanoTime();
		Answer answer = exchange("POST", base + "/api/v1/bookings", token, body);
		return new Attempt(instrument, start, end, answer.status(), answer.status() == 201 ? "" : answer.body(),
				(System.nanoTime() - t0) / 1e6);
	}

	/**
	 * The wrong answers by kind: a 409 that is not booking.clash, whose clash does not overlap what was asked or is no
	 * live booking of the instrument; any status but 201 and 409.
	 */
	static Map<String, Integer> judge(JdbcClient jdbc, List<Attempt> attempts) {
		Map<String, Integer> wrong = new LinkedHashMap<>();
		wrong.put("5xx", 0);
		wrong.put("other status", 0);
		wrong.put("409 not a clash", 0);
		wrong.put("409 for a free time", 0);
		for (Attempt attempt : attempts) {
			if (attempt.status() == 201) {
				continue;
			}
			if (attempt.status() >= 500) {
				wrong.merge("5xx", 1, Integer::sum);
				continue;
			}
			if (attempt.status() != 409) {
				wrong.merge("other status", 1, Integer::sum);
				continue;
			}
			JsonNode problem = JSON.readTree(attempt.body());
			if (!"booking.clash".equals(problem.path("code").asString())) {
				wrong.merge("409 not a clash", 1, Integer::sum);
				continue;
			}
			Instant start = OffsetDateTime.parse(problem.get("clash").get("start").asString()).toInstant();
			Instant end = OffsetDateTime.parse(problem.get("clash").get("end").asString()).toInstant();
			boolean overlaps = start.isBefore(attempt.end()) && end.isAfter(attempt.start());
			boolean held = overlaps && jdbc.sql("""
					select count(*) from booking.reservation where instrument_id = :id and period = tstzrange(:start, :end)
					  and state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')""")
				.param("id", attempt.instrument()).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
				.query(Long.class).single() == 1;
			if (!held) {
				wrong.merge("409 for a free time", 1, Integer::sum);
			}
		}
		wrong.values().removeIf(v -> v == 0);
		return wrong;
	}

	/** A week's availability (7 days from tomorrow), fetched one after another after a warm-up; milliseconds each. */
	static List<Double> availability(String base, String token, List<UUID> contended, List<UUID> spread, LocalDate today,
			int fetches) throws IOException {
		List<UUID> instruments = new ArrayList<>(contended);
		instruments.addAll(spread.subList(0, Math.min(4, spread.size())));
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < fetches + 50; i++) {
			UUID instrument = instruments.get(i % instruments.size());
			LocalDate from = today.plusDays(1 + i % 7);
			String url = base + "/api/v1/instruments/" + instrument + "/availability?from=" + from + "&to=" + from.plusDays(6);
			long t0 = System.nanoTime();
			Answer answer = exchange("GET", url, token, null);
			double took = (System.nanoTime() - t0) / 1e6;
			if (answer.status() != 200) {
				throw new IllegalStateException(url + ": " + answer.status() + " " + answer.body());
			}
			if (i >= 50) {
				millis.add(took);
			}
		}
		return millis;
	}

	record Answer(int status, String body) {
	}

	/** A request on a kept-alive connection (as {@link BlockingHttp}), with its status whatever it is. */
	static Answer exchange(String method, String url, String token, String json) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		connection.setRequestMethod(method);
		connection.setRequestProperty("Authorization", "Bearer " + token);
		if (json != null) {
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			try (var body = connection.getOutputStream()) {
				body.write(json.getBytes(StandardCharsets.UTF_8));
			}
		}
		int status = connection.getResponseCode();
		try (var answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
			return new Answer(status, answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/** What PostgreSQL has done so far in the database: transactions, rows written, rows read. */
	static long[] databaseWork(JdbcClient jdbc) {
		return jdbc.sql("""
				select xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
				from pg_stat_database where datname = current_database()""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
	}

	/** The work done since {@code before}, once the statistics of the last transactions have reached the view. */
	static long[] since(JdbcClient jdbc, long[] before) throws InterruptedException {
		Thread.sleep(1500);
		long[] now = databaseWork(jdbc);
		return new long[] { now[0] - before[0], now[1] - before[1], now[2] - before[2] };
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}
}
