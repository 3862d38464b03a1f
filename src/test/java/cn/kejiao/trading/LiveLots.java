package cn.kejiao.trading;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Http;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.Personas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A live lot of its own for each test: a fresh verified seller in 嘉定, a session opened by the platform admin,
 * starting price ¥10,000, increment ¥1,000, a reserve, a deposit of ¥5,000; and fresh verified bidders registered
 * through the API with their deposits recorded by the organiser. Made by a test from the context's beans.
 */
public class LiveLots {

	static final Money DEPOSIT = Money.ofYuan("5000", "deposit");

	private final Personas personas;
	private final AuctionSessions sessions;
	private final Clock clock;

	public LiveLots(Personas personas, AuctionSessions sessions, Clock clock) {
		this.personas = personas;
		this.sessions = sessions;
		this.clock = clock;
	}

	public record Bidder(NewOrganisation.Registered organisation, Http api) {
	}

	public record Lot(UUID id, UUID sessionId, NewOrganisation.Registered seller) {

		public String path() {
			return "/api/v1/auctions/" + id;
		}
	}

	public Lot lot(String reserveYuan) {
		return lot(reserveYuan, clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofHours(2)));
	}

	public Lot lot(String reserveYuan, Instant startsAt, Instant closesAt) {
		NewOrganisation.Registered seller = NewOrganisation.of("UNIVERSITY", "310114").verified(personas.port());
		Actor admin = personas.actor("admin");
		UUID session = sessions.open(admin, new AuctionSessions.SessionForm("专利拍卖专场 " + seller.name(), "上海技术交易所",
				null, null, null, null));
		UUID lot = sessions.addLot(admin, session, new AuctionSessions.LotForm("一种高强度铝合金及其制备方法", "发明专利转让",
				seller.id(), null, null, "ZL202310000001.X", Money.ofYuan("10000", "startingPrice"),
				Money.ofYuan("1000", "increment"), reserveYuan == null ? null : Money.ofYuan(reserveYuan, "reserve"),
				DEPOSIT, startsAt, closesAt, null, null));
		return new Lot(lot, session, seller);
	}

	/** A fresh verified organisation in the region, registered for the lot, its deposit recorded. */
	public Bidder bidder(Lot lot, String regionCode) {
		Bidder bidder = registered(lot, regionCode);
		Http.Response deposit = personas.api("admin").post(lot.path() + "/registrations/" + bidder.organisation().id()
				+ "/deposit", Map.of("amount", "5000", "reference", "保证金-" + bidder.organisation().creditCode()));
		if (deposit.status() != 200) {
			throw new AssertionError("deposit refused: " + deposit.status() + " " + deposit.body());
		}
		return bidder;
	}

	/** Registered for the lot, no deposit yet. */
	public Bidder registered(Lot lot, String regionCode) {
		NewOrganisation.Registered organisation = NewOrganisation.enterprise(regionCode).verified(personas.port());
		Http api = organisation.api();
		Http.Response registration = api.post(lot.path() + "/registrations", Map.of());
		if (registration.status() != 201) {
			throw new AssertionError("registration refused: " + registration.status() + " " + registration.body());
		}
		return new Bidder(organisation, api);
	}

	public List<Bidder> bidders(Lot lot, int count) {
		List<Bidder> bidders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			bidders.add(bidder(lot, i % 2 == 0 ? "310114" : "532622"));
		}
		return bidders;
	}
}
