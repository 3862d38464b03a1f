package cn.kejiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.BookingState;
import cn.kejiao.booking.BookingView;
import cn.kejiao.booking.Bookings;
import cn.kejiao.booking.Rules;
import cn.kejiao.booking.SharingFigures;
import cn.kejiao.booking.SharingReport;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.Actors;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import cn.kejiao.voucher.GrantView;
import cn.kejiao.voucher.VoucherGrants;

/** The demo bookings: every state, the open instrument of provider-jd, used hours in 上海 and 云南, ent-ws's voucher. */
@KejiaoIntegrationTest
class BookingDemoTests {

	@Autowired
	DemoData demo;

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules rules;

	@Autowired
	Bookings bookings;

	@Autowired
	VoucherGrants grants;

	@Autowired
	SharingFigures sharing;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoInstrumentsHaveBookingsInEveryState() {
		List<String> states = jdbc.sql("select distinct state from booking.reservation where owner_region like '31%' or owner_region like '53%'").query(String.class).list();
		assertThat(states).containsExactlyInAnyOrderElementsOf(
				EnumSet.allOf(BookingState.class).stream().map(Enum::name).toList());
	}

	@Test
	void providerJdHasAnInstrumentAnyVerifiedEnterpriseBooksAtOnceWithoutTraining() {
		List<Rules> open = personas.as("provider-jd", () -> catalog.mine(EntryType.INSTRUMENT)).stream()
			.map(EntryView::id).map(rules::rules).filter(r -> r.equals(BookingDemo.openRules(r.instrumentId()))).toList();
		assertThat(open).isNotEmpty();
		Rules rule = open.getFirst();
		assertThat(rule.openFrom()).hasToString("09:00");
		assertThat(rule.openUntil()).hasToString("17:00");
		assertThat(rule.workingDaysOnly()).isTrue();
		assertThat(rule.horizonDays()).isEqualTo(60);
		assertThat(rule.approval()).as("confirmed at once").isFalse();
		assertThat(rule.trainingRequired()).isFalse();
	}

	@Test
	void shanghaiAndYunnanInstrumentsWereUsedByTheirOwnPeopleAndByOthers() {
		for (String region : List.of("31", "53")) {
			List<BigDecimal[]> hours = jdbc.sql("""
					select sum(extract(epoch from actual_end - actual_start) / 3600) filter (where not external),
					       sum(extract(epoch from actual_end - actual_start) / 3600) filter (where external),
					       count(distinct instrument_id)
					from booking.reservation where owner_region like :region and state in ('USED', 'BILLED')""")
				.param("region", region + "%")
				.query((rs, n) -> new BigDecimal[] { rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3) }).list();
			BigDecimal[] figures = hours.getFirst();
			assertThat(figures[0]).as(region + " internal hours").isNotNull().isPositive();
			assertThat(figures[1]).as(region + " external hours").isNotNull().isGreaterThan(figures[0]);
			assertThat(figures[2]).as(region + " instruments used").isGreaterThanOrEqualTo(BigDecimal.TWO);
		}
	}

	@Test
	void theSharingFiguresOfShanghaiAndYunnanCountInternalAndOutsideHours() {
		for (String[] region : List.of(new String[] { "sh-admin", "310000" }, new String[] { "yn-admin", "530000" })) {
			SharingReport report = personas.as(region[0], () -> sharing.figures(region[1], sharing.period(null, null)));
			assertThat(report.total().externalHours()).as(region[1]).isPositive();
			assertThat(report.total().effectiveHours()).as(region[1]).isGreaterThan(report.total().externalHours());
			assertThat(report.total().sharingRate()).as(region[1]).isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
			assertThat(report.instruments().stream().filter(i -> i.effectiveHours().signum() > 0)).as(region[1])
				.hasSizeGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void entWsBookedProviderJdsInstrumentPayingPartWithItsYunnanVoucher() {
		BookingView booking = personas.as("ent-ws", () -> bookings.mine(null)).stream()
			.filter(b -> b.purpose().equals(BookingDemo.VOUCHER_PURPOSE)).findFirst().orElseThrow();
		assertThat(booking.state()).isEqualTo(BookingState.APPROVED);
		assertThat(booking.ownerOrgName()).isEqualTo("上海嘉定汽车零部件检测技术有限公司");
		// the demo's Yunnan grant (other tests may grant ent-ws more under the same scheme later)
		List<UUID> yunnan = personas.as("ent-ws", () -> grants.grants(Actors.require())).stream()
			.filter(g -> g.schemeName().equals(VoucherDemo.YUNNAN)).map(GrantView::id).toList();
		assertThat(booking.grantId()).as("paid partly with a Yunnan voucher").isIn(yunnan);
	}

	@Test
	void aLaterStartBooksNothingTwice() {
		long before = jdbc.sql("select count(*) from booking.reservation").query(Long.class).single();
		demo.run(new DefaultApplicationArguments());
		assertThat(jdbc.sql("select count(*) from booking.reservation").query(Long.class).single()).isEqualTo(before);
	}
}
