package cn.kejiao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.booking.BookingFlows;
import cn.kejiao.challenge.PanelFlows;
import cn.kejiao.cooperation.AgreementFigures;
import cn.kejiao.cooperation.FigureKind;
import cn.kejiao.demand.MatchFlows;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.trading.ContractFigures;
import cn.kejiao.voucher.OrderFlows;

/**
 * bench/cooperation: how long an agreement's live figures and each module's flows between regions take over a year
 * of activity. The year is written straight into the owning modules' tables (SQL, for speed: the orders, bookings,
 * contracts, panel seats and match verdicts of ten regions of 上海, 重庆, 云南, 北京 and 深圳, spread over the last
 * 365 days), on top of the demo data; the figures are then read only through the facades, as the agreement pages
 * and the statistics' rebuild do. Each query runs {@code --runs} times after two warm-ups; prints a Markdown table
 * of p50 and p95 in milliseconds, with the rows each answered.
 */
public final class AgreementFiguresBench {

	static final String[] REGIONS = { "310114", "310110", "310104", "500112", "500103", "530102", "532601", "532628",
			"110105", "440305" };

	public static void main(String[] args) throws Exception {
		int orders = VoucherBenchmark.intArg(args, "--orders", 200_000);
		int bookings = VoucherBenchmark.intArg(args, "--bookings", 50_000);
		int contracts = VoucherBenchmark.intArg(args, "--contracts", 20_000);
		int seats = VoucherBenchmark.intArg(args, "--seats", 20_000);
		int verdicts = VoucherBenchmark.intArg(args, "--verdicts", 10_000);
		int runs = VoucherBenchmark.intArg(args, "--runs", 30);
		String loadBefore = BookingBenchmark.loadAverage();
		Path dataDir = Files.createTempDirectory("kejiao-cooperation-bench");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(KejiaoApplication.class)
			.run("--kejiao.data-dir=" + dataDir, "--kejiao.demo.enabled=true", "--kejiao.demo.catalog-scale=small",
					"--kejiao.demo.catalog-in-background=false", "--server.port=0", "--spring.main.banner-mode=off",
					"--logging.level.root=warn", "--kejiao.matching.embeddings.enabled=false");
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long started = System.nanoTime();
			YearOfFlows.write(jdbc, REGIONS, orders, bookings, contracts, seats, verdicts);
			double filled = (System.nanoTime() - started) / 1e9;

			LocalDate to = LocalDate.now(ChinaTime.ZONE);
			LocalDate from = to.minusDays(364);
			List<String> huDian = List.of("310000", "530000");
			List<String> three = List.of("310000", "500000", "530000");
			AgreementFigures figures = app.getBean(AgreementFigures.class);
			OrderFlows orderFlows = app.getBean(OrderFlows.class);
			Map<String, Supplier<List<?>>> queries = new LinkedHashMap<>();
			queries.put("AgreementFigures.between, 2 parties, 6 kinds, 1 year",
					() -> figures.between(huDian, EnumSet.allOf(FigureKind.class), from, to));
			queries.put("AgreementFigures.between, 3 parties, 6 kinds, 1 year",
					() -> figures.between(three, EnumSet.allOf(FigureKind.class), from, to));
			queries.put("AgreementFigures.between, 2 parties, contracts, 1 month",
					() -> figures.between(huDian, EnumSet.of(FigureKind.CONTRACTS), to.minusDays(29), to));
			queries.put("OrderFlows.orders, 2 parties, 1 year", () -> orderFlows.orders(from, to, huDian));
			queries.put("OrderFlows.orders, all regions, 1 year", () -> orderFlows.orders(from, to, List.of()));
			queries.put("OrderFlows.orders, all regions, 1 month", () -> orderFlows.orders(to.minusDays(29), to, List.of()));
			queries.put("OrderFlows.voucherSpending, all regions, 1 year",
					() -> orderFlows.voucherSpending(from, to, List.of()));
			queries.put("OrderFlows.ordersAndVoucherSpending, all regions, 1 year",
					() -> orderFlows.ordersAndVoucherSpending(from, to, List.of()).orders());
			queries.put("BookingFlows.flows, all regions, 1 year",
					() -> app.getBean(BookingFlows.class).flows(from, to, List.of()));
			queries.put("MatchFlows.flows, all regions, 1 year",
					() -> app.getBean(MatchFlows.class).flows(from, to, List.of()));
			queries.put("PanelFlows.flows, all regions, 1 year",
					() -> app.getBean(PanelFlows.class).flows(from, to, List.of()));
			queries.put("ContractFigures.daily, all regions, 1 year",
					() -> app.getBean(ContractFigures.class).daily(from, to, List.of()));

			System.out.printf(Locale.ROOT, "%n%d orders, %d bookings, %d contracts, %d panel seats, %d verdicts written"
					+ " in %.1f s; load average before the run %s%n%n", orders, bookings, contracts, seats, verdicts, filled,
					loadBefore);
			System.out.println("| query | rows | p50 ms | p95 ms |");
			System.out.println("| --- | ---: | ---: | ---: |");
			for (Map.Entry<String, Supplier<List<?>>> query : queries.entrySet()) {
				int rows = 0;
				for (int i = 0; i < 2; i++) {
					rows = query.getValue().get().size();
				}
				List<Double> millis = new ArrayList<>();
				for (int i = 0; i < runs; i++) {
					long t = System.nanoTime();
					query.getValue().get();
					millis.add((System.nanoTime() - t) / 1e6);
				}
				millis.sort(null);
				System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n", query.getKey(), rows,
						millis.get(millis.size() / 2), millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1)));
			}
			System.out.printf(Locale.ROOT, "%nload average after the run %s%n", BookingBenchmark.loadAverage());
		}
		finally {
			app.close();
		}
	}
}
