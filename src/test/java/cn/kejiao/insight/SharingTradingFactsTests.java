package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.InstrumentUse;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.NewOrganisation.Registered;
import cn.kejiao.support.Personas;
import cn.kejiao.trading.AuctionSessions;
import cn.kejiao.trading.LiveLots;
import cn.kejiao.trading.LotClosing;

/**
 * Instruments used inside and outside their owner (a testing centre of 哈巴河, an enterprise of 上海 booking it) and
 * lots sold at auction (a 上海 university selling to enterprises of 文山 and 哈巴河, one lot unsold): the read model's
 * minutes of use and lots sold, for each side of several regions and periods, equal counts over the booking and
 * trading tables, the read model checks clean, and the drill-down lists the same bookings and lots.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingTradingFactsTests {

	static final String HABAHE = "654324";

	static final List<String> REGIONS = List.of(InsightFigures.NATION, "650000", HABAHE, "310000", "530000",
			"532600", "150000");

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules bookingRules;

	@Autowired
	AuctionSessions sessions;

	@Autowired
	LotClosing closing;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InsightReadModel model;

	@Autowired
	InsightFigures figures;

	@Autowired
	SharingSource sharing;

	@Autowired
	TradingSource trading;

	LocalDate day;

	LocalDate today;

	@BeforeAll
	void instrumentsAreUsedAndLotsSold() {
		today = LocalDate.now(ChinaTime.ZONE);
		Registered centre = NewOrganisation.of("TESTING_AGENCY", HABAHE).named("哈巴河测试中心" + Markers.unique())
			.verified(personas.port());
		Registered enterprise = NewOrganisation.enterprise("310114").verified(personas.port());
		InstrumentUse use = new InstrumentUse(personas, catalog, bookingRules, clock)
			.user(centre.username(), centre.password()).user(enterprise.username(), enterprise.password());
		EntryView microscope = use.instrument(centre.username(), "扫描电镜（机时统计）", "800000", "300", "200");
		day = today.plusDays(3);
		use.book(centre.username(), microscope.id(), InstrumentUse.at(day, 8), InstrumentUse.at(day, 11));
		use.book(enterprise.username(), microscope.id(), InstrumentUse.at(day.plusDays(1), 9),
				InstrumentUse.at(day.plusDays(1), 14));
		use.book(enterprise.username(), microscope.id(), InstrumentUse.at(day.plusDays(2), 20),
				InstrumentUse.at(day.plusDays(3), 2));
		use.useAll();
		clock.reset();

		LiveLots lots = new LiveLots(personas, sessions, clock);
		LiveLots.Lot first = lots.lot("20000");
		LiveLots.Lot second = lots.lot("15000");
		LiveLots.Lot unsold = lots.lot("90000");
		LiveLots.Bidder wenshan = lots.bidder(first, "532622");
		LiveLots.Bidder habahe = lots.bidder(second, HABAHE);
		LiveLots.Bidder low = lots.bidder(unsold, "532622");
		assertThat(wenshan.api().post(first.path() + "/bids", Map.of("maxAmount", "26000")).status()).isEqualTo(201);
		assertThat(habahe.api().post(second.path() + "/bids", Map.of("amount", "15000")).status()).isEqualTo(201);
		assertThat(low.api().post(unsold.path() + "/bids", Map.of("amount", "12000")).status()).isEqualTo(201);
		clock.advance(Duration.ofHours(3));
		assertThat(closing.closeDue()).isGreaterThanOrEqualTo(3);
		clock.reset();
		model.refresh();
	}

	@Test
	void minutesOfUseEqualTheRecordedUseOfEveryBookingByItsOwnersRegion() {
		IndependentCounts use = IndependentCounts.of(jdbc, InsightKind.INSTRUMENT_HOURS, """
				select number, (actual_end at time zone 'Asia/Shanghai')::date, owner_region, owner_region,
				       extract(epoch from actual_end - actual_start)::bigint, 0
				from booking.reservation where state in ('USED', 'BILLED')""")
			.mapCounts(seconds -> Math.round(seconds / 60.0));
		assertThat(use.total(day, day.plusDays(3))).as("3 h inside, 5 h and 6 h outside, in minutes")
			.isGreaterThanOrEqualTo((3 + 5 + 6) * 60);
		assertThat(use.facts()).filteredOn(f -> f.serving().equals(HABAHE)).hasSizeGreaterThanOrEqualTo(3);
		for (LocalDate[] period : periods()) {
			for (String region : REGIONS) {
				use.assertFigures(figures, region, period[0], period[1]);
			}
			use.assertRows(sharing, HABAHE, period[0], period[1]);
			use.assertRows(sharing, "310000", period[0], period[1]);
		}
	}

	@Test
	void lotsSoldEqualTheLotsClosedWithAWinnerByBuyerAndSellerRegionAtTheHammerPrice() {
		IndependentCounts sold = IndependentCounts.of(jdbc, InsightKind.LOTS_SOLD, """
				select s.title || ' #' || l.lot_no, (l.closed_at at time zone 'Asia/Shanghai')::date, o.region_code,
				       l.seller_region, 1, l.hammer_fen
				from trading.lot l join trading.auction_session s on s.id = l.session_id
				join organisation.organisation o on o.id = l.leader_org_id
				where l.state = 'SOLD'""");
		assertThat(sold.facts()).filteredOn(f -> f.served().equals(HABAHE) && f.serving().equals("310114"))
			.isNotEmpty();
		assertThat(sold.facts()).filteredOn(f -> f.served().equals("532622") && f.valueFen() == 2_000_000)
			.as("the proxy bid reached the reserve").isNotEmpty();
		for (LocalDate[] period : periods()) {
			for (String region : REGIONS) {
				sold.assertFigures(figures, region, period[0], period[1]);
			}
			sold.assertRows(trading, "532600", period[0], period[1]);
			sold.assertRows(trading, "310000", period[0], period[1]);
		}
	}

	@Test
	void theReadModelAnswersAsTheModulesDo() {
		assertThat(model.check(today.minusYears(1), today.plusMonths(3))).isEmpty();
	}

	/** A wide period, one that leaves the first day of use out, and one of yesterday and today only. */
	private List<LocalDate[]> periods() {
		return List.of(new LocalDate[] { today.minusYears(1), today.plusMonths(3) },
				new LocalDate[] { day.plusDays(1), today.plusMonths(3) },
				new LocalDate[] { today.minusDays(1), today });
	}
}
