package cn.kejiao.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Verification;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.database.EmbeddedDatabase;
import cn.kejiao.support.Http;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.SchemeForm;
import cn.kejiao.voucher.SchemeView;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.voucher.VoucherSchemes;
import cn.kejiao.voucher.VoucherApplications;

/**
 * bench/voucher: the money path under load. Each client owns a grant of a Yunnan scheme and runs cycles of
 * accept (voucher part held) → deliver → confirm (held part posted to the provider) over HTTP against orders
 * that were requested and quoted beforehand; at 1, 8 and 64 clients, with the ledger verified after each level.
 * pgbench's simple-update against the same embedded PostgreSQL is the ceiling of this machine's database.
 * Prints a Markdown table.
 */
public final class VoucherBenchmark {

	static ConfigurableApplicationContext app;

	static final java.util.Map<String, UserView> USERS = new java.util.concurrent.ConcurrentHashMap<>();

	public static void main(String[] args) throws Exception {
		int seconds = intArg(args, "--seconds", 20);
		// --facades: the same cycles through the facades in-process, without HTTP, security and JSON (for comparison)
		boolean facades = java.util.Arrays.asList(args).contains("--facades");
		int[] levels = java.util.Arrays.stream(stringArg(args, "--clients", "1,8,64").split(",")).mapToInt(Integer::parseInt)
			.toArray();
		Path dataDir = Files.createTempDirectory("kejiao-voucher-bench");
		app = new SpringApplicationBuilder(KejiaoApplication.class)
			.run("--kejiao.data-dir=" + dataDir, "--kejiao.demo.enabled=true", "--kejiao.demo.catalog-scale=small",
					"--kejiao.demo.catalog-in-background=false", "--server.port=0", "--spring.main.banner-mode=off",
					"--logging.level.root=warn", "--logging.level.cn.kejiao=info", "--kejiao.voucher.job-interval=PT100H",
					// the money path alone: no catch-up embedding of the new demo catalog in the middle of a level
					"--kejiao.matching.embeddings.enabled=false");
		List<String> rows = new ArrayList<>();
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			VoucherSchemes voucherSchemes = app.getBean(VoucherSchemes.class);
			VoucherApplications voucherApplications = app.getBean(VoucherApplications.class);
			ServiceOrders orders = app.getBean(ServiceOrders.class);
			SchemeView scheme = as("yn-admin", () -> voucherSchemes.createScheme(new SchemeForm("530000", "压测券", null,
					new Money(900_000_000_000L), new BigDecimal("0.5"), new Money(900_000_000_000L), List.of(), "hu-dian", List.of(),
					LocalDate.now().minusDays(1), null, null)));
			List<UUID> grants = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				var application = as("ent-ws", () -> voucherApplications.apply(scheme.id(), Money.ofYuan("10000000.00", "amount"), "压测"));
				grants.add(as("yn-admin", () -> voucherApplications.approve(application.id(), null)).grantId());
			}
			UUID provider = user("provider-jd").organisationId();
			String enterpriseToken = Http.as(port, "ent-ws").token();
			String providerToken = Http.as(port, "provider-jd").token();
			String orderUrl = "http://localhost:" + port + "/api/v1/orders/";
			EmbeddedDatabase database = app.getBean(EmbeddedDatabase.class);

