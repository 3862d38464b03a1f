package cn.kejiao.trading;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organiser's side of auctions: a platform admin or a region admin opens a session in its region, puts lots
 * in it (each from a verified seller, with a starting price, an increment, a hidden reserve, a deposit, a start
 * and a close), withdraws a lot before its first bid and publishes the session's results. Only admins governing
 * the session's region act on it.
 */
@Service
public class AuctionSessions {

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final Listings listings;
	private final AuditLog audit;
	private final Clock clock;
	private final Duration extendWindow;
	private final Duration extendBy;

	AuctionSessions(JdbcClient jdbc, Organisations organisations, Listings listings, AuditLog audit, Clock clock,
			@Value("${kejiao.trading.extend-window:PT5M}") Duration extendWindow,
			@Value("${kejiao.trading.extend-by:PT5M}") Duration extendBy) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.listings = listings;
		this.audit = audit;
		this.clock = clock;
		this.extendWindow = extendWindow;
		this.extendBy = extendBy;
	}

	/** A session's title, where it takes place and the commissions of its lots, in percent of the hammer price. */
	public record SessionForm(String title, @Nullable String place, @Nullable String onlineUrl,
			@Nullable String description, @Nullable BigDecimal buyerCommissionPercent,
			@Nullable BigDecimal sellerCommissionPercent) {
	}

	/**
	 * A lot. The reserve is optional and never shown to bidders; the deposit is what a bidder must have paid the
	 * organiser before bidding (zero for none); the anti-sniping window and extension default to the settings.
	 */
	public record LotForm(String title, @Nullable String description, UUID sellerOrgId, @Nullable UUID listingId,
			@Nullable UUID achievementId, @Nullable String patentNumbers, Money startingPrice, Money increment,
			@Nullable Money reservePrice, @Nullable Money deposit, Instant startsAt, Instant closesAt,
			@Nullable Integer extendWindowMinutes, @Nullable Integer extendByMinutes) {
	}

	@Transactional
	public UUID open(Actor actor, SessionForm form) {
		if (!actor.isPlatformAdmin() && !actor.isRegionAdmin()) {
			throw KejiaoException.forbidden("auction.organiser-only");
		}
		String title = required(form.title(), "title");
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into trading.auction_session (id, title, region_code, organiser_id, place, online_url,
				    description, buyer_commission_bp, seller_commission_bp, created_at)
				values (:id, :title, :region, :organiser, :place, :url, :description, :buyer, :seller, :at)""")
			.param("id", id).param("title", title).param("region", actor.regionCode())
			.param("organiser", actor.userId()).param("place", text(form.place()))
			.param("url", text(form.onlineUrl())).param("description", text(form.description()))
			.param("buyer", basisPoints(form.buyerCommissionPercent(), 500, "buyerCommissionPercent"))
			.param("seller", basisPoints(form.sellerCommissionPercent(), 300, "sellerCommissionPercent"))
			.param("at", Timestamp.from(clock.instant())).update();
		audit.record("auction.session-opened", "auction-session", id.toString(), title, actor.regionCode(), null,
				form);
		return id;
	}

	@Transactional
	public UUID addLot(Actor actor, UUID sessionId, LotForm form) {
		Session session = governed(actor, sessionId);
		// lots are numbered in the order they are added: one at a time per session
		jdbc.sql("select id from trading.auction_session where id = :id for update").param("id", sessionId)
			.query(UUID.class).single();
		String title = required(form.title(), "title");
		OrganisationView seller = organisations.find(form.sellerOrgId()).filter(OrganisationView::isVerified)
			.orElseThrow(() -> KejiaoException.invalid("auction.seller-unverified"));
		if (!form.closesAt().isAfter(form.startsAt())) {
			throw KejiaoException.invalid("auction.close-before-start");
		}
		if (!form.closesAt().isAfter(clock.instant())) {
			throw KejiaoException.invalid("auction.close-passed");
		}
		if (form.startingPrice().isZero() || form.increment().isZero()) {
			throw KejiaoException.invalid("auction.price-positive");
		}
		UUID achievement = form.achievementId();
		String patents = text(form.patentNumbers());
		if (form.listingId() != null) {
			ListingView listing = listings.find(form.listingId()).filter(l -> l.state() == ListingState.PUBLISHED)
				.orElseThrow(() -> KejiaoException.invalid("auction.listing-not-offered"));
			if (!listing.sellerOrgId().equals(seller.id())) {
				throw KejiaoException.invalid("auction.listing-seller", listing.sellerOrgName());
			}
			achievement = listing.achievementId();
			patents = patents.isEmpty() ? String.join("、", listing.patentNumbers()) : patents;
		}
		Money reserve = form.reservePrice() == null || form.reservePrice().isZero() ? null : form.reservePrice();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into trading.lot (id, session_id, lot_no, title, description, listing_id, achievement_id,
				    patent_numbers, seller_org_id, seller_region, starting_fen, increment_fen, reserve_fen, deposit_fen,
				    starts_at, scheduled_close, closes_at, extend_window_s, extend_by_s, created_at)
				select :id, :session, coalesce(max(lot_no), 0) + 1, :title, :description, :listing, :achievement,
				    :patents, :seller, :region, :starting, :increment, :reserve, :deposit, :starts, :closes, :closes,
				    :window, :by, :at
				from trading.lot where session_id = :session""")
			.param("id", id).param("session", sessionId).param("title", title)
			.param("description", text(form.description())).param("listing", form.listingId())
			.param("achievement", achievement).param("patents", patents)
			.param("seller", seller.id()).param("region", seller.regionCode())
			.param("starting", form.startingPrice().fen()).param("increment", form.increment().fen())
			.param("reserve", reserve == null ? null : reserve.fen())
			.param("deposit", form.deposit() == null ? 0L : form.deposit().fen())
			.param("starts", Timestamp.from(form.startsAt())).param("closes", Timestamp.from(form.closesAt()))
			.param("window", seconds(form.extendWindowMinutes(), extendWindow))
			.param("by", seconds(form.extendByMinutes(), extendBy)).param("at", Timestamp.from(clock.instant()))
			.update();
		audit.record("auction.lot-added", "auction-lot", id.toString(), title, session.regionCode(), null,
				Map.of("session", session.title(), "seller", seller.name(), "startingPrice",
						form.startingPrice().yuan()));
		return id;
	}

	/** Takes a lot out of its session; only before anyone bid on it. */
	@Transactional
	public void withdraw(Actor actor, UUID lotId) {
		Session session = governed(actor, sessionOf(lotId));
		int changed = jdbc.sql("""
				update trading.lot set state = 'WITHDRAWN', closed_at = :at
				where id = :lot and state = 'OPEN' and bid_count = 0""")
			.param("at", Timestamp.from(clock.instant())).param("lot", lotId).update();
		if (changed == 0) {
			throw KejiaoException.conflict("auction.withdraw-after-bids");
		}
		audit.record("auction.lot-withdrawn", "auction-lot", lotId.toString(), lotId.toString(),
				session.regionCode(), null, null);
	}

	/** Makes the results of the session's closed lots public (hammer prices and buyers). */
	@Transactional
	public void publish(Actor actor, UUID sessionId) {
		Session session = governed(actor, sessionId);
		jdbc.sql("update trading.auction_session set published_at = :at where id = :id")
			.param("at", Timestamp.from(clock.instant())).param("id", sessionId).update();
		audit.record("auction.results-published", "auction-session", sessionId.toString(), session.title(),
				session.regionCode(), null, null);
	}

	UUID sessionOf(UUID lotId) {
		return jdbc.sql("select session_id from trading.lot where id = :id").param("id", lotId).query(UUID.class)
			.optional().orElseThrow(() -> KejiaoException.notFound("auction.lot-not-found"));
	}

	/** The session, when the actor governs its region; a missing one and one of another region look alike. */
	Session governed(Actor actor, UUID sessionId) {
		Session session = jdbc.sql("select id, title, region_code from trading.auction_session where id = :id")
			.param("id", sessionId).query(Session.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("auction.session-not-found"));
		if (!actor.governs(session.regionCode())) {
			throw KejiaoException.notFound("auction.session-not-found");
		}
		return session;
	}

	record Session(UUID id, String title, String regionCode) {
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw KejiaoException.invalid("auction.field-required", field).with("field", field);
		}
		return value.strip();
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static int seconds(@Nullable Integer minutes, Duration fallback) {
		if (minutes == null) {
			return (int) fallback.toSeconds();
		}
		if (minutes < 0 || minutes > 120) {
			throw KejiaoException.invalid("auction.extension-range");
		}
		return minutes * 60;
	}

	private static int basisPoints(@Nullable BigDecimal percent, int fallback, String field) {
		if (percent == null) {
			return fallback;
		}
		if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(50)) > 0) {
			throw KejiaoException.invalid("auction.commission-range").with("field", field);
		}
		return percent.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
	}
}
