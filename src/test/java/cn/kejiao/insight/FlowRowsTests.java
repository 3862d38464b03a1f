package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * The rows behind the flows of orders, voucher money, bookings, panel seats and contracts, as the demo data leaves
 * them: for each side of several regions and periods, the drill-down lists exactly the records an independent query
 * over the owning module's tables counts (by their numbers), newest first, a page a slice of the whole; the figures
 * equal the same counts; each row names its organisations and links to its page where the record has one.
 */
@KejiaoIntegrationTest
class FlowRowsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InsightReadModel model;

	@Autowired
	InsightFigures figures;

	@Autowired
	FlowSources source;

	LocalDate today;

	@BeforeEach
	void refreshed() {
		model.refresh();
		today = LocalDate.now(ChinaTime.ZONE);
	}

	@Test
	void ordersAndVoucherMoneyListTheConfirmedOrders() {
		compare(IndependentCounts.of(jdbc, InsightKind.ORDERS, """
				select number, (confirmed_at at time zone 'Asia/Shanghai')::date, enterprise_region, provider_region, 1,
				       quote
				from voucher.service_order where state = 'CONFIRMED' and booking_id is null"""));
		compare(IndependentCounts.of(jdbc, InsightKind.VOUCHER_SPENDING, """
				select number, (confirmed_at at time zone 'Asia/Shanghai')::date, enterprise_region, provider_region, 1,
				       voucher_amount
				from voucher.service_order where state = 'CONFIRMED' and voucher_amount > 0"""));
		List<FlowItem> rows = source.rows(InsightKind.ORDERS, today.minusYears(1), today.plusMonths(3), List.of(),
				List.of(), 0, 5);
		assertThat(rows).isNotEmpty().allSatisfy(row -> {
			assertThat(row.link()).startsWith("/orders/");
			assertThat(row.servedName()).isNotBlank().doesNotContain("-");
			assertThat(row.servingName()).isNotBlank();
		});
	}

	@Test
	void bookingsListTheOutsideUse() {
		compare(IndependentCounts.of(jdbc, InsightKind.BOOKINGS, """
				select number, (actual_end at time zone 'Asia/Shanghai')::date, booker_region, owner_region, 1,
				       coalesce(fee, 0)
				from booking.reservation where state in ('USED', 'BILLED') and external"""));
	}

	@Test
	void panelSeatsListTheSeatsTakenByChallenge() {
		compare(IndependentCounts.of(jdbc, InsightKind.PANEL_SEATS, """
				select c.number, (p.seated_at at time zone 'Asia/Shanghai')::date, c.region_code,
				       coalesce(p.region_code, u.region_code), 1, 0
				from challenge.panellist p join challenge.challenge c on c.id = p.challenge_id
				join account.user_account u on u.id = p.user_id"""));
	}

	@Test
	void contractsListTheRegisteredContracts() {
		compare(IndependentCounts.of(jdbc, InsightKind.CONTRACTS, """
				select number, (registered_at at time zone 'Asia/Shanghai')::date, buyer_region, seller_region, 1,
				       value_fen
				from trading.contract where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED')"""));
		assertThat(source.rows(InsightKind.CONTRACTS, today.minusYears(1), today.plusMonths(3), List.of(), List.of(),
				0, 3)).isNotEmpty().allSatisfy(row -> assertThat(row.link()).startsWith("/contracts/"));
	}

	private void compare(IndependentCounts counts) {
		assertThat(counts.facts()).as("the demo data has some").isNotEmpty();
		for (LocalDate[] period : List.of(new LocalDate[] { today.minusYears(1), today.plusMonths(3) },
				new LocalDate[] { today.minusDays(20), today })) {
			for (String region : List.of(InsightFigures.NATION, "310000", "530000", "532600", "650000")) {
				counts.assertFigures(figures, region, period[0], period[1]);
			}
			for (String region : List.of("310000", "530000", "532600")) {
				counts.assertRows(source, region, period[0], period[1]);
			}
		}
	}
}
