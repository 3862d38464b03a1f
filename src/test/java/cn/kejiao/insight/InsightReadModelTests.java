package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * The read model as the demo data leaves it: fed by the marks the modules' events left while the demo replayed
 * weeks of activity, it equals the same model rebuilt from the facades alone; its figures equal counts over the
 * owning modules' tables; whole months and partial days add up to the daily facts; refreshes on several threads
 * (as on several nodes) neither fail nor count twice.
 */
@KejiaoIntegrationTest
class InsightReadModelTests {

	@Autowired
	InsightReadModel model;

	@Autowired
	InsightFigures figures;

	@Autowired
	JdbcClient jdbc;

	LocalDate today;

	@BeforeEach
	void refreshed() {
		model.refresh();
		today = LocalDate.now(ChinaTime.ZONE);
	}

	@Test
	void theModelFedByEventsEqualsTheModelRebuiltFromTheFacades() {
		List<String> fed = facts("fact");
		List<String> fedMonths = facts("fact_month");
		assertThat(fed).as("the demo data left facts of orders, bookings and contracts")
			.anyMatch(f -> f.startsWith("ORDERS|")).anyMatch(f -> f.startsWith("BOOKINGS|"))
			.anyMatch(f -> f.startsWith("CONTRACTS|"));

		model.rebuild();

		assertThat(facts("fact")).containsExactlyElementsOf(fed);
		assertThat(facts("fact_month")).containsExactlyElementsOf(fedMonths);
		assertThat(model.check(today.minusYears(1), today.plusMonths(3))).isEmpty();
	}

	@Test
	void ordersOfARegionEqualTheConfirmedOrdersInTheVoucherModule() {
		LocalDate from = today.minusYears(1);
		LocalDate to = today.plusMonths(3);
		for (String region : List.of("310000", "530000", "532600", "310114")) {
			KindFigures orders = kind(figures.figures(region, from, to), InsightKind.ORDERS);
			String pattern = cn.kejiao.platform.RegionCodes.likePattern(region);
			long[] served = orderSums("enterprise_region like :p", pattern, from, to);
			long[] serving = orderSums("provider_region like :p", pattern, from, to);
			long[] inside = orderSums("enterprise_region like :p and provider_region like :p", pattern, from, to);
			assertThat(new long[] { orders.served().count(), orders.served().value().fen() }).as(region)
				.containsExactly(served);
			assertThat(new long[] { orders.serving().count(), orders.serving().value().fen() }).as(region)
				.containsExactly(serving);
			assertThat(new long[] { orders.inside().count(), orders.inside().value().fen() }).as(region)
				.containsExactly(inside);
		}
		long[] all = orderSums("true", "%", from, to);
		assertThat(all[0]).as("the demo confirmed orders").isPositive();
		KindFigures nation = kind(figures.figures(InsightFigures.NATION, from, to), InsightKind.ORDERS);
		assertThat(nation.served().count()).isEqualTo(all[0]);
		assertThat(nation.served().value().fen()).isEqualTo(all[1]);
	}

	@Test
	void wholeMonthsAndPartialDaysAddUpToTheDailyFacts() {
		Random random = new Random(19);
		for (int i = 0; i < 40; i++) {
			LocalDate from = today.minusDays(random.nextInt(400));
			LocalDate to = from.plusDays(random.nextInt(200));
			String region = List.of(InsightFigures.NATION, "310000", "530000", "310114").get(random.nextInt(4));
			String pattern = InsightFigures.pattern(region);
			for (KindFigures kind : figures.figures(region, from, to)) {
				long[] daily = jdbc.sql("""
						select coalesce(sum(count), 0), coalesce(sum(value_fen), 0) from insight.fact
						where kind = :kind and day between :from and :to and served_region like :p""")
					.param("kind", kind.kind().name()).param("from", from).param("to", to).param("p", pattern)
					.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
				assertThat(kind.served().count()).as("%s %s %s..%s", kind.kind(), region, from, to)
					.isEqualTo(daily[0]);
				if (kind.served().value() != null) {
					assertThat(kind.served().value().fen()).isEqualTo(daily[1]);
				}
			}
			long monthlyOrders = figures.monthly(region, from, to).stream()
				.filter(m -> m.kind() == InsightKind.ORDERS).mapToLong(m -> m.served().count()).sum();
			assertThat(monthlyOrders).isEqualTo(kind(figures.figures(region, from, to), InsightKind.ORDERS)
				.served().count());
		}
	}

	@Test
	void refreshesOnSeveralThreadsAtOnceCountEachDayOnce() throws Exception {
		List<String> before = facts("fact");
		for (int day = 0; day < 120; day++) {
			for (InsightKind kind : model.kinds()) {
				jdbc.sql("insert into insight.stale_day (kind, day) values (:kind, :day)")
					.param("kind", kind.name()).param("day", today.minusDays(day)).update();
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> refreshes = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				refreshes.add(model::refresh);
			}
			int recomputed = 0;
			for (Future<Integer> done : pool.invokeAll(refreshes)) {
				recomputed += done.get();
			}
			assertThat(recomputed).isGreaterThanOrEqualTo(120 * model.kinds().size());
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from insight.stale_day").query(Long.class).single()).isZero();
		assertThat(facts("fact")).containsExactlyElementsOf(before);
	}

	@Test
	void aPeriodRunningBackwardsOrARegionThatIsNoCodeIsRefused() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> figures.figures("530000", today, today.minusDays(1)))
			.hasFieldOrPropertyWithValue("code", "flows.span");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> figures.figures("云南", today, today))
			.hasFieldOrPropertyWithValue("code", "insight.region");
	}

	private long[] orderSums(String where, String pattern, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select count(*), coalesce(sum(quote), 0) from voucher.service_order
				where state = 'CONFIRMED' and booking_id is null
				  and (confirmed_at at time zone 'Asia/Shanghai')::date between :from and :to""" + " and " + where)
			.param("p", pattern).param("from", from).param("to", to)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	private List<String> facts(String table) {
		String day = table.equals("fact") ? "day" : "month";
		return jdbc.sql("select kind || '|' || " + day + " || '|' || served_region || '|' || serving_region || '|' "
				+ "|| count || '|' || coalesce(value_fen, 0) from insight." + table + " order by 1")
			.query(String.class).list();
	}

	private static KindFigures kind(List<KindFigures> all, InsightKind kind) {
		return all.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
	}
}
