package cn.kejiao.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewInstrument;
import cn.kejiao.support.Personas;
import cn.kejiao.voucher.InstrumentUseOrders;
import tools.jackson.databind.JsonNode;

/**
 * What a booking costs and how it is paid: the booker's price group × the actual use, paid through a service order
 * whose voucher part is held at approval, posted at billing (the ratio of the actual fee, at most what was held)
 * and given back at cancellation — the same grant balances, ledger and settlements as any order.
 */
@KejiaoIntegrationTest
class BookingFeesTests {

	@Autowired
	Personas personas;

	@Autowired
	MutableClock clock;

	@Autowired
	Catalog catalog;

	@Autowired
	InstrumentUseOrders useOrders;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void theFeeIsThePriceTimesTheActualUseInTheBookersPriceGroup() {
		Instant start = Instant.parse("2026-12-08T01:00:00Z");
		Instant ninetyMinutesLater = start.plus(Duration.ofMinutes(90));
		// external 300.00 per hour, used 1 h 30 min: 450.00
		assertThat(Fees.fee(Unit.HOUR, 30_000, start, ninetyMinutesLater,
				Fees.quantity(Unit.HOUR, start, ninetyMinutesLater, null))).isEqualTo(45_000);
		assertThat(Fees.quantity(Unit.HOUR, start, ninetyMinutesLater, null)).isEqualByComparingTo("1.50");
		// the owner's own people at the internal 180.00 per hour: 270.00
		assertThat(Fees.fee(Unit.HOUR, 18_000, start, ninetyMinutesLater, new BigDecimal("1.50"))).isEqualTo(27_000);
		// 120.00 per sample, three samples: 360.00
		assertThat(Fees.fee(Unit.SAMPLE, 12_000, start, ninetyMinutesLater, new BigDecimal("3"))).isEqualTo(36_000);
		// to the minute, rounded half up to the fen: 100.00 per hour for 7 minutes is 11.666… → 11.67
		assertThat(Fees.fee(Unit.HOUR, 10_000, start, start.plus(Duration.ofMinutes(7)), null)).isEqualTo(1_167);
	}

	@Test
	void aYunnanVoucherPaysHalfOfAShorterUseOfAJiadingInstrumentAndTheRestOfItsHoldGoesBack() {
		Http provider = personas.api("provider-jd");
		Http enterprise = personas.api("ent-ws");
		String instrument = instrument("300.00", "HOUR", "180", false);
		String grant = yunnanGrant(enterprise);
		String before = balance(enterprise, grant);
		LocalDate day = workingDayAhead();

		JsonNode booked = expect(201, book(enterprise, instrument, day, "09:00", "11:00", grant)).json();
		String id = booked.get("id").asString();
		assertThat(booked.get("state").asString()).isEqualTo("REQUESTED");
		assertThat(booked.get("unitPrice").asString()).isEqualTo("300.00");
		assertThat(booked.get("external").asBoolean()).isTrue();
		assertThat(balance(enterprise, grant)).as("nothing is held before approval").isEqualTo(before);

		// approval holds the grant's ratio (50%) of the estimate, 300.00 × 2 h = 600.00: 300.00
		JsonNode approved = expect(200, provider.post("/api/v1/bookings/" + id + "/approve", Map.of())).json();
		String order = approved.get("orderId").asString();
		JsonNode accepted = expect(200, enterprise.get("/api/v1/orders/" + order)).json();
		assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.get("quote").asString()).isEqualTo("600.00");
		assertThat(accepted.get("voucherAmount").asString()).isEqualTo("300.00");
		assertThat(accepted.get("serviceKind").asString()).isEqualTo("检验检测");
		assertThat(accepted.get("bookingId").asString()).isEqualTo(id);
		assertThat(balance(enterprise, grant)).isEqualTo(minus(before, "300.00"));
		// the order is the booking's: its parties cannot move it by hand
		Http.Response byHand = provider.post("/api/v1/orders/" + order + "/deliver", Map.of("note", "报告"));
		assertThat(byHand.status()).isEqualTo(409);
		assertThat(byHand.code()).isEqualTo("order.follows-booking");
		// both parties see it among their orders
		assertThat(ids(enterprise.get("/api/v1/orders").json())).contains(order);
		assertThat(ids(provider.get("/api/v1/orders").json())).contains(order);