			for (int clients : levels) {
				// enough quoted orders for the level's duration, made beforehand and not timed: one through the facades,
				// the rest copies of it in SQL (tens of thousands of requests and quotes would take minutes)
				int perClient = seconds * (clients == 1 ? 300 : clients <= 8 ? 160 : 40);
				OrderView template = as("ent-ws", () -> orders.request(provider, null, "压测订单", "检验检测"));
				as("provider-jd", () -> orders.quote(template.id(), Money.ofYuan("1000.00", "amount")));
				List<List<UUID>> work = new ArrayList<>();
				for (int c = 0; c < clients; c++) {
					work.add(copies(app.getBean(JdbcClient.class), template.id(), "-" + clients + "-" + c + "-", perClient));
				}
				List<Double> cycles = Collections.synchronizedList(new ArrayList<>());
				List<Double> requests = Collections.synchronizedList(new ArrayList<>());
				double dbCpuBefore = databaseCpuSeconds(dataDir);
				double javaCpuBefore = javaCpuSeconds();
				java.util.concurrent.atomic.AtomicInteger ranOut = new java.util.concurrent.atomic.AtomicInteger();
				double wall;
				try (var pool = (java.util.concurrent.ThreadPoolExecutor) Executors.newFixedThreadPool(clients)) {
					pool.prestartAllCoreThreads();
					java.util.Map<Long, Long> threadCpuBefore = threadCpu();
					long deadline = System.nanoTime() + seconds * 1_000_000_000L;
					long started = System.nanoTime();
					List<Future<?>> futures = new ArrayList<>();
					for (int c = 0; c < clients; c++) {
						UUID grant = grants.get(c);
						List<UUID> mine = work.get(c);
						futures.add(pool.submit(() -> {
							for (UUID order : mine) {
								if (System.nanoTime() > deadline) {
									return null;
								}
								long t0 = System.nanoTime();
								long t1;
								long t2;
								long t3;
								if (facades) {
									as("ent-ws", () -> orders.accept(order, Money.ofYuan("1000.00", "quotedAmount"), grant, Money.ofYuan("500.00", "voucherAmount"), "b-" + order));
									t1 = System.nanoTime();
									as("provider-jd", () -> orders.deliver(order, null, null, "报告"));
									t2 = System.nanoTime();
									as("ent-ws", () -> orders.confirm(order));
									t3 = System.nanoTime();
								}
								else {
									BlockingHttp.send("POST", orderUrl + order + "/accept", enterpriseToken,
											"{\"quotedAmount\":\"1000.00\",\"grantId\":\"" + grant + "\",\"voucherAmount\":\"500.00\"}", "Idempotency-Key", "b-" + order);
									t1 = System.nanoTime();
									BlockingHttp.send("POST", orderUrl + order + "/deliver", providerToken, "{\"note\":\"报告\"}");
									t2 = System.nanoTime();
									BlockingHttp.send("POST", orderUrl + order + "/confirm", enterpriseToken, "{}");
									t3 = System.nanoTime();
								}
								requests.add((t1 - t0) / 1e6);
								requests.add((t2 - t1) / 1e6);
								requests.add((t3 - t2) / 1e6);
								cycles.add((t3 - t0) / 1e6);
							}
							ranOut.incrementAndGet();
							return null;
						}));
					}
					for (Future<?> future : futures) {
						future.get();
					}
					wall = (System.nanoTime() - started) / 1e9;
					if (System.getenv("KEJIAO_BENCH_THREADS") != null) {
						printThreadCpu(threadCpuBefore, threadCpu(), cycles.size());
					}
				}
				if (ranOut.get() > 0) {
					System.out.printf("(%d of %d clients ran out of orders before the %d s were over: a shorter level)%n",
							ranOut.get(), clients, seconds);
				}
				double dbPerCycle = 1000 * (databaseCpuSeconds(dataDir) - dbCpuBefore) / cycles.size();
				double javaPerCycle = 1000 * (javaCpuSeconds() - javaCpuBefore) / cycles.size();
				Verification verification = app.getBean(Ledger.class).verify();
				double[] pgbench = pgbench(database, dataDir, clients, seconds);
				double dbPerTransaction = 1000 * pgbench[2] / pgbench[1];
				double rate = cycles.size() / wall;
				// a cycle's database work counted in pgbench transactions: with the application free, and the
				// database given all the CPU pgbench's own run had, cycles could reach at most 1/k of pgbench's rate
				double k = dbPerCycle / dbPerTransaction;
				// a pgbench transaction takes PostgreSQL well over 0.05 ms of CPU; less means its backends' CPU was
				// not seen in /proc (it happened in a few runs at one client), and then k would be meaningless
				String perTransaction = dbPerTransaction < 0.05 ? "? (not captured)"
						: String.format(Locale.ROOT, "%.2f", dbPerTransaction);
				String kColumn = dbPerTransaction < 0.05 ? "?" : String.format(Locale.ROOT, "%.1f (%.0f%%)", k, 100 / k);
				rows.add(String.format(Locale.ROOT,
						"| %d | %d | %.1f | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %d (%d ms) | %.0f | %.0f%% | %.2f / %.2f | %s | %s |",
						clients, cycles.size(), rate, pct(cycles, 50), pct(cycles, 95), pct(cycles, 99), pct(requests, 50),
						pct(requests, 95), pct(requests, 99), verification.violations().size(), verification.millis(), pgbench[0],
						100 * rate / pgbench[0], dbPerCycle, javaPerCycle, perTransaction, kColumn));
				System.out.println(rows.getLast());
			}
			Verification last = app.getBean(Ledger.class).verify();
			System.out.println();
			System.out.printf("Machine: %d cores, JDK %s; embedded PostgreSQL 17, synchronous_commit on; %d s per level%n",
					Runtime.getRuntime().availableProcessors(), Runtime.version(), seconds);
			System.out.println(facades ? "A cycle is three facade calls in-process (no HTTP): accept (hold), deliver, confirm (post); each client owns one grant."
					: "A cycle is three HTTP requests (a blocking client, kept-alive connections): accept (hold), deliver, confirm (post); each client owns one grant.");
			System.out.printf("Ledger after the run: %d accounts, %d transfers, %d violations%n%n", last.accounts(),
					last.transfers(), last.violations().size());
			System.out.println("CPU columns: milliseconds of CPU per cycle used by PostgreSQL's processes and by this JVM (the"
					+ " application and, in the same process, the benchmark's clients), and by PostgreSQL per pgbench transaction."
					+ " The last column is k, a cycle's database work in pgbench transactions, and 1/k: the most of pgbench's rate"
					+ " cycles could reach if the application used no CPU at all.");
			System.out.println();
			System.out.println("| clients | cycles | cycles/s | cycle p50 / p95 / p99 (ms) | request p50 / p95 / p99 (ms) | ledger violations (verify time) | pgbench simple-update tps | cycles/s ÷ pgbench tps | CPU ms per cycle: PostgreSQL / JVM | PostgreSQL CPU ms per pgbench tx | k = cycle ÷ pgbench tx in database CPU (1/k) |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
			rows.forEach(System.out::println);
		}
		finally {
			app.close();
		}
	}

	/** Copies of a quoted order, each with a number of its own; their ids. */
	static List<UUID> copies(JdbcClient jdbc, UUID template, String suffix, int count) {
		List<String> columns = jdbc.sql("""
				select column_name from information_schema.columns
				where table_schema = 'voucher' and table_name = 'service_order' and column_name not in ('id', 'number')
				order by ordinal_position""").query(String.class).list();
		String list = String.join(", ", columns);
		return jdbc.sql("insert into voucher.service_order (id, number, " + list + ") select gen_random_uuid(), number || :suffix || n, "
				+ list + " from voucher.service_order, generate_series(1, :count) n where id = :template returning id")
			.param("suffix", suffix).param("count", count).param("template", template).query(UUID.class).list();
	}

	/**
	 * CPU seconds used so far by the embedded PostgreSQL: its postmaster and the backends it runs, with the
	 * time of backends that have ended (counted in the postmaster's children time). Linux only.
	 */
	static double databaseCpuSeconds(Path dataDir) throws Exception {
		long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().strip());
		long ticks = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String stat = Files.readString(process.resolve("stat"));
					// after the command name in parentheses: state, ppid, ..., utime (14th field), stime, cutime, cstime
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long pid = Long.parseLong(process.getFileName().toString());
					if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
								+ Long.parseLong(fields[14]);
					}
				}
				catch (java.io.IOException | RuntimeException ended) {
					// the process ended while being read
				}
			}
		}
		return ticks / 100.0; // USER_HZ
	}

	/** CPU nanoseconds used so far by each live thread of this JVM, by thread id. */
	static java.util.Map<Long, Long> threadCpu() {
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
		for (long id : threads.getAllThreadIds()) {
			cpu.put(id, threads.getThreadCpuTime(id));
		}
		return cpu;
	}

	/** With KEJIAO_BENCH_THREADS set: the level's JVM CPU per cycle by thread group (names without digits), on stderr. */
	static void printThreadCpu(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after, int cycles) {
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		java.util.Map<String, Double> groups = new java.util.TreeMap<>();
		after.forEach((id, cpu) -> {
			var info = threads.getThreadInfo(id);
			String group = info == null ? "(ended)" : info.getThreadName().replaceAll("\\d+", "N");
			groups.merge(group, (cpu - before.getOrDefault(id, 0L)) / 1e6 / cycles, Double::sum);
		});
		groups.entrySet().stream().filter(e -> e.getValue() >= 0.01)
			.sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach(e -> System.err.printf(Locale.ROOT, "  %-60s %.2f ms CPU per cycle%n", e.getKey(), e.getValue()));
	}

	/** CPU seconds used so far by this JVM. */
	static double javaCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/**
	 * pgbench's simple-update on a database of its own on the same server, at the same number of clients: its
	 * rate (transactions per second), how many transactions it ran and the CPU seconds PostgreSQL used for them.
	 */
	static double[] pgbench(EmbeddedDatabase database, Path dataDir, int clients, int seconds) throws Exception {
		Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(database.jdbcUrl());
		if (!port.find()) {
			throw new IllegalStateException(database.jdbcUrl());
		}
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "")) {
			var exists = connection.createStatement().executeQuery("select 1 from pg_database where datname = 'pgbench'");
			if (!exists.next()) {
				connection.createStatement().execute("create database pgbench");
				run("pgbench", "-i", "-q", "-s", "10", "-h", "localhost", "-p", port.group(1), "-U", database.username(), "pgbench");
			}
		}
		double cpuBefore = databaseCpuSeconds(dataDir);
		String out = run("pgbench", "-n", "-b", "simple-update", "-c", String.valueOf(clients), "-j",
				String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-h", "localhost", "-p", port.group(1), "-U",
				database.username(), "pgbench");
		Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
		Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(out);
		if (!tps.find() || !processed.find()) {
			throw new IllegalStateException(out);
		}
		return new double[] { Double.parseDouble(tps.group(1)), Double.parseDouble(processed.group(1)),
				databaseCpuSeconds(dataDir) - cpuBefore };
	}

	static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder out = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().forEach(line -> out.append(line).append('\n'));
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
		}
		return out.toString();
	}

	static double pct(List<Double> values, int percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

	static UserView user(String username) {
		return USERS.computeIfAbsent(username, name -> app.getBean(Accounts.class).find(name).orElseThrow());
	}

	static <T> T as(String username, Supplier<T> step) {
		UserView user = user(username);
		Actor actor = new Actor(user.id(), user.username(), user.displayName(), user.organisationId(), username,
				user.regionCode(), user.roles());
		return Actors.runAs(actor, step);
	}

	static String stringArg(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	static int intArg(String[] args, String name, int fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return Integer.parseInt(args[i + 1]);
			}
		}
		return fallback;
	}
}
