package cn.kejiao.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * bench/insight.sh: {@code simulate --days D --enterprises N --seed 1} with the packaged jar into a fresh data
 * folder (its run time and steps per second as the command prints them), then Kejiao started on that folder and,
 * over HTTP, the p50/p95 of each dashboard data request (figures, trends, flows of orders, drill-down of orders
 * served) for the nation, 云南 and 上海, as the platform admin and as the region's admin, and of the public open
 * statistics; the same figure as the dashboard's (a year's confirmed orders of a region, served side, count and
 * value) by a direct SQL aggregate over voucher.service_order in the same database, and the ratio; and the time to
 * produce 云南's yearly Excel and PDF reports. A request answered 404 (an endpoint not built yet) is skipped and
 * said so. Prints a Markdown table.
 */
public final class InsightBenchmark {

	private static final int WARM_UP = 5;

	private static final int RUNS = 40;

	private record Answer(int status, String body, double millis) {
	}

	public static void main(String[] args) throws Exception {
		int days = VoucherBenchmark.intArg(args, "--days", 365);
		int enterprises = VoucherBenchmark.intArg(args, "--enterprises", 5000);
		Path jar = Path.of(System.getenv().getOrDefault("KEJIAO_BENCH_JAR", "target/kejiao.jar"));
		List<String> jvmOptions = Arrays.stream(System.getenv().getOrDefault("KEJIAO_BENCH_APP_OPTS", "-Xmx2g").split(" "))
			.filter(s -> !s.isBlank()).toList();
		Path work = Files.createTempDirectory("kejiao-insight-bench");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "simulate", "--days=" + days, "--enterprises=" + enterprises,
				"--seed=1", "--kejiao.data-dir=" + work.resolve("data")));
		System.out.println("simulating: " + String.join(" ", command.subList(1, command.size())).replace(work.toString(), "<fresh folder>"));
		long started = System.nanoTime();
		Process simulation = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("simulation.log").toFile()).start();
		int code = simulation.waitFor();
		double simulated = (System.nanoTime() - started) / 1e9;
		String log = Files.readString(work.resolve("simulation.log"), StandardCharsets.UTF_8);
		log.lines().filter(l -> l.startsWith("day ") || l.startsWith("Simulat") || l.startsWith("Ledger")
				|| l.startsWith("Read model") || l.startsWith("kind ") || l.startsWith("Fingerprint")).forEach(System.out::println);
		if (code != 0) {
			System.out.println("the simulation exited with " + code + "; its last lines:");
			log.lines().skip(Math.max(0, log.lines().count() - 30)).forEach(System.out::println);
		}
		Matcher period = Pattern.compile("(\\d+) days from (\\d{4}-\\d{2}-\\d{2})").matcher(log);
		Matcher rate = Pattern.compile("Simulated (\\d+) steps in ([\\d.]+) s: (\\d+) steps/s").matcher(log);
		if (!period.find()) {
			throw new IllegalStateException("no period in the simulation's output");
		}
		LocalDate from = LocalDate.parse(period.group(2));
		LocalDate to = from.plusDays(Integer.parseInt(period.group(1)) - 1L);
		List<String[]> table = new ArrayList<>();
		table.add(new String[] { "simulate (whole command, start and checks included)", String.format(Locale.ROOT, "%.0f s", simulated), "", "" });
		if (rate.find()) {
			table.add(new String[] { "simulation steps (" + rate.group(1) + ")", rate.group(2) + " s", rate.group(3) + " steps/s", "" });
		}
		try (PackagedKejiao kejiao = PackagedKejiao.start(work, jar, jvmOptions, List.of("--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--kejiao.demo.catalog-scale=none", "--logging.level.cn.kejiao.platform.database=info"),
				Duration.ofMinutes(5))) {
			measure(kejiao, from, to, table);
		}
		System.out.println();
		System.out.println("| measured | p50 / time | p95 | note |");
		System.out.println("|---|---|---|---|");
		table.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
	}

	private static void measure(PackagedKejiao kejiao, LocalDate from, LocalDate to, List<String[]> table) throws Exception {
		String base = kejiao.base();
		String admin = token(base, "admin");
		String span = "from=" + from + "&to=" + to;
		List<String[]> asWhom = List.of(new String[] { "admin", "100000" }, new String[] { "admin", "530000" },
				new String[] { "admin", "310000" }, new String[] { "yn-admin", "530000" }, new String[] { "sh-admin", "310000" });
		double figuresP95 = Double.NaN;
		for (String[] who : asWhom) {
			String token = who[0].equals("admin") ? admin : token(base, who[0]);
			String region = "/api/v1/insight/regions/" + who[1];
			for (String path : List.of("/figures?" + span, "/trends?" + span, "/flows?" + span + "&kind=ORDERS",
					"/drill?figure=ORDERS&side=served&" + span)) {
				double[] p = timed(base + region + path, token, "GET " + region + path + " as " + who[0], table);
				if (path.startsWith("/figures") && who[1].equals("530000") && who[0].equals("admin")) {
					figuresP95 = p[1];
				}
			}
		}
		for (String code : List.of("100000", "530000", "310000")) {
			timed(base + "/api/v1/stats/regions/" + code + "?" + span, null, "GET /api/v1/stats/regions/" + code + " (public)", table);
		}
		double[] sql = sqlOrders(kejiao, from, to);
		table.add(new String[] { "SQL: a year's confirmed orders served in 530000 (count, value) over voucher.service_order",
				ms(sql[0]), ms(sql[1]), Double.isNaN(figuresP95) ? "no figures endpoint to compare"
						: String.format(Locale.ROOT, "SQL p95 / figures p95 = %.1f× (target ≥ 10×)", sql[1] / figuresP95) });
		report(base, admin, from.getYear(), table);
	}

	/** p50 and p95 in ms of RUNS requests after WARM_UP; NaN and a skip line when the endpoint answers 404. */
	private static double[] timed(String url, @Nullable String token, String what, List<String[]> table) throws IOException {
		Answer first = send("GET", url, token, null);
		if (first.status() == 404) {
			table.add(new String[] { what, "skipped", "", "answers 404: not built yet" });
			return new double[] { Double.NaN, Double.NaN };
		}
		if (first.status() == 401 && token == null) {
			table.add(new String[] { what, "skipped", "", "answers 401 without a token: no public route yet" });
			return new double[] { Double.NaN, Double.NaN };
		}
		if (first.status() != 200) {
			table.add(new String[] { what, "failed", "", first.status() + " " + first.body().substring(0, Math.min(120, first.body().length())) });
			return new double[] { Double.NaN, Double.NaN };
		}
		for (int i = 1; i < WARM_UP; i++) {
			send("GET", url, token, null);
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			millis[i] = send("GET", url, token, null).millis();
		}
		double[] p = percentiles(millis);
		table.add(new String[] { what, ms(p[0]), ms(p[1]), p[1] <= 200 ? "PASS ≤ 200 ms" : "FAIL > 200 ms" });
		return p;
	}

	private static double[] sqlOrders(PackagedKejiao kejiao, LocalDate from, LocalDate to) throws Exception {
		ZoneId china = ZoneId.of("Asia/Shanghai");
		try (Connection db = kejiao.database();
				PreparedStatement statement = db.prepareStatement("""
						select count(*), coalesce(sum(quote), 0) from voucher.service_order
						where state = 'CONFIRMED' and booking_id is null and confirmed_at >= ? and confirmed_at < ?
						  and enterprise_region like '53%'""")) {
			statement.setTimestamp(1, Timestamp.from(from.atStartOfDay(china).toInstant()));
			statement.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(china).toInstant()));
			double[] millis = new double[WARM_UP + RUNS];
			for (int i = 0; i < millis.length; i++) {
				long t = System.nanoTime();
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
				}
				millis[i] = (System.nanoTime() - t) / 1e6;
			}
			return percentiles(Arrays.copyOfRange(millis, WARM_UP, millis.length));
		}
	}

	private static void report(String base, String admin, int year, List<String[]> table) throws IOException {
		Answer made = send("POST", base + "/api/v1/insight/reports", admin,
				"{\"region\":\"530000\",\"period\":\"YEAR\",\"year\":" + year + "}");
		if (made.status() == 404) {
			table.add(new String[] { "POST /api/v1/insight/reports (云南, " + year + ")", "skipped", "", "answers 404: not built yet" });
			return;
		}
		if (made.status() >= 300) {
			table.add(new String[] { "POST /api/v1/insight/reports", "failed", "", made.status() + " " + made.body() });
			return;
		}
		table.add(new String[] { "POST /api/v1/insight/reports (云南, year " + year + ")", ms(made.millis()), "", "" });
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}]+)").matcher(made.body());
		if (!id.find()) {
			table.add(new String[] { "report id", "not found", "", made.body() });
			return;
		}
		for (String type : List.of("xlsx", "pdf")) {
			Answer file = send("GET", base + "/api/v1/insight/reports/" + id.group(1) + "." + type, admin, null);
			table.add(new String[] { "GET yearly report ." + type, file.status() == 200 ? ms(file.millis()) : "status " + file.status(),
					"", file.status() == 200 ? file.body().length() + " characters read"
							+ (type.equals("xlsx") ? (file.millis() <= 5000 ? ", PASS ≤ 5 s" : ", FAIL > 5 s") : "") : "" });
		}
	}

	private static String token(String base, String username) throws IOException {
		Answer answer = send("POST", base + "/api/v1/auth/tokens", null,
				"{\"username\":\"" + username + "\",\"password\":\"kejiao-demo\"}");
		Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
		if (!token.find()) {
			throw new IllegalStateException("no token for " + username + ": " + answer.status() + " " + answer.body());
		}
		return token.group(1);
	}

	private static Answer send(String method, String url, @Nullable String token, @Nullable String json) throws IOException {
		long started = System.nanoTime();
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		connection.setRequestMethod(method);
		connection.setReadTimeout(120_000);
		if (token != null) {
			connection.setRequestProperty("Authorization", "Bearer " + token);
		}
		connection.setRequestProperty("Accept", "application/json, */*");
		if (json != null) {
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			try (var body = connection.getOutputStream()) {
				body.write(json.getBytes(StandardCharsets.UTF_8));
			}
		}
		int status = connection.getResponseCode();
		try (var answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
			String text = answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.ISO_8859_1);
			return new Answer(status, text, (System.nanoTime() - started) / 1e6);
		}
	}

	private static double[] percentiles(double[] millis) {
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		return new double[] { sorted[(int) Math.ceil(0.50 * sorted.length) - 1], sorted[(int) Math.ceil(0.95 * sorted.length) - 1] };
	}

	private static String ms(double millis) {
		return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.1f ms", millis);
	}
}
