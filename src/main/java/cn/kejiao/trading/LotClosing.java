package cn.kejiao.trading;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes lots whose close time passed: sold to the leader at the hammer price when the reserve is met (the
 * buyer's and the seller's commissions worked out from the session's rates), unsold otherwise. Every node runs the
 * sweep; each lot is closed once, by whichever node locks it first ({@code FOR UPDATE SKIP LOCKED}). A sold lot
 * publishes {@link LotSold}. {@code kejiao.trading.jobs=false} stops the schedule (the tests close lots
 * themselves).
 */
@Service
public class LotClosing {

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final LotWatchers watchers;
	private final AuctionSessions sessions;
	private final AuditLog audit;
	private final Clock clock;
	private final boolean enabled;

	LotClosing(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			LotWatchers watchers, AuctionSessions sessions, AuditLog audit, Clock clock,
			@Value("${kejiao.trading.jobs:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.watchers = watchers;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${kejiao.trading.close-interval:PT2S}", initialDelayString = "PT10S")
	void sweep() {
		if (enabled) {
			closeDue();
		}
	}

	/** Closes every lot due now, one transaction each; returns how many. */
	public int closeDue() {
		int closed = 0;
		while (Boolean.TRUE.equals(transactions.execute(status -> closeNext(null)))) {
			closed++;
		}
		return closed;
	}

	/** The organiser closes a lot whose close time passed without waiting for the sweep. */
	public void close(Actor actor, UUID lotId) {
		sessions.governed(actor, sessions.sessionOf(lotId));
		transactions.executeWithoutResult(status -> {
			if (!closeNext(lotId)) {
				String state = jdbc.sql("select state from trading.lot where id = :id").param("id", lotId)
					.query(String.class).single();
				if (state.equals("OPEN")) {
					throw KejiaoException.conflict("auction.not-yet-closed");
				}
			}
		});
	}

	private boolean closeNext(@Nullable UUID lotId) {
		Instant now = clock.instant();
		List<Due> due = jdbc.sql("""
				select l.id, l.session_id, l.title, l.listing_id, l.achievement_id, l.seller_org_id, l.seller_region,
				    l.starting_fen, l.increment_fen, l.leading_fen, l.leader_org_id, l.leader_max_fen, l.reserve_fen,
				    l.step_count, l.leader_no, l.closes_at, s.buyer_commission_bp, s.seller_commission_bp
				from trading.lot l join trading.auction_session s on s.id = l.session_id
				where l.state = 'OPEN' and l.closes_at <= :now and (cast(:lot as uuid) is null or l.id = :lot)
				order by l.closes_at limit 1
				for update of l skip locked""")
			.param("now", Timestamp.from(now)).param("lot", lotId).query(Due.class).list();
		if (due.isEmpty()) {
			return false;
		}
		Due lot = due.getFirst();
		AuctionRules.Prices prices = new AuctionRules.Prices(lot.startingFen(), lot.incrementFen(), lot.leadingFen(),
				lot.leaderOrgId(), lot.leaderMaxFen());
		Long hammer = AuctionRules.hammerFen(prices, lot.reserveFen());
		boolean sold = hammer != null;
		long buyerCommission = sold ? AuctionRules.commissionFen(hammer, lot.buyerCommissionBp()) : 0;
		long sellerCommission = sold ? AuctionRules.commissionFen(hammer, lot.sellerCommissionBp()) : 0;
		jdbc.sql("""
				update trading.lot set state = :state, hammer_fen = :hammer, buyer_commission_fen = :buyer,
				    seller_commission_fen = :seller, closed_at = :at where id = :id""")
			.param("state", sold ? "SOLD" : "UNSOLD").param("hammer", hammer)
			.param("buyer", sold ? buyerCommission : null).param("seller", sold ? sellerCommission : null)
			.param("at", Timestamp.from(now)).param("id", lot.id()).update();
		watchers.announce(new LotChange(lot.id(), "closed", lot.stepCount(),
				lot.leadingFen() == null ? null : Money.yuan(lot.leadingFen()), Pseudonyms.letters(lot.leaderNo() == null ? 0 : lot.leaderNo()),
				lot.closesAt(), now, sold ? "SOLD" : "UNSOLD"));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("state", sold ? "SOLD" : "UNSOLD");
		if (sold) {
			after.put("hammer", Money.yuan(hammer));
			events.publishEvent(new LotSold(lot.id(), lot.sessionId(), lot.title(), lot.listingId(),
					lot.achievementId(), lot.sellerOrgId(), lot.leaderOrgId(), new Money(hammer),
					new Money(buyerCommission), new Money(sellerCommission), now));
		}
		else {
			events.publishEvent(new LotUnsold(lot.id(), lot.sessionId(), lot.title(), lot.sellerOrgId(),
					lot.leadingFen() != null, now));
		}
		audit.record("auction.lot-closed", "auction-lot", lot.id().toString(), lot.title(), lot.sellerRegion(), null,
				after);
		return true;
	}

	private record Due(UUID id, UUID sessionId, String title, @Nullable UUID listingId, @Nullable UUID achievementId,
			UUID sellerOrgId, String sellerRegion, long startingFen, long incrementFen, @Nullable Long leadingFen,
			@Nullable UUID leaderOrgId, @Nullable Long leaderMaxFen, @Nullable Long reserveFen, int stepCount,
			@Nullable Integer leaderNo, Instant closesAt, int buyerCommissionBp, int sellerCommissionBp) {
	}
}
