package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.VoucherScenario;
import cn.kejiao.voucher.VoucherGrants;

/**
 * The voucher figures of the read model equal independent counts over the voucher module's tables and the ledger:
 * grants issued, voucher parts spent, settlement lines, money lapsed; and the money held equals the ledger's
 * balances of the grants and holds.
 */
@KejiaoIntegrationTest
class VoucherFactsTests {

	private static final EnumSet<InsightKind> VOUCHERS = EnumSet.of(InsightKind.VOUCHERS_ISSUED,
			InsightKind.VOUCHERS_SPENT, InsightKind.VOUCHERS_SETTLED, InsightKind.VOUCHERS_LAPSED);

	/** Grants: the enterprise's region as it applied (served), the scheme's (serving). */
	private static final String ISSUED = """
			select count(*), coalesce(sum(g.amount), 0) from voucher.grant_ g
			join voucher.application a on a.id = g.application_id
			where %s like :p and g.granted_at >= :from and g.granted_at < :to""";

	private static final String SPENT = """
			select count(*), coalesce(sum(o.voucher_amount), 0) from voucher.service_order o
			join voucher.grant_ g on g.id = o.grant_id join voucher.application a on a.id = g.application_id
			where o.state = 'CONFIRMED' and o.voucher_amount > 0 and %s like :p
			  and o.confirmed_at >= :from and o.confirmed_at < :to""";

	private static final String SETTLED = """
			select count(*), coalesce(sum(l.amount), 0) from voucher.settlement_line l
			join voucher.settlement_run r on r.id = l.run_id
			where %s like :p and r.started_at >= :from and r.started_at < :to""";

