package cn.kejiao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightKind;
import cn.kejiao.insight.InsightReadModel;
import cn.kejiao.platform.ChinaTime;

/**
 * bench/insight-model: the statistics' read model against the modules' tables at volume. A year of activity between
 * ten regions (200,000 orders, 50,000 bookings, 20,000 contracts, 20,000 panel seats, 10,000 verdicts) is written
 * straight into the owning modules' tables, as bench/cooperation does; the read model is then rebuilt from the
 * facades (timed), and a region's figures, months and flows read from it are timed against the same orders figure
 * computed by a direct SQL aggregate over {@code voucher.service_order}. Prints a Markdown table of p50 and p95 in
 * milliseconds and the ratio.
 */
public final class InsightModelBench {

	public static void main(String[] args) throws Exception {
		int orders = VoucherBenchmark.intArg(args, "--orders", 200_000);
		int runs = VoucherBenchmark.intArg(args, "--runs", 30);
		String loadBefore = BookingBenchmark.loadAverage();
		Path dataDir = Files.createTempDirectory("kejiao-insight-bench");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(KejiaoApplication.class)
			.run("--kejiao.data-dir=" + dataDir, "--kejiao.demo.enabled=true", "--kejiao.demo.catalog-scale=small",
					"--kejiao.demo.catalog-in-background=false", "--server.port=0", "--spring.main.banner-mode=off",
					"--logging.level.root=warn", "--kejiao.matching.embeddings.enabled=false",
					"--kejiao.insight.jobs=false");
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			YearOfFlows.write(jdbc, AgreementFiguresBench.REGIONS, orders, orders / 4, orders / 10, orders / 10,
					orders / 20);
			InsightReadModel model = app.getBean(InsightReadModel.class);
			model.refresh();
			long started = System.nanoTime();
			model.rebuild();
			double rebuilt = (System.nanoTime() - started) / 1e9;
			long facts = jdbc.sql("select count(*) from insight.fact").query(Long.class).single();
			long months = jdbc.sql("select count(*) from insight.fact_month").query(Long.class).single();

			LocalDate to = LocalDate.now(ChinaTime.ZONE);
			LocalDate from = to.minusDays(364);
			InsightFigures figures = app.getBean(InsightFigures.class);
			Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
			for (String region : List.of(InsightFigures.NATION, "310000", "530000")) {
				queries.put("figures " + region + ", 1 year", () -> figures.figures(region, from, to));
				queries.put("monthly " + region + ", 1 year", () -> figures.monthly(region, from, to));
				queries.put("flows of orders " + region + ", 1 year",
						() -> figures.flows(region, from, to, InsightKind.ORDERS, InsightFigures.PROVINCES));
				String pattern = InsightFigures.NATION.equals(region) ? "%" : region.substring(0, 2) + "%";
				queries.put("SQL over voucher.service_order, orders of " + region + ", 1 year", () -> jdbc.sql("""
						select count(*), sum(quote) from voucher.service_order
						where state = 'CONFIRMED' and booking_id is null and confirmed_at >= :from and confirmed_at < :to
						  and (enterprise_region like :p or provider_region like :p)""")
					.param("from", java.sql.Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
					.param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
					.param("p", pattern).query().listOfRows());
			}
			System.out.printf(Locale.ROOT, "%n%,d orders a year between ten regions; read model rebuilt from the facades"
					+ " in %.1f s: %,d daily facts, %,d monthly; load average before the run %s%n%n", orders, rebuilt,
					facts, months, loadBefore);
			System.out.println("| query | p50 ms | p95 ms |");
			System.out.println("| --- | ---: | ---: |");
			for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
				for (int i = 0; i < 3; i++) {
					query.getValue().get();
				}
				List<Double> millis = new ArrayList<>();
				for (int i = 0; i < runs; i++) {
					long t = System.nanoTime();
					query.getValue().get();
					millis.add((System.nanoTime() - t) / 1e6);
				}
				millis.sort(null);
				System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", query.getKey(), millis.get(millis.size() / 2),
						millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1)));
			}
			System.out.printf(Locale.ROOT, "%nload average after the run %s%n", BookingBenchmark.loadAverage());
		}
		finally {
			app.close();
		}
	}
}
