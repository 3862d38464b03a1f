package cn.kejiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightKind;
import cn.kejiao.insight.InsightReadModel;
import cn.kejiao.insight.KindFigures;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.KejiaoIntegrationTest;

@KejiaoIntegrationTest
// a database of its own: the simulated catalog, orders and events would change what the other tests find
@org.springframework.test.context.TestPropertySource(properties = "kejiao.data-dir=target/test-data-simulation")
class SimulationTests {

	@Autowired
	Simulation simulation;

	@Autowired
	InsightReadModel readModel;

	@Autowired
	InsightFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSmallSimulationAgreesWithItselfAndRepeatsWithTheSameSeed() throws IOException {
		String first = simulate("target/simulation-a");
		assertThat(first).contains("Ledger verified: 0 violations").contains(": 0 differences")
			.contains("action confirmed: ").contains("kind ORDERS: ").contains("day  40");
		String second = simulate("target/simulation-b");
		assertThat(fingerprint(second)).isEqualTo(fingerprint(first));
		assertThat(lines(second, "kind ")).isEqualTo(lines(first, "kind "));
	}

	@Test
	void dashboardFiguresEqualIndependentSqlCountsOnASimulatedDataSet() {
		LocalDate start = LocalDate.of(2024, 3, 1);
		var outcome = simulation.run(new Simulation.Plan(45, 80, 11, start), new PrintStream(new ByteArrayOutputStream()));
		assertThat(outcome.actions().getOrDefault("confirmed", 0L)).isPositive();
		readModel.refresh();
		LocalDate to = start.plusDays(44);
		assertThat(readModel.check(start, to)).isEmpty();
		for (String region : List.of(InsightFigures.NATION, "530000", "310000")) {
			String prefix = InsightFigures.NATION.equals(region) ? "" : region.substring(0, 2);
			Map<InsightKind, KindFigures> byKind = new java.util.EnumMap<>(InsightKind.class);
			figures.figures(region, start, to).forEach(f -> byKind.put(f.kind(), f));
			assertThat(byKind).containsKey(InsightKind.ORDERS);
			String orders = """
					select count(*), coalesce(sum(quote), 0) from voucher.service_order
					where state = 'CONFIRMED' and booking_id is null and confirmed_at >= :from and confirmed_at < :to
					  and %s like :p""";
			String spending = """
					select count(*), coalesce(sum(voucher_amount), 0) from voucher.service_order
					where state = 'CONFIRMED' and voucher_amount > 0 and confirmed_at >= :from and confirmed_at < :to
					  and %s like :p""";
			assertSides(byKind.get(InsightKind.ORDERS), orders, "enterprise_region", "provider_region", prefix, start, to);
			assertSides(byKind.get(InsightKind.VOUCHER_SPENDING), spending, "enterprise_region", "provider_region", prefix,
					start, to);
			if (byKind.containsKey(InsightKind.CONTRACTS)) {
				assertSides(byKind.get(InsightKind.CONTRACTS), """
						select count(*), coalesce(sum(value_fen), 0) from trading.contract
						where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED')
						  and registered_at >= :from and registered_at < :to and %s like :p""", "buyer_region", "seller_region",
						prefix, start, to);
			}
			if (byKind.containsKey(InsightKind.VOUCHERS_ISSUED)) {
				long[] grants = sql("""
						select count(*), coalesce(sum(amount), 0) from voucher.grant_
						where granted_at >= :from and granted_at < :to and region_code like :p""", prefix, start, to);
				assertThat(amount(byKind.get(InsightKind.VOUCHERS_ISSUED).served())).isEqualTo(grants);
			}
			if (byKind.containsKey(InsightKind.DEMANDS_POSTED)) {
				long[] posted = sql("""
						select count(*), 0 from demand.demand
						where opened_at >= :from and opened_at < :to and region_code like :p""", prefix, start, to);
				assertThat(byKind.get(InsightKind.DEMANDS_POSTED).served().count()).isEqualTo(posted[0]);
			}
		}
	}