		String period = day.toString().substring(0, 7);
		JsonNode settledBefore = settlementLine(period);

		// the booker comes at 09:00 and uses it until 10:30: 1 h 30 min at 300.00 = 450.00
		at(day, "09:00");
		provider = personas.api("provider-jd");
		enterprise = personas.api("ent-ws");
		expect(200, enterprise.post("/api/v1/bookings/" + id + "/check-in", Map.of()));
		at(day, "10:35");
		provider = personas.api("provider-jd");
		enterprise = personas.api("ent-ws");
		JsonNode billed = expect(200, provider.post("/api/v1/bookings/" + id + "/complete",
				Map.of("actualStart", time(day, "09:00"), "actualEnd", time(day, "10:30")))).json();
		assertThat(billed.get("state").asString()).isEqualTo("BILLED");
		assertThat(billed.get("quantity").decimalValue()).isEqualByComparingTo("1.50");
		assertThat(billed.get("fee").asString()).isEqualTo("450.00");

		// the voucher pays 50% of 450.00 = 225.00 to the provider; the other 75.00 of the hold goes back
		JsonNode confirmed = expect(200, enterprise.get("/api/v1/orders/" + order)).json();
		assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.get("quote").asString()).isEqualTo("450.00");
		assertThat(confirmed.get("voucherAmount").asString()).isEqualTo("225.00");
		assertThat(confirmed.get("ownPart").asString()).isEqualTo("225.00");
		assertThat(balance(enterprise, grant)).isEqualTo(minus(before, "225.00"));
		JsonNode transfers = expect(200, personas.api("admin").get("/api/v1/voucher-ledger/transfers?reference=order:" + order)).json();
		assertThat(transfers.toString()).contains("hold:" + order, "post:" + order, "void:" + order);

		// the settlement of the month counts it like any order
		JsonNode settledAfter = settlementLine(period);
		assertThat(amount(settledAfter) - amount(settledBefore)).isEqualTo(22_500);
		assertThat(orders(settledAfter) - orders(settledBefore)).isEqualTo(1);

		// billing again moves nothing
		assertThat(provider.post("/api/v1/bookings/" + id + "/bill", Map.of()).code()).isEqualTo("booking.state");
		assertThat(balance(enterprise, grant)).isEqualTo(minus(before, "225.00"));
		ledgerVerifies();
	}

	@Test
	void cancellingAnApprovedBookingOrMarkingANoShowGivesTheWholeHoldBack() {
		Http provider = personas.api("provider-jd");
		Http enterprise = personas.api("ent-ws");
		String instrument = instrument("300.00", "HOUR", "180", false);
		String grant = yunnanGrant(enterprise);
		String before = balance(enterprise, grant);
		LocalDate day = workingDayAhead();

		String cancelled = expect(201, book(enterprise, instrument, day, "09:00", "10:00", grant)).json().get("id").asString();
		String cancelledOrder = expect(200, provider.post("/api/v1/bookings/" + cancelled + "/approve", Map.of())).json()
			.get("orderId").asString();
		assertThat(balance(enterprise, grant)).isEqualTo(minus(before, "150.00"));
		expect(200, enterprise.post("/api/v1/bookings/" + cancelled + "/cancel", Map.of("reason", "样品未备好")));
		assertThat(balance(enterprise, grant)).isEqualTo(before);
		JsonNode order = expect(200, enterprise.get("/api/v1/orders/" + cancelledOrder)).json();
		assertThat(order.get("state").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("cancelReason").asString()).isEqualTo("样品未备好");

		String missed = expect(201, book(enterprise, instrument, day, "14:00", "16:00", grant)).json().get("id").asString();
		String missedOrder = expect(200, provider.post("/api/v1/bookings/" + missed + "/approve", Map.of())).json()
			.get("orderId").asString();
		assertThat(balance(enterprise, grant)).isEqualTo(minus(before, "300.00"));
		at(day, "14:45");
		provider = personas.api("provider-jd");
		enterprise = personas.api("ent-ws");
		assertThat(expect(200, provider.post("/api/v1/bookings/" + missed + "/no-show", Map.of())).json().get("state")
			.asString()).isEqualTo("NO_SHOW");
		assertThat(balance(enterprise, grant)).isEqualTo(before);
		assertThat(expect(200, enterprise.get("/api/v1/orders/" + missedOrder)).json().get("state").asString())
			.isEqualTo("CANCELLED");
		ledgerVerifies();
	}

	@Test
	void aSampleInstrumentConfirmedAtOnceHoldsAtTheRequestAndPostsNoMoreThanItHeld() {
		Http provider = personas.api("provider-jd");
		Http enterprise = personas.api("ent-ws");
		String instrument = instrument("120.00", "SAMPLE", "80", true);
		String grant = yunnanGrant(enterprise);
		String before = balance(enterprise, grant);
		LocalDate day = workingDayAhead();

		// confirmed at once: the estimate is one sample, 120.00, of which 60.00 is held at the request
		JsonNode booked = expect(201, book(enterprise, instrument, day, "10:00", "11:00", grant)).json();
		assertThat(booked.get("state").asString()).isEqualTo("APPROVED");
		String id = booked.get("id").asString();
		String order = booked.get("orderId").asString();
		assertThat(balance(enterprise, grant)).isEqualTo(minus(before, "60.00"));

		expect(200, provider.post("/api/v1/bookings/" + id + "/check-in", Map.of()));
		at(day, "11:10");
		provider = personas.api("provider-jd");
		enterprise = personas.api("ent-ws");
		// three samples at 120.00: 360.00, of which the voucher pays what it held (half would be 180.00)
		JsonNode billed = expect(200, provider.post("/api/v1/bookings/" + id + "/complete", Map.of("quantity", 3))).json();
		assertThat(billed.get("fee").asString()).isEqualTo("360.00");
		JsonNode confirmed = expect(200, enterprise.get("/api/v1/orders/" + order)).json();
		assertThat(confirmed.get("quote").asString()).isEqualTo("360.00");
		assertThat(confirmed.get("voucherAmount").asString()).isEqualTo("60.00");
		assertThat(confirmed.get("ownPart").asString()).isEqualTo("300.00");
		assertThat(balance(enterprise, grant)).isEqualTo(minus(before, "60.00"));
		ledgerVerifies();
	}

	@Test
	void theOwnersOwnPeoplePayTheInternalPriceWithNoOrderAndNoVoucher() {
		Http provider = personas.api("provider-jd");
		String instrument = instrument("300.00", "HOUR", "180", false);
		LocalDate day = workingDayAhead();
		JsonNode booked = expect(201, book(provider, instrument, day, "09:00", "11:00", null)).json();
		String id = booked.get("id").asString();
		assertThat(booked.get("external").asBoolean()).isFalse();
		assertThat(booked.get("unitPrice").asString()).isEqualTo("180.00");
		assertThat(expect(200, provider.post("/api/v1/bookings/" + id + "/approve", Map.of())).json().get("orderId").isNull())
			.isTrue();
		at(day, "10:35");
		provider = personas.api("provider-jd");
		expect(200, provider.post("/api/v1/bookings/" + id + "/check-in", Map.of()));
		JsonNode billed = expect(200, provider.post("/api/v1/bookings/" + id + "/complete",
				Map.of("actualStart", time(day, "09:00"), "actualEnd", time(day, "10:30")))).json();
		assertThat(billed.get("state").asString()).isEqualTo("BILLED");
		assertThat(billed.get("fee").asString()).isEqualTo("270.00");
		assertThat(billed.get("orderId").isNull()).isTrue();

		// a voucher never pays for an own instrument
		Http.Response withGrant = book(provider, instrument, day, "14:00", "15:00", java.util.UUID.randomUUID().toString());
		assertThat(withGrant.status()).isEqualTo(400);
		assertThat(withGrant.code()).isEqualTo("booking.grant-internal");
	}

	@Test
	void aGrantOfAnotherEnterpriseIsRefusedAndNothingIsBooked() {
		Http provider = personas.api("provider-jd");
		Http enterprise = personas.api("ent-ws");
		String instrument = instrument("300.00", "HOUR", "180", false);
		String othersGrant = StreamSupport.stream(personas.api("ent-jd").get("/api/v1/voucher-grants").json().spliterator(), false)
			.filter(g -> g.get("state").asString().equals("ACTIVE")).findFirst().orElseThrow().get("id").asString();
		LocalDate day = workingDayAhead();
		Http.Response refused = book(enterprise, instrument, day, "09:00", "10:00", othersGrant);
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.code()).isEqualTo("voucher.grant-not-found");
		assertThat(StreamSupport.stream(enterprise.get("/api/v1/bookings?mine=true").json().spliterator(), false)
			.noneMatch(b -> b.get("instrumentId").asString().equals(instrument))).isTrue();
		// the same time can still be booked, without a voucher
		assertThat(book(enterprise, instrument, day, "09:00", "10:00", null).status()).isEqualTo(201);
	}

	@Test
	void theOrderPageOfABookingSaysItFollowsTheBookingAndOffersNoStepsByHand() {
		Http provider = personas.api("provider-jd");
		Http enterprise = personas.api("ent-ws");
		String instrument = instrument("300.00", "HOUR", "180", false);
		String id = expect(201, book(enterprise, instrument, workingDayAhead(), "15:00", "16:00", yunnanGrant(enterprise)))
			.json().get("id").asString();
		String order = expect(200, provider.post("/api/v1/bookings/" + id + "/approve", Map.of())).json().get("orderId")
			.asString();
		String page = personas.browser("provider-jd").get("/orders/" + order).body();
		assertThat(page).contains("id=\"order-follows-booking\"", "随仪器预约").doesNotContain("id=\"deliver-submit\"",
				"id=\"cancel-submit\"");
		String mine = personas.browser("ent-ws").get("/orders").body();
		assertThat(mine).contains(order);
	}

	@Test
	void aBookingHasOneOrderHoldingOnceHoweverOftenItIsOpenedBilledOrCancelled() {
		Http enterprise = personas.api("ent-ws");
		String grant = yunnanGrant(enterprise);
		String before = balance(enterprise, grant);
		java.util.UUID booking = java.util.UUID.randomUUID();
		InstrumentUseOrders.Use use = new InstrumentUseOrders.Use(booking, "YY-TEST", "2026-12-08 09:00–10:00",
				Instant.now().plus(Duration.ofDays(3)), personas.actor("ent-ws").organisationId(),
				personas.actor("provider-jd").organisationId(), java.util.UUID.randomUUID(), "场发射扫描电镜（计费）",
				new Money(30_000), java.util.UUID.fromString(grant));
		java.util.UUID first = personas.as("provider-jd", () -> useOrders.open(use));
		assertThat(personas.as("provider-jd", () -> useOrders.open(use))).isEqualTo(first);
		assertThat(useOrders.orderOf(booking)).contains(first);
		assertThat(balance(enterprise, grant)).isEqualTo(minus(before, "150.00"));
		personas.as("provider-jd", () -> useOrders.cancel(booking, "测试"));
		personas.as("provider-jd", () -> useOrders.cancel(booking, "测试"));
		assertThat(balance(enterprise, grant)).isEqualTo(before);
		ledgerVerifies();
	}

	// ---- helpers

	/** A published instrument of provider-jd of its own, at an external and an internal price, approved by hand or at once. */
	private String instrument(String price, String unit, String internalPrice, boolean atOnce) {
		return NewInstrument.of(personas, catalog, "provider-jd", "场发射扫描电镜（计费）", price, unit, internalPrice, "1500000",
				atOnce).toString();
	}

	/**
	 * ent-ws's Yunnan grant (科技入滇, 50%): accepted in the 沪滇 zone, i.e. in Shanghai and Yunnan, so at a 嘉定
	 * (310114) instrument, for any kind of service.
	 */
	private static String yunnanGrant(Http enterprise) {
		JsonNode grant = StreamSupport.stream(enterprise.get("/api/v1/voucher-grants").json().spliterator(), false)
			.filter(g -> g.get("issuerRegion").asString().equals("530000") && g.get("state").asString().equals("ACTIVE")
					&& "hu-dian".equals(g.get("acceptedZone").asString()))
			.findFirst().orElseThrow();
		assertThat(grant.get("subsidyRatio").decimalValue()).isEqualByComparingTo("0.5");
		return grant.get("id").asString();
	}

	private static String balance(Http enterprise, String grant) {
		return expect(200, enterprise.get("/api/v1/voucher-grants/" + grant)).json().get("balance").asString();
	}

	private static String minus(String yuan, String less) {
		return new BigDecimal(yuan).subtract(new BigDecimal(less)).setScale(2).toPlainString();
	}

	/** The first working day at least three days ahead (China time), so that every step fits before and on it. */
	private LocalDate workingDayAhead() {
		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusDays(3);
		while (!calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	private static String time(LocalDate day, String time) {
		return OffsetDateTime.of(day, LocalTime.parse(time), ChinaTime.ZONE.getRules().getOffset(day.atTime(12, 0)))
			.toString();
	}

	/** Moves the application's clock to the time of that day, China time. */
	private void at(LocalDate day, String time) {
		clock.set(day.atTime(LocalTime.parse(time)).atZone(ChinaTime.ZONE).toInstant());
	}

	private static Http.Response book(Http booker, String instrument, LocalDate day, String from, String until,
			String grant) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("instrumentId", instrument);
		body.put("start", time(day, from));
		body.put("end", time(day, until));
		body.put("purpose", "赤泥样品形貌观察");
		if (grant != null) {
			body.put("grantId", grant);
		}
		return booker.post("/api/v1/bookings", body);
	}

	/** provider-jd's line of the month's settlement for Yunnan's vouchers (empty when there is none). */
	private JsonNode settlementLine(String period) {
		Http admin = personas.api("admin");
		String providerOrg = personas.api("provider-jd").get("/api/v1/me").json().get("organisationId").asString();
		JsonNode preview = expect(200, admin.get("/api/v1/settlements/preview?period=" + period)).json();
		return StreamSupport.stream(preview.get("lines").spliterator(), false)
			.filter(l -> l.get("issuerRegion").asString().equals("530000") && l.get("providerOrgId").asString().equals(providerOrg))
			.findFirst().orElse(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
	}

	private static long amount(JsonNode line) {
		return line.has("amount") ? new BigDecimal(line.get("amount").asString()).movePointRight(2).longValueExact() : 0;
	}

	private static int orders(JsonNode line) {
		return line.has("orders") ? line.get("orders").asInt() : 0;
	}

	private static java.util.List<String> ids(JsonNode orders) {
		return StreamSupport.stream(orders.spliterator(), false).map(o -> o.get("id").asString()).toList();
	}

	private void ledgerVerifies() {
		JsonNode verification = expect(200, personas.api("admin").get("/api/v1/voucher-ledger/verification")).json();
		assertThat(verification.get("violations").size()).as(verification.toString()).isZero();
		assertThat(verification.get("totalBalance").asLong()).isZero();
	}

	private static Http.Response expect(int status, Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}
}
