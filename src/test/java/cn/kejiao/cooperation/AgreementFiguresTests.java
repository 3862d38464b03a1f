package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.booking.BookingFlows;
import cn.kejiao.booking.BookingRules;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.challenge.PanelFlows;
import cn.kejiao.cooperation.AgreementFigures.Figure;
import cn.kejiao.demand.MatchFlows;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.support.Http;
import cn.kejiao.support.InstrumentUse;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewListing;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.NewOrganisation.Registered;
import cn.kejiao.support.Personas;
import cn.kejiao.support.VoucherScenario;
import cn.kejiao.trading.ContractFigures;
import cn.kejiao.trading.ContractType;
import cn.kejiao.trading.ContractView;
import cn.kejiao.trading.Contracts;
import cn.kejiao.voucher.OrderFlows;

/**
 * The live figures between 上海 and 云南 (the parties of a 沪滇 agreement), with 重庆 outside it, built through the
 * modules' own API and facades: service orders of 文山 at a 嘉定 agency confirmed with and without voucher and one the
 * other way, a 重庆 enterprise's order and booking at the same agency, bookings used a month from now, demands of
 * 上海 and 重庆 matched to a 云南 achievement, 上海 and 重庆 experts seated on a panel of 云南, contracts each way.
 * Each figure equals a count of its own over the owning modules' tables, and grows by what the scenario did.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementFiguresTests {

	static final String SHANGHAI = "310000";
	static final String YUNNAN = "530000";
	static final String CHONGQING = "500000";
	static final List<String> HU_DIAN = List.of(SHANGHAI, YUNNAN);
	static final List<String> THREE = List.of(SHANGHAI, YUNNAN, CHONGQING);

	@Autowired
	AgreementFigures figures;

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules bookingRules;

	@Autowired
	Contracts contracts;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	OrderFlows orderFlows;

	@Autowired
	BookingFlows bookingFlows;

	@Autowired
	MatchFlows matchFlows;

	@Autowired
	PanelFlows panelFlows;

	@Autowired
	ContractFigures contractFigures;

	@Autowired
	JdbcClient jdbc;

	LocalDate today;
	LocalDate to;
	Map<String, Sums> huDianBefore;
	Map<String, Sums> threeBefore;

	@BeforeAll
	void partiesOfBothRegionsServeEachOther() {
		today = LocalDate.now(ChinaTime.ZONE);
		to = today.plusDays(40);
		huDianBefore = keyed(figures.between(HU_DIAN, EnumSet.allOf(FigureKind.class), today.minusDays(1), to));
		threeBefore = keyed(figures.between(THREE, EnumSet.allOf(FigureKind.class), today.minusDays(1), to));
		int port = personas.port();
		Registered chongqing = NewOrganisation.enterprise("500112").named("重庆测试企业" + Markers.unique()).verified(port);

		// orders: 文山 at 嘉定 with a voucher (¥20,000, ¥10,000 of it voucher) and without (¥5,000); 嘉定 at the 云南
		// academy (¥3,000); 重庆 at 嘉定 (¥7,000); one left quoted, which counts nowhere
		VoucherScenario story = VoucherScenario.on(port);
		String grant = story.grant(story.scheme("hu-dian"), "200000", "150000");
		story.confirmedOrder(grant, "20000", "10000.00");
		confirmWithoutVoucher(story.enterprise(), story.provider(), "5000");
		confirmWithoutVoucher(personas.api("ent-jd"), personas.api("provider-yn"), "3000");
		confirmWithoutVoucher(chongqing.api(), personas.api("provider-jd"), "7000");
		VoucherScenario.order(story.enterprise(), story.provider(), "未确认的委托" + Markers.unique(), "900");

		// matches: 嘉定's demand and 重庆's demand found the 云南 academy's achievement useful; 嘉定 another not
		EntryView achievement = NewListing.achievement(personas, catalog, "provider-yn", NewListing.word());
		EntryView other = NewListing.achievement(personas, catalog, "provider-yn", NewListing.word());
		verdict(personas.api("ent-jd"), demand(personas.api("ent-jd")), achievement, true);
		verdict(personas.api("ent-jd"), demand(personas.api("ent-jd")), other, false);
		verdict(chongqing.api(), demand(chongqing.api()), achievement, true);

		// contracts: 嘉定 sells to 文山 (¥80,000), the 云南 academy to 嘉定 (¥100,000), 嘉定 to 重庆 (¥50,000)
		registered("provider-jd", "ent-ws", "jd-admin", "80000");
		registered("provider-yn", "ent-jd", "yn-admin", "100000");
		registered("provider-jd", chongqing.username(), "jd-admin", "50000");

		// a panel of 云南 with an expert of 上海 (同济) and one of 重庆
		Http publisher = personas.api("yn-admin");
		String deadline = OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)).plusHours(1).truncatedTo(ChronoUnit.SECONDS)
			.toString();
		var challenge = publisher.post("/api/v1/challenges", Map.of("title", "低品位铝土矿选矿攻关 " + Markers.digits(6),
				"problem", "征集低品位铝土矿脱硅选矿成套技术，要求给出中试路线与经济性分析。", "targets",
				List.of(Map.of("indicator", "回收率", "target", "≥ 80%")), "bounty", "1000000", "deadline", deadline,
				"open", true));
		assertThat(challenge.status()).as(challenge.body()).isEqualTo(201);
		String id = challenge.json().get("id").asString();
		var applied = personas.api("provider-yn").post("/api/v1/challenges/" + id + "/applications",
				Map.of("team", "云南省科学技术院 选矿团队", "proposal", "以选矿脱硅与强化溶出联合工艺为主，辅以中试验证。"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		clock.advance(Duration.ofHours(1).plusMinutes(1));
		var panel = personas.api("yn-admin").post("/api/v1/challenges/" + id + "/panel",
				Map.of("experts", List.of("expert-sh", "expert-cq")));
		assertThat(panel.status()).as(panel.body()).isEqualTo(200);

		// bookings used thirty days from now of a 嘉定 instrument at ¥300/h: 文山 for 2 h, 重庆 for 1 h
		InstrumentUse use = new InstrumentUse(personas, catalog, bookingRules, clock)
			.user(chongqing.username(), chongqing.password());
		EntryView instrument = use.instrument("provider-jd", "场发射扫描电镜（合作统计）" + Markers.unique(), "800000", "300",
				"200");
		LocalDate day = today.plusDays(30);
		use.book("ent-ws", instrument.id(), InstrumentUse.at(day, 9), InstrumentUse.at(day, 11));
		use.book(chongqing.username(), instrument.id(), InstrumentUse.at(day, 13), InstrumentUse.at(day, 14));
		use.useAll();
		clock.reset();
	}

	@Test
	void eachFigureBetweenTheAgreementsPartiesEqualsACountOverTheOwningModulesTables() {
		long started = System.nanoTime();
		List<Figure> found = figures.between(HU_DIAN, EnumSet.allOf(FigureKind.class), today.minusDays(1), to);
		long millisHuDian = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("AgreementFigures.between(2 parties, 6 kinds, 42 days): %d ms%n", millisHuDian);
		// one figure per kind and ordered pair, zeros included
		assertThat(found).hasSize(FigureKind.values().length * 2);
		assertThat(keyed(found)).isEqualTo(counted(HU_DIAN, today.minusDays(1), to));
		assertThat(keyed(figures.between(THREE, EnumSet.allOf(FigureKind.class), today.minusDays(1), to)))
			.isEqualTo(counted(THREE, today.minusDays(1), to));
	}

	@Test
	void theScenarioAddsToEachPairInItsDirectionAndNothingOfARegionOutsideTheParties() {
		Map<String, Sums> after = keyed(figures.between(HU_DIAN, EnumSet.allOf(FigureKind.class), today.minusDays(1), to));
		Map<String, Sums> expected = new TreeMap<>();
		expect(expected, FigureKind.SERVICE_ORDERS, YUNNAN, SHANGHAI, 2, 25_000);
		expect(expected, FigureKind.SERVICE_ORDERS, SHANGHAI, YUNNAN, 1, 3_000);
		expect(expected, FigureKind.VOUCHER_SPENDING, YUNNAN, SHANGHAI, 1, 10_000);
		expect(expected, FigureKind.VOUCHER_SPENDING, SHANGHAI, YUNNAN, 0, 0);
		expect(expected, FigureKind.INSTRUMENT_BOOKINGS, YUNNAN, SHANGHAI, 1, 600);
		expect(expected, FigureKind.INSTRUMENT_BOOKINGS, SHANGHAI, YUNNAN, 0, 0);
		expect(expected, FigureKind.DEMAND_MATCHES, SHANGHAI, YUNNAN, 1, 0);
		expect(expected, FigureKind.DEMAND_MATCHES, YUNNAN, SHANGHAI, 0, 0);
		expect(expected, FigureKind.PANEL_EXPERTS, YUNNAN, SHANGHAI, 1, 0);
		expect(expected, FigureKind.PANEL_EXPERTS, SHANGHAI, YUNNAN, 0, 0);
		expect(expected, FigureKind.CONTRACTS, YUNNAN, SHANGHAI, 1, 80_000);
		expect(expected, FigureKind.CONTRACTS, SHANGHAI, YUNNAN, 1, 100_000);
		assertThat(delta(after, huDianBefore)).isEqualTo(expected);

		// with 重庆 a party, its order, booking, match, expert and contract count too, each in its direction
		Map<String, Sums> grown = delta(keyed(figures.between(THREE, EnumSet.allOf(FigureKind.class),
				today.minusDays(1), to)), threeBefore);
		assertThat(grown.get(key(FigureKind.SERVICE_ORDERS, CHONGQING, SHANGHAI))).isEqualTo(new Sums(1, 700_000));
		assertThat(grown.get(key(FigureKind.INSTRUMENT_BOOKINGS, CHONGQING, SHANGHAI))).isEqualTo(new Sums(1, 30_000));
		assertThat(grown.get(key(FigureKind.DEMAND_MATCHES, CHONGQING, YUNNAN))).isEqualTo(new Sums(1, 0));
		assertThat(grown.get(key(FigureKind.PANEL_EXPERTS, YUNNAN, CHONGQING))).isEqualTo(new Sums(1, 0));
		assertThat(grown.get(key(FigureKind.CONTRACTS, CHONGQING, SHANGHAI))).isEqualTo(new Sums(1, 5_000_000));
		assertThat(grown.get(key(FigureKind.SERVICE_ORDERS, SHANGHAI, CHONGQING))).isEqualTo(new Sums(0, 0));
	}

	@Test
	void eachModulesFlowsOfEveryRegionEqualItsRowsByDayAndRegionPair() {
		// what the statistics rebuild from: no regions named, every flow of the period, by day and region pair
		LocalDate from = today.minusDays(400);
		OrderFlows.OrdersAndVouchers both = orderFlows.ordersAndVoucherSpending(from, to, List.of());
		assertThat(both.orders()).isEqualTo(orderFlows.orders(from, to, List.of()));
		assertThat(both.voucherSpending()).isEqualTo(orderFlows.voucherSpending(from, to, List.of()));
		for (FigureKind kind : FigureKind.values()) {
			List<RegionFlow> flows = switch (kind) {
				case SERVICE_ORDERS -> orderFlows.orders(from, to, List.of());
				case VOUCHER_SPENDING -> orderFlows.voucherSpending(from, to, List.of());
				case INSTRUMENT_BOOKINGS -> bookingFlows.flows(from, to, List.of());
				case DEMAND_MATCHES -> matchFlows.flows(from, to, List.of());
				case PANEL_EXPERTS -> panelFlows.flows(from, to, List.of());
				case CONTRACTS -> contractFigures.daily(from, to, List.of());
			};
			Map<String, Sums> reported = new TreeMap<>();
			for (RegionFlow flow : flows) {
				assertThat(flow.value() == null).as(kind + " has no value").isEqualTo(!kind.hasValue());
				assertThat(reported.put(flow.day() + " " + flow.servedRegion() + ">" + flow.servingRegion(),
						new Sums(flow.count(), flow.value() == null ? 0 : flow.value().fen()))).as("one row per key").isNull();
			}
			Map<String, Sums> counted = new TreeMap<>();
			for (Map<String, Object> row : rows(kind, from, to)) {
				counted.merge(row.get("day") + " " + row.get("served") + ">" + row.get("serving"),
						new Sums(1, ((Number) row.get("fen")).longValue()), Sums::plus);
			}
			assertThat(reported).as(kind.name()).isEqualTo(counted).isNotEmpty();
		}
	}

	@Test
	void aPeriodCountsWhatHappenedOnItsDaysOnly() {
		// the bookings were used thirty days from now: a period ending the day before leaves them out
		LocalDate before = today.plusDays(29);
		Map<String, Sums> shorter = keyed(figures.between(HU_DIAN, EnumSet.allOf(FigureKind.class), today.minusDays(1),
				before));
		assertThat(shorter).isEqualTo(counted(HU_DIAN, today.minusDays(1), before));
		Map<String, Sums> whole = keyed(figures.between(HU_DIAN, EnumSet.allOf(FigureKind.class), today.minusDays(1), to));
		assertThat(whole.get(key(FigureKind.INSTRUMENT_BOOKINGS, YUNNAN, SHANGHAI)).count()
				- shorter.get(key(FigureKind.INSTRUMENT_BOOKINGS, YUNNAN, SHANGHAI)).count()).isEqualTo(1);
		assertThat(shorter.get(key(FigureKind.SERVICE_ORDERS, YUNNAN, SHANGHAI)))
			.isEqualTo(whole.get(key(FigureKind.SERVICE_ORDERS, YUNNAN, SHANGHAI)));

		// a period that ended before the scenario holds none of it
		LocalDate lastMonth = today.minusDays(31);
		assertThat(keyed(figures.between(HU_DIAN, EnumSet.allOf(FigureKind.class), lastMonth, today.minusDays(1))))
			.isEqualTo(counted(HU_DIAN, lastMonth, today.minusDays(1)));
	}

	@Test
	void onlyTheKindsAskedForAreComputedAndAPeriodOrPartyThatIsNoneIsRefused() {
		List<Figure> contractsOnly = figures.between(List.of(YUNNAN, SHANGHAI), Set.of(FigureKind.CONTRACTS), today, to);
		assertThat(contractsOnly).extracting(Figure::kind).containsOnly(FigureKind.CONTRACTS);
		assertThat(contractsOnly).extracting(f -> f.servedParty() + ">" + f.servingParty())
			.containsExactly(YUNNAN + ">" + SHANGHAI, SHANGHAI + ">" + YUNNAN);
		assertThat(figures.between(List.of(YUNNAN), EnumSet.allOf(FigureKind.class), today, to)).isEmpty();
		assertThat(figures.between(HU_DIAN, Set.of(), today, to)).isEmpty();
		assertThatThrownBy(() -> figures.between(HU_DIAN, Set.of(FigureKind.CONTRACTS), to, today))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("flows.span"));
		assertThatThrownBy(() -> figures.between(HU_DIAN, Set.of(FigureKind.CONTRACTS), today, today.plusYears(11)))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("flows.span"));
		assertThatThrownBy(() -> figures.between(List.of(SHANGHAI, "云南"), Set.of(FigureKind.CONTRACTS), today, to))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("flows.region"));
	}

	@Test
	void theFlowsOfAPeriodAreFoundThroughAnIndexNotByReadingEveryRow() {
		String period = " >= timestamptz '2026-01-01 00:00+08' and %s < timestamptz '2026-02-01 00:00+08'";
		assertThat(plan("select count(*) from voucher.service_order where state = 'CONFIRMED' and confirmed_at"
				+ period.formatted("confirmed_at"))).contains("order_confirmed_brin");
		assertThat(plan("select count(*), sum(fee) from booking.reservation where state in ('USED', 'BILLED') and external"
				+ " and actual_end" + period.formatted("actual_end"))).contains("reservation_used_end_idx");
		assertThat(plan("select count(*), sum(value_fen) from trading.contract where state in ('REGISTERED',"
				+ " 'IN_PERFORMANCE', 'COMPLETED') and registered_at" + period.formatted("registered_at")))
			.contains("contract_daily_flows");
		assertThat(plan("select count(*) from challenge.panellist where seated_at" + period.formatted("seated_at")))
			.contains("panellist_seated_idx");
	}

	private String plan(String query) {
		return transactions.execute(status -> {
			// one transaction, one connection: the setting holds for the explain that follows it
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("explain " + query).query(String.class).list());
		});
	}

	// ---- the independent count: rows of the owning modules' tables, assigned to the parties here

	private Map<String, Sums> counted(List<String> parties, LocalDate from, LocalDate until) {
		Map<String, Sums> counted = new TreeMap<>();
		for (FigureKind kind : FigureKind.values()) {
			for (String served : parties) {
				for (String serving : parties) {
					if (!served.equals(serving)) {
						counted.put(key(kind, served, serving), new Sums(0, 0));
					}
				}
			}
			for (Map<String, Object> row : rows(kind, from, until)) {
				String served = party(parties, (String) row.get("served"));
				String serving = party(parties, (String) row.get("serving"));
				if (served != null && serving != null && !served.equals(serving)) {
					counted.merge(key(kind, served, serving), new Sums(1, ((Number) row.get("fen")).longValue()), Sums::plus);
				}
			}
		}
		return counted;
	}

	private List<Map<String, Object>> rows(FigureKind kind, LocalDate from, LocalDate until) {
		String sql = switch (kind) {
			case SERVICE_ORDERS -> """
					select to_char(confirmed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
					       enterprise_region as served, provider_region as serving, quote as fen
					from voucher.service_order
					where state = 'CONFIRMED' and booking_id is null
					  and to_char(confirmed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') between :from and :to""";
			case VOUCHER_SPENDING -> """
					select to_char(confirmed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
					       enterprise_region as served, provider_region as serving, voucher_amount as fen
					from voucher.service_order
					where state = 'CONFIRMED' and voucher_amount > 0
					  and to_char(confirmed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') between :from and :to""";
			case INSTRUMENT_BOOKINGS -> """
					select to_char(actual_end at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, booker_region as served, owner_region as serving, coalesce(fee, 0) as fen
					from booking.reservation
					where state in ('USED', 'BILLED') and booker_org_id <> owner_org_id
					  and to_char(actual_end at time zone 'Asia/Shanghai', 'YYYY-MM-DD') between :from and :to""";
			case DEMAND_MATCHES -> """
					select to_char(f.first_useful at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, d.region_code as served,
					       e.region_code as serving, 0 as fen
					from (select demand_id, entry_id, min(at) filter (where useful) as first_useful
					      from demand.feedback where entry_type = 'ACHIEVEMENT' group by demand_id, entry_id
					      having bool_or(useful)) f
					join demand.demand d on d.id = f.demand_id
					join catalog.entry e on e.id = f.entry_id
					where to_char(f.first_useful at time zone 'Asia/Shanghai', 'YYYY-MM-DD') between :from and :to""";
			case PANEL_EXPERTS -> """
					select to_char(p.seated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, c.region_code as served,
					       coalesce(p.region_code, u.region_code) as serving, 0 as fen
					from challenge.panellist p
					join challenge.challenge c on c.id = p.challenge_id
					join account.user_account u on u.id = p.user_id
					where to_char(p.seated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') between :from and :to""";
			case CONTRACTS -> """
					select to_char(registered_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, buyer_region as served,
					       seller_region as serving, value_fen as fen
					from trading.contract
					where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED')
					  and to_char(registered_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') between :from and :to""";
		};
		return jdbc.sql(sql).param("from", from.toString()).param("to", until.toString()).query().listOfRows();
	}

	private static String party(List<String> parties, String region) {
		return parties.stream().filter(party -> RegionCodes.isWithin(region, party)).findFirst().orElse(null);
	}

	// ---- the scenario's steps

	private static void confirmWithoutVoucher(Http enterprise, Http provider, String quote) {
		String order = VoucherScenario.order(enterprise, provider, "委托检测" + Markers.unique(), quote);
		ok(enterprise.post("/api/v1/orders/" + order + "/accept",
				Map.of("quotedAmount", VoucherScenario.quoteOf(enterprise, order))));
		ok(provider.post("/api/v1/orders/" + order + "/deliver", Map.of("note", "报告 " + Markers.unique())));
		ok(enterprise.post("/api/v1/orders/" + order + "/confirm", Map.of()));
	}

	private static String demand(Http owner) {
		var created = owner.post("/api/v1/demands", Map.of("title", "低品位铝土矿选冶技术需求 " + Markers.digits(6),
				"description", "需要低品位铝土矿脱硅选矿与氧化铝生产的成套技术，可委托开发或技术转让。", "keywords",
				List.of("铝土矿", "选矿"), "modes", List.of("TRANSFER"), "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static void verdict(Http owner, String demand, EntryView achievement, boolean useful) {
		Map<String, Object> body = new HashMap<>(Map.of("useful", useful));
		if (!useful) {
			body.put("reason", "PRICE");
		}
		var said = owner.post("/api/v1/demands/" + demand + "/matches/achievement/" + achievement.id() + "/feedback", body);
		assertThat(said.status()).as(said.body()).isEqualTo(204);
	}

	private void registered(String seller, String buyer, String registrar, String yuan) {
		ContractView c = personas.as(seller, () -> contracts.create(new Contracts.Draft("合作统计用合同 " + yuan,
				ContractType.SERVICE, personas.actor(seller).organisationId(), personas.actor(buyer).organisationId(),
				Money.ofYuan(yuan, "v"), List.of(), null, null)));
		personas.as(seller, () -> contracts.sign(c.id()));
		personas.as(buyer, () -> contracts.sign(c.id()));
		personas.as(registrar, () -> contracts.register(c.id()));
	}

	private static void ok(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	// ---- figures as comparable maps

	/** A figure's count and money in fen, comparable by value. */
	record Sums(long count, long fen) {

		Sums plus(Sums other) {
			return new Sums(count + other.count, fen + other.fen);
		}
	}

	private static String key(FigureKind kind, String served, String serving) {
		return kind + " " + served + ">" + serving;
	}

	private static Map<String, Sums> keyed(List<Figure> figures) {
		Map<String, Sums> keyed = new TreeMap<>();
		for (Figure f : figures) {
			keyed.put(key(f.kind(), f.servedParty(), f.servingParty()),
					new Sums(f.count(), f.value() == null ? 0 : f.value().fen()));
		}
		return keyed;
	}

	private static void expect(Map<String, Sums> expected, FigureKind kind, String served, String serving, long count,
			long yuan) {
		expected.put(key(kind, served, serving), new Sums(count, yuan * 100));
	}

	private static Map<String, Sums> delta(Map<String, Sums> after, Map<String, Sums> before) {
		Map<String, Sums> delta = new TreeMap<>();
		after.forEach((key, sums) -> delta.put(key, new Sums(sums.count() - before.get(key).count(),
				sums.fen() - before.get(key).fen())));
		return delta;
	}
}
