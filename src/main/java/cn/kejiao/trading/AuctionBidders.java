package cn.kejiao.trading;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may bid on a lot: a member of a verified organisation (not the seller) registers for it and gets the next
 * pseudonym (竞买人 A, B, …); the organiser records the deposit (保证金) the bidder paid, which lets it bid.
 */
@Service
public class AuctionBidders {

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final AuctionSessions sessions;
	private final AuditLog audit;
	private final Clock clock;

	AuctionBidders(JdbcClient jdbc, Organisations organisations, AuctionSessions sessions, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/** A registered bidder as the organiser sees it. */
	public record Registrant(UUID orgId, String orgName, String regionCode, String pseudonym,
			@Nullable Money deposit, String depositReference, Instant registeredAt, boolean mayBid) {
	}

	/** The actor's own registration on a lot. */
	public record MyRegistration(String pseudonym, Money depositRequired, @Nullable Money deposit,
			boolean mayBid) {
	}

	/** Registers the actor's organisation for the lot, once; registering again returns the same pseudonym. */
	@Transactional
	public MyRegistration register(Actor actor, UUID lotId) {
		UUID org = actor.organisationId();
		OrganisationView organisation = org == null ? null : organisations.find(org).orElse(null);
		if (organisation == null || !organisation.isVerified()) {
			throw KejiaoException.conflict("auction.unverified");
		}
		Lot lot = jdbc.sql("""
				select seller_org_id, state, closes_at, deposit_fen from trading.lot where id = :lot for update""")
			.param("lot", lotId).query(Lot.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("auction.lot-not-found"));
		if (lot.sellerOrgId().equals(org)) {
			throw KejiaoException.conflict("auction.own-lot");
		}
		if (!lot.state().equals("OPEN") || !clock.instant().isBefore(lot.closesAt())) {
			throw KejiaoException.conflict("auction.closed").with("closedAt", lot.closesAt());
		}
		int inserted = jdbc.sql("""
				insert into trading.registration (lot_id, org_id, user_id, pseudonym_no, registered_at)
				select :lot, :org, :user, coalesce(max(pseudonym_no), 0) + 1, :at from trading.registration
				where lot_id = :lot
				on conflict (lot_id, org_id) do nothing""")
			.param("lot", lotId).param("org", org).param("user", actor.userId())
			.param("at", Timestamp.from(clock.instant())).update();
		if (inserted == 1) {
			audit.record("auction.bidder-registered", "auction-lot", lotId.toString(), organisation.name(),
					organisation.regionCode(), null, Map.of("organisation", organisation.name()));
		}
		return mine(actor, lotId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public java.util.Optional<MyRegistration> mine(Actor actor, UUID lotId) {
		if (actor.organisationId() == null) {
			return java.util.Optional.empty();
		}
		return jdbc.sql("""
				select r.pseudonym_no, l.deposit_fen as required, r.deposit_fen from trading.registration r
				join trading.lot l on l.id = r.lot_id where r.lot_id = :lot and r.org_id = :org""")
			.param("lot", lotId).param("org", actor.organisationId())
			.query((rs, n) -> {
				long required = rs.getLong(2);
				Long paid = (Long) rs.getObject(3);
				return new MyRegistration(Pseudonyms.letters(rs.getInt(1)), new Money(required),
						paid == null ? null : new Money(paid), required == 0 || (paid != null && paid >= required));
			}).optional();
	}

	/**
	 * The organiser records the deposit a registered bidder paid, at least what the lot asks for; returns the
	 * bidder's registration as it now stands.
	 */
	@Transactional
	public MyRegistration recordDeposit(Actor actor, UUID lotId, UUID orgId, Money amount, @Nullable String reference) {
		AuctionSessions.Session session = sessions.governed(actor, sessions.sessionOf(lotId));
		long required = jdbc.sql("select deposit_fen from trading.lot where id = :lot").param("lot", lotId)
			.query(Long.class).single();
		if (amount.fen() < required) {
			throw KejiaoException.invalid("auction.deposit-short", Money.display(required))
				.with("deposit", Money.yuan(required));
		}
		Integer pseudonymNo = jdbc.sql("""
				update trading.registration set deposit_fen = :fen, deposit_reference = :ref,
				    deposit_recorded_by = :by, deposit_recorded_at = :at
				where lot_id = :lot and org_id = :org
				returning pseudonym_no""")
			.param("fen", amount.fen()).param("ref", reference == null ? "" : reference.strip())
			.param("by", actor.userId()).param("at", Timestamp.from(clock.instant())).param("lot", lotId)
			.param("org", orgId).query(Integer.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("auction.registration-not-found"));
		String name = organisations.find(orgId).map(OrganisationView::name).orElse(orgId.toString());
		audit.record("auction.deposit-recorded", "auction-lot", lotId.toString(), name, session.regionCode(), null,
				Map.of("organisation", name, "deposit", amount.yuan(), "reference", reference == null ? "" : reference));
		return new MyRegistration(Pseudonyms.letters(pseudonymNo), new Money(required), amount, true);
	}

	/** The bidders registered for a lot, in the order they registered; for its organiser. */
	@Transactional(readOnly = true)
	public List<Registrant> registrants(Actor actor, UUID lotId) {
		sessions.governed(actor, sessions.sessionOf(lotId));
		return jdbc.sql("""
				select r.org_id, r.pseudonym_no, r.deposit_fen, r.deposit_reference, r.registered_at, l.deposit_fen
				from trading.registration r join trading.lot l on l.id = r.lot_id
				where r.lot_id = :lot order by r.pseudonym_no""")
			.param("lot", lotId).query((rs, n) -> {
				UUID org = rs.getObject(1, UUID.class);
				OrganisationView view = organisations.find(org).orElse(null);
				Long paid = (Long) rs.getObject(3);
				long required = rs.getLong(6);
				return new Registrant(org, view == null ? org.toString() : view.name(),
						view == null ? "" : view.regionCode(), Pseudonyms.letters(rs.getInt(2)),
						paid == null ? null : new Money(paid), rs.getString(4), rs.getTimestamp(5).toInstant(),
						view != null && view.isVerified() && (required == 0 || (paid != null && paid >= required)));
			}).list();
	}

	private record Lot(UUID sellerOrgId, String state, Instant closesAt, long depositFen) {
	}
}