	@Test
	void aSimulatedPeriodGrowsTheCatalogBooksMatchesAwardsAndCooperates() {
		LocalDate start = LocalDate.of(2023, 4, 1);
		// long enough for challenges to be awarded and the projects funded in the first half to pass their review
		var outcome = simulation.run(new Simulation.Plan(90, 80, 13, start), new PrintStream(new ByteArrayOutputStream()));
		System.out.println("actions " + outcome.actions() + "\nrefusals " + outcome.refusals());
		assertThat(outcome.actions()).containsKeys("instruments published", "achievements published", "bookings used",
				"matches confirmed", "challenges published", "challenge applications", "challenges awarded",
				"agreement tasks done", "projects accepted", "events held", "event check-ins", "lots closed",
				"contracts registered");
		readModel.refresh();
		LocalDate to = start.plusDays(89);
		assertThat(readModel.check(start, to)).isEmpty();
		Map<InsightKind, KindFigures> byKind = new java.util.EnumMap<>(InsightKind.class);
		figures.figures(InsightFigures.NATION, start, to).forEach(f -> byKind.put(f.kind(), f));
		for (InsightKind kind : List.of(InsightKind.INSTRUMENTS, InsightKind.ACHIEVEMENTS, InsightKind.BOOKINGS,
				InsightKind.INSTRUMENT_HOURS, InsightKind.MATCHES_CONFIRMED, InsightKind.CHALLENGES_PUBLISHED,
				InsightKind.CHALLENGE_APPLICATIONS, InsightKind.PANEL_SEATS, InsightKind.CHALLENGES_AWARDED,
				InsightKind.TASKS_DONE, InsightKind.PROJECTS_STARTED, InsightKind.PROJECTS_ACCEPTED,
				InsightKind.EVENTS_HELD, InsightKind.EVENT_REGISTRATIONS, InsightKind.LOTS_SOLD, InsightKind.CONTRACTS)) {
			assertThat(byKind).as(kind + " in " + byKind.keySet()).containsKey(kind);
			assertThat(byKind.get(kind).served().count()).as(kind.name()).isPositive();
		}
	}

	private void assertSides(KindFigures kind, String sql, String served, String serving, String prefix, LocalDate from,
			LocalDate to) {
		assertThat(amount(kind.served())).as(kind.kind() + " served " + prefix)
			.isEqualTo(sql(sql.formatted(served), prefix, from, to));
		assertThat(amount(kind.serving())).as(kind.kind() + " serving " + prefix)
			.isEqualTo(sql(sql.formatted(serving), prefix, from, to));
		if (!prefix.isEmpty() && kind.kind() == InsightKind.ORDERS) {
			assertThat(kind.served().count()).as(kind.kind() + " counted in " + prefix).isPositive();
		}
	}

	private static long[] amount(cn.kejiao.insight.Amount amount) {
		return new long[] { amount.count(), amount.value() == null ? 0 : amount.value().fen() };
	}

	private long[] sql(String sql, String prefix, LocalDate from, LocalDate to) {
		return jdbc.sql(sql)
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("p", prefix + "%")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	private static String simulate(String dataDir) throws IOException {
		Path dir = Path.of(dataDir);
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		var out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		int code;
		try {
			code = Commands.run(KejiaoApplication.class, "simulate", "--days", "40", "--enterprises=60", "--seed=7",
					"--start=2025-02-01", "--kejiao.data-dir=" + dataDir);
		}
		finally {
			System.setOut(original);
		}
		String printed = out.toString(StandardCharsets.UTF_8);
		System.out.println(printed);
		assertThat(code).as(printed).isZero();
		return printed;
	}

	private static String fingerprint(String printed) {
		Matcher matcher = Pattern.compile("Fingerprint: (\\w+)").matcher(printed);
		assertThat(matcher.find()).as(printed).isTrue();
		return matcher.group(1);
	}

	private static List<String> lines(String printed, String start) {
		return printed.lines().filter(l -> l.startsWith(start)).toList();
	}
}
