package cn.kejiao.trading;

import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads auctions for the calendar, the lot page, the bidder's and the seller's lists and the organiser's console.
 * A lot's state follows from the server's clock; what each reader may see of it is decided in {@link #view}.
 */
@Service
@Transactional(readOnly = true)
public class AuctionQueries {

	private static final String LOT = """
			select l.*, s.title as session_title, s.region_code as session_region, s.published_at,
			    (select count(*) from trading.registration r where r.lot_id = l.id) as registered,
			    (select r.pseudonym_no from trading.registration r where r.lot_id = l.id and r.org_id = l.leader_org_id)
			        as winner_no
			from trading.lot l join trading.auction_session s on s.id = l.session_id""";

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final Clock clock;

	AuctionQueries(JdbcClient jdbc, Organisations organisations, Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** A session of the calendar with its lots' count and span. */
	public record SessionView(UUID id, String title, String regionCode, String place, String onlineUrl,
			String description, double buyerCommissionPercent, double sellerCommissionPercent,
			@Nullable Instant firstStart, @Nullable Instant lastClose, int lots, int live, boolean published) {
	}

	/** A step of the price history, the bidder by pseudonym; {@code yours} when the reader's organisation bid it. */
	public record PriceStep(int seq, Money amount, String bidder, boolean auto, Instant at, boolean yours) {
	}

	/** A bid as submitted, for the organiser: a replay of these in order gives the lot's prices back. */
	public record SubmittedBid(int seq, UUID bidderOrgId, String bidder, AuctionRules.Kind kind, Money amount,
			Instant at) {
	}

	/** A lot the reader's organisation registered for, with its own highest bid and whether it leads. */
	public record MyBid(LotView lot, String pseudonym, @Nullable Money myHighest, boolean leading) {
	}

	public LotView lot(UUID lotId, @Nullable Actor reader) {
		return jdbc.sql(LOT + " where l.id = :id").param("id", lotId).query((rs, n) -> view(rs, reader, new HashMap<>()))
			.optional().orElseThrow(() -> KejiaoException.notFound("auction.lot-not-found"));
	}

	/** Lots by state (SCHEDULED, LIVE, CLOSED or null for all), soonest closing first; withdrawn ones never. */
	public Page<LotView> lots(@Nullable String state, Paging paging, @Nullable Actor reader) {
		String where = switch (state == null ? "" : state) {
			case "SCHEDULED" -> "l.state = 'OPEN' and l.starts_at > :now";
			case "LIVE" -> "l.state = 'OPEN' and l.starts_at <= :now and l.closes_at > :now";
			case "CLOSED" -> "l.state in ('SOLD', 'UNSOLD')";
			case "" -> "l.state <> 'WITHDRAWN'";
			default -> throw KejiaoException.invalid("auction.state-unknown", state);
		};
		Timestamp now = Timestamp.from(clock.instant());
		long total = jdbc.sql("select count(*) from trading.lot l where " + where).param("now", now)
			.query(Long.class).single();
		String order = "CLOSED".equals(state) ? "l.closes_at desc" : "l.closes_at, l.lot_no";
		Map<UUID, OrganisationView> names = new HashMap<>();
		List<LotView> lots = jdbc.sql(LOT + " where " + where + " order by " + order + " limit :size offset :offset")
			.param("now", now).param("size", paging.size()).param("offset", paging.offset())
			.query((rs, n) -> view(rs, reader, names)).list();
		return new PageImpl<>(lots, paging.pageRequest(), total);
	}

	/** The sessions with lots still to close (or all), in the order they start. */
	public List<SessionView> sessions(boolean all) {
		Instant from = all ? null : clock.instant();
		return jdbc.sql("""
				select s.id, s.title, s.region_code, s.place, s.online_url, s.description, s.buyer_commission_bp,
				    s.seller_commission_bp, min(l.starts_at), max(l.closes_at), count(l.id),
				    count(l.id) filter (where l.state = 'OPEN' and l.starts_at <= :now and l.closes_at > :now),
				    s.published_at is not null
				from trading.auction_session s left join trading.lot l on l.session_id = s.id and l.state <> 'WITHDRAWN'
				group by s.id having cast(:from as timestamptz) is null or max(l.closes_at) >= :from or count(l.id) = 0
				order by min(l.starts_at) nulls last, s.created_at""")
			.param("now", Timestamp.from(clock.instant())).param("from", from == null ? null : Timestamp.from(from))
			.query(AuctionQueries::session).list();
	}

	public SessionView session(UUID sessionId) {
		return sessions(true).stream().filter(s -> s.id().equals(sessionId)).findFirst()
			.orElseThrow(() -> KejiaoException.notFound("auction.session-not-found"));
	}

	/** The lots of a session in lot order, withdrawn ones included only for its organiser. */
	public List<LotView> lotsOf(UUID sessionId, @Nullable Actor reader) {
		Map<UUID, OrganisationView> names = new HashMap<>();
		return jdbc.sql(LOT + " where l.session_id = :id order by l.lot_no").param("id", sessionId)
			.query((rs, n) -> view(rs, reader, names)).list().stream()
			.filter(lot -> !lot.state().equals("WITHDRAWN") || reader != null && reader.governs(lot.sessionRegion()))
			.toList();
	}

	/** The price history, oldest first. */
	public List<PriceStep> history(UUID lotId, @Nullable Actor reader) {
		UUID mine = reader == null ? null : reader.organisationId();
		return jdbc.sql("""
				select p.seq, p.amount_fen, r.pseudonym_no, p.auto, p.at, p.org_id from trading.price_step p
				join trading.registration r on r.lot_id = p.lot_id and r.org_id = p.org_id
				where p.lot_id = :lot order by p.seq""")
			.param("lot", lotId)
			.query((rs, n) -> new PriceStep(rs.getInt(1), new Money(rs.getLong(2)), Pseudonyms.letters(rs.getInt(3)),
					rs.getBoolean(4), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class).equals(mine)))
			.list();
	}

	/** Every bid as submitted, proxy maxima included: for the organiser only. */
	public List<SubmittedBid> submitted(UUID lotId, Actor reader) {
		LotView lot = lot(lotId, reader);
		if (!reader.governs(lot.sessionRegion())) {
			throw KejiaoException.notFound("auction.lot-not-found");
		}
		return jdbc.sql("""
				select b.seq, b.org_id, r.pseudonym_no, b.kind, b.amount_fen, b.placed_at from trading.bid b
				join trading.registration r on r.lot_id = b.lot_id and r.org_id = b.org_id
				where b.lot_id = :lot order by b.seq""")
			.param("lot", lotId)
			.query((rs, n) -> new SubmittedBid(rs.getInt(1), rs.getObject(2, UUID.class),
					Pseudonyms.letters(rs.getInt(3)), AuctionRules.Kind.valueOf(rs.getString(4)),
					new Money(rs.getLong(5)), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The lots the reader's organisation registered for, live ones first. */
	public List<MyBid> myBids(Actor reader) {
		UUID org = reader.organisationId();
		if (org == null) {
			return List.of();
		}
		record Mine(int no, @Nullable Long highest) {
		}
		Map<UUID, Mine> mine = new HashMap<>();
		jdbc.sql("""
				select r.lot_id, r.pseudonym_no, (select max(p.amount_fen) from trading.price_step p
				    where p.lot_id = r.lot_id and p.org_id = r.org_id)
				from trading.registration r where r.org_id = :org""")
			.param("org", org)
			.query((RowCallbackHandler) rs -> mine.put(rs.getObject(1, UUID.class),
					new Mine(rs.getInt(2), (Long) rs.getObject(3))));
		Map<UUID, OrganisationView> names = new HashMap<>();
		return jdbc.sql(LOT + """
				, trading.registration mine where mine.lot_id = l.id and mine.org_id = :org
				order by (l.state = 'OPEN') desc, l.closes_at""")
			.param("org", org).query((rs, n) -> view(rs, reader, names)).list().stream()
			.filter(lot -> mine.containsKey(lot.id())) // registered between the two reads: shown next time
			.map(lot -> {
				Mine own = mine.get(lot.id());
				String pseudonym = Pseudonyms.letters(own.no());
				return new MyBid(lot, pseudonym, own.highest() == null ? null : new Money(own.highest()),
						pseudonym.equals(lot.leader()) && lot.leadingAmount() != null);
			}).toList();
	}

	/** The lots the reader's organisation sells. */
	public List<LotView> myLots(Actor reader) {
		if (reader.organisationId() == null) {
			return List.of();
		}
		Map<UUID, OrganisationView> names = new HashMap<>();
		return jdbc.sql(LOT + " where l.seller_org_id = :org order by l.closes_at desc")
			.param("org", reader.organisationId()).query((rs, n) -> view(rs, reader, names)).list();
	}

	private LotView view(ResultSet rs, @Nullable Actor reader, Map<UUID, OrganisationView> names) throws SQLException {
		Instant now = clock.instant();
		String stored = rs.getString("state");
		Instant startsAt = rs.getTimestamp("starts_at").toInstant();
		Instant closesAt = rs.getTimestamp("closes_at").toInstant();
		String state = !stored.equals("OPEN") ? stored
				: now.isBefore(startsAt) ? "SCHEDULED" : now.isBefore(closesAt) ? "LIVE" : "CLOSING";
		UUID seller = rs.getObject("seller_org_id", UUID.class);
		String sessionRegion = rs.getString("session_region");
		boolean published = rs.getTimestamp("published_at") != null;
		UUID leaderOrg = rs.getObject("leader_org_id", UUID.class);
		UUID readerOrg = reader == null ? null : reader.organisationId();
		boolean insider = reader != null && (reader.governs(sessionRegion) || seller.equals(readerOrg));
		Long leading = (Long) rs.getObject("leading_fen");
		Long reserve = (Long) rs.getObject("reserve_fen");
		long increment = rs.getLong("increment_fen");
		long minimum = leading == null ? rs.getLong("starting_fen") : leading + increment;
		int leaderNo = rs.getInt("leader_no");
		LotView.Result result = null;
		if (stored.equals("SOLD") || stored.equals("UNSOLD")) {
			boolean sold = stored.equals("SOLD");
			boolean sees = published || insider || (leaderOrg != null && leaderOrg.equals(readerOrg));
			Long hammer = (Long) rs.getObject("hammer_fen");
			result = new LotView.Result(sold, sold && sees ? new Money(hammer) : null,
					sold && sees ? name(leaderOrg, names) : null, sold && sees ? leaderOrg : null,
					sold && sees ? new Money(rs.getLong("buyer_commission_fen")) : null,
					sold && sees ? new Money(rs.getLong("seller_commission_fen")) : null,
					rs.getTimestamp("closed_at").toInstant());
		}
		return new LotView(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
				rs.getString("session_title"), sessionRegion, rs.getInt("lot_no"), rs.getString("title"),
				rs.getString("description"), rs.getObject("listing_id", UUID.class),
				rs.getObject("achievement_id", UUID.class), rs.getString("patent_numbers"), seller,
				name(seller, names), rs.getString("seller_region"), new Money(rs.getLong("starting_fen")),
				new Money(increment), new Money(rs.getLong("deposit_fen")), startsAt,
				rs.getTimestamp("scheduled_close").toInstant(), closesAt, state,
				leading == null ? null : new Money(leading), leading == null ? null : Pseudonyms.letters(leaderNo),
				rs.getInt("step_count"), new Money(minimum), rs.getInt("registered"),
				insider && reserve != null ? new Money(reserve) : null, result, published);
	}

	private String name(UUID org, Map<UUID, OrganisationView> names) {
		OrganisationView view = names.computeIfAbsent(org, id -> organisations.find(id).orElse(null));
		return view == null ? org.toString() : view.name();
	}

	private static SessionView session(ResultSet rs, int row) throws SQLException {
		Timestamp first = rs.getTimestamp(9);
		Timestamp last = rs.getTimestamp(10);
		return new SessionView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getInt(7) / 100.0, rs.getInt(8) / 100.0,
				first == null ? null : first.toInstant(), last == null ? null : last.toInstant(), rs.getInt(11),
				rs.getInt(12), rs.getBoolean(13));
	}
}
