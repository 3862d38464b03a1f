package cn.kejiao.trading;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Auctions made through the facades for page tests and journeys: a session of sh-admin (上海) with a live lot of
 * provider-jd (上海嘉定) — starting ¥100,000.00, increment ¥5,000.00, reserve ¥300,000.00, deposit ¥20,000.00 — and
 * bidders registered with their deposits recorded. Made by each test class from the context's beans.
 */
public final class AuctionFixture {

	public static final String ORGANISER = "sh-admin";
	public static final String SELLER = "provider-jd";

	private final Personas personas;
	private final AuctionSessions sessions;
	private final AuctionBidders bidders;
	private final Clock clock;

	public AuctionFixture(Personas personas, AuctionSessions sessions, AuctionBidders bidders, Clock clock) {
		this.personas = personas;
		this.sessions = sessions;
		this.bidders = bidders;
		this.clock = clock;
	}

	public record Lot(UUID sessionId, UUID lotId, String title) {
	}

	/** A new session with one lot open for bids for the next two hours. */
	public Lot liveLot() {
		Actor organiser = personas.actor(ORGANISER);
		UUID session = sessions.open(organiser, new AuctionSessions.SessionForm("专利拍卖专场 " + Markers.unique(),
				"上海技术交易所", null, null, null, null));
		String title = "一种高效散热装置专利 " + Markers.unique();
		UUID lot = sessions.addLot(organiser, session, new AuctionSessions.LotForm(title, "测试拍品",
				personas.actor(SELLER).organisationId(), null, null, "ZL202310000001.1", new Money(10_000_000),
				new Money(500_000), new Money(30_000_000), new Money(2_000_000),
				clock.instant().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(2)), 5, 5));
		return new Lot(session, lot, title);
	}

	/** The user's organisation registered for the lot, with its deposit recorded by the organiser. */
	public String registerWithDeposit(UUID lotId, String username) {
		Actor bidder = personas.actor(username);
		String pseudonym = bidders.register(bidder, lotId).pseudonym();
		bidders.recordDeposit(personas.actor(ORGANISER), lotId, bidder.organisationId(), new Money(2_000_000),
				"BANK-" + Markers.digits(6));
		return pseudonym;
	}

	/** Registered, the deposit not yet recorded. */
	public String register(UUID lotId, String username) {
		return bidders.register(personas.actor(username), lotId).pseudonym();
	}
}