	/** From the ledger: grants' leftovers lapsed, and holds given back to a budget. */
	private static final String LAPSED = """
			select count(*), coalesce(sum(t.amount), 0) from ledger.transfer t
			join ledger.account c on c.id = t.credit_account
			join voucher.grant_ g on t.reference = 'grant:' || g.id
			     or t.reference in (select 'order:' || o.id from voucher.service_order o where o.grant_id = g.id)
			join voucher.application a on a.id = g.application_id
			where (t.kind = 'LAPSE' or t.kind = 'VOID' and c.code like 'budget:%%')
			  and %s like :p and t.created_at >= :from and t.created_at < :to""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InsightFigures figures;

	@Autowired
	InsightReadModel model;

	@Autowired
	VoucherSource source;

	@Autowired
	VoucherGrants grants;

	@Test
	void voucherFiguresEqualTheVoucherTablesAndTheLedger() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		VoucherScenario story = VoucherScenario.on(port);
		String grant = story.grant(story.scheme("hu-dian"), "200000", "150000");
		String order = story.confirmedOrder(grant, "20000", "10000.00");
		// a grant valid only today, with 5,000 of it held by an order when it lapses, given back after
		String shortScheme = shortScheme(story.issuer(), today);
		String shortGrant = story.grant(shortScheme, "50000", null);
		String held = story.quotedOrder("10000");
		story.accept(held, shortGrant, "5000.00");
		assertThat(grants.lapseExpiredGrants(today.plusDays(1))).isPositive();
		assertThat(story.enterprise().post("/api/v1/orders/" + held + "/cancel", Map.of("reason", "不再需要")).status())
			.isEqualTo(200);
		// last month settled (again: the same run when another test settled it first)
		String last = YearMonth.now(ChinaTime.ZONE).minusMonths(1).toString();
		assertThat(Http.as(port, "admin").post("/api/v1/settlements", Map.of("period", last)).status()).isEqualTo(200);

		model.refresh();

		FigureChecks checks = new FigureChecks(jdbc, figures, model);
		for (String region : List.of("530000", "532600", "310000", "440000", InsightFigures.NATION)) {
			for (LocalDate[] period : List.of(new LocalDate[] { today.minusDays(40), today },
					new LocalDate[] { today.minusDays(40), today.minusDays(1) }, new LocalDate[] { today, today })) {
				checks.assertFigure(InsightKind.VOUCHERS_ISSUED, region, period[0], period[1],
						ISSUED.formatted("a.enterprise_region"), ISSUED.formatted("g.region_code"));
				checks.assertFigure(InsightKind.VOUCHERS_SPENT, region, period[0], period[1],
						SPENT.formatted("a.enterprise_region"), SPENT.formatted("g.region_code"));
				checks.assertFigure(InsightKind.VOUCHERS_SETTLED, region, period[0], period[1],
						SETTLED.formatted("l.issuer_region"), SETTLED.formatted("l.provider_region"));
				checks.assertFigure(InsightKind.VOUCHERS_LAPSED, region, period[0], period[1],
						LAPSED.formatted("a.enterprise_region"), LAPSED.formatted("g.region_code"));
			}
			// at the end of everything recorded: other tests may have moved the clock ahead and spent on a later day
			assertThat(figures.vouchersHeld(region, today.plusYears(2))).as("held in " + region)
				.isEqualTo(heldInLedger(region));
		}
		KindFigures spentToday = checks.figure(InsightKind.VOUCHERS_SPENT, "530000", today, today);
		assertThat(spentToday.served().value().fen()).as("the order's voucher part counts")
			.isGreaterThanOrEqualTo(1_000_000);
		KindFigures lapsedToday = checks.figure(InsightKind.VOUCHERS_LAPSED, "530000", today, today);
		assertThat(lapsedToday.served().value().fen()).as("45,000 left on the grant and 5,000 given back")
			.isGreaterThanOrEqualTo(5_000_000);
		assertThat(checks.figure(InsightKind.VOUCHERS_ISSUED, "440000", today, today).served().count()).isZero();
		checks.assertExact(today.minusDays(60), today, VOUCHERS);

		List<FlowItem> issued = source.rows(InsightKind.VOUCHERS_ISSUED, today, today, List.of("530000"), List.of(),
				0, 1000);
		assertThat(issued).extracting(FlowItem::reference).contains(grant, shortGrant);
		assertThat(issued).hasSize((int) checks.figure(InsightKind.VOUCHERS_ISSUED, "530000", today, today).served().count());
		assertThat(issued).allMatch(row -> RegionCodes.isWithin(row.servedRegion(), "530000"));
		String orderNumber = story.enterprise().get("/api/v1/orders/" + order).json().get("number").asString();
		String heldNumber = story.enterprise().get("/api/v1/orders/" + held).json().get("number").asString();
		List<FlowItem> spent = source.rows(InsightKind.VOUCHERS_SPENT, today, today, List.of(), List.of("530000"), 0, 1000);
		assertThat(spent).filteredOn(row -> row.reference().equals(orderNumber)).singleElement()
			.satisfies(row -> assertThat(row.value()).isEqualTo(new Money(1_000_000)))
			.satisfies(row -> assertThat(row.link()).isEqualTo("/orders/" + order));
		List<FlowItem> lapsed = source.rows(InsightKind.VOUCHERS_LAPSED, today, today, List.of("530000"), List.of(), 0,
				1000);
		assertThat(lapsed).extracting(FlowItem::reference).contains(shortGrant, heldNumber);
		assertThat(lapsed).filteredOn(row -> row.reference().equals(heldNumber)).singleElement()
			.satisfies(row -> assertThat(row.value()).isEqualTo(new Money(500_000)));
		assertThat(source.rows(InsightKind.VOUCHERS_LAPSED, today, today, List.of("440000"), List.of(), 0, 1000))
			.isEmpty();
		assertThat(source.rows(InsightKind.VOUCHERS_ISSUED, today, today, List.of("530000"), List.of(), 1, 1))
			.containsExactly(issued.get(1));
	}

	/** A scheme of the issuer that opened yesterday and whose grants are valid until today only. */
	private static String shortScheme(Http issuer, LocalDate today) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("name", "当日有效创新券" + Markers.unique());
		form.put("budget", "100000");
		form.put("subsidyRatio", "0.5");
		form.put("capPerEnterprise", "60000");
		form.put("acceptedZone", "hu-dian");
		form.put("opensOn", today.minusDays(1).toString());
		form.put("closesOn", today.toString());
		form.put("validUntil", today.toString());
		Http.Response created = issuer.post("/api/v1/voucher-schemes", form);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** What the region's enterprises hold: the ledger's balances of their grants and of their orders' holds. */
	private Money heldInLedger(String region) {
		return new Money(jdbc.sql("""
				select coalesce(sum(balance), 0) from ledger.account where code in (
				  select 'grant:' || g.id from voucher.grant_ g join voucher.application a on a.id = g.application_id
				  where a.enterprise_region like :p
				  union all
				  select 'hold:' || o.id from voucher.service_order o join voucher.grant_ g on g.id = o.grant_id
				  join voucher.application a on a.id = g.application_id where a.enterprise_region like :p)""")
			.param("p", InsightFigures.NATION.equals(region) ? "%" : RegionCodes.likePattern(region))
			.query(Long.class).single());
	}
}
