package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The listing rows in SQL: read as {@link ListingView}s, written whole. */
@Component
class ListingRows {

	private static final String COLUMNS = """
			id, achievement_id, title, seller_org_id, seller_org_name, seller_region_code, modes, licence_territory,
			licence_term, asking_price_fen, patent_numbers, legal_status, notes, state, created_at, updated_at,
			published_at, sold_at""";

	private final JdbcClient jdbc;

	ListingRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ListingView> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from trading.listing where id = :id").param("id", id)
			.query(ListingRows::view).optional();
	}

	/** The listing, locked for the change that follows. */
	Optional<ListingView> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from trading.listing where id = :id for update").param("id", id)
			.query(ListingRows::view).optional();
	}

	List<ListingView> ofSeller(UUID sellerOrgId) {
		return jdbc.sql("select " + COLUMNS + " from trading.listing where seller_org_id = :org order by updated_at desc")
			.param("org", sellerOrgId).query(ListingRows::view).list();
	}

	/** Every published listing, newest first: the set the listings search narrows. */
	List<ListingView> published() {
		return jdbc.sql("select " + COLUMNS + " from trading.listing where state = 'PUBLISHED' order by published_at desc, id")
			.query(ListingRows::view).list();
	}

	Optional<UUID> liveFor(UUID achievementId) {
		return jdbc.sql("select id from trading.listing where achievement_id = :a and state in ('DRAFT', 'PUBLISHED')")
			.param("a", achievementId).query(UUID.class).optional();
	}

	void insert(ListingView listing) {
		jdbc.sql("""
				insert into trading.listing (id, achievement_id, seller_org_id, seller_org_name, seller_region_code, title,
				    notes, modes, licence_territory, licence_term, asking_price_fen, patent_numbers, legal_status, state,
				    created_at, updated_at, published_at, sold_at)
				values (:id, :achievement, :seller, :sellerName, :region, :title, :notes, :modes, :territory, :term, :price,
				    :patents, :legal, :state, :created, :updated, :published, :sold)""")
			.params(params(listing)).update();
	}

	void update(ListingView listing) {
		jdbc.sql("""
				update trading.listing set title = :title, notes = :notes, modes = :modes, licence_territory = :territory,
				    licence_term = :term, asking_price_fen = :price, patent_numbers = :patents, legal_status = :legal,
				    state = :state, updated_at = :updated, published_at = :published, sold_at = :sold,
				    seller_org_name = :sellerName
				where id = :id""")
			.params(params(listing)).update();
	}

	private static java.util.Map<String, Object> params(ListingView l) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("id", l.id());
		p.put("achievement", l.achievementId());
		p.put("seller", l.sellerOrgId());
		p.put("sellerName", l.sellerOrgName());
		p.put("region", l.sellerRegionCode());
		p.put("title", l.title());
		p.put("notes", l.notes());
		p.put("modes", l.modes().stream().map(Enum::name).toArray(String[]::new));
		p.put("territory", l.licenceTerritory());
		p.put("term", l.licenceTerm());
		p.put("price", l.askingPrice() == null ? null : l.askingPrice().fen());
		p.put("patents", l.patentNumbers().toArray(String[]::new));
		p.put("legal", l.legalStatus().name());
		p.put("state", l.state().name());
		p.put("created", Timestamp.from(l.createdAt()));
		p.put("updated", Timestamp.from(l.updatedAt()));
		p.put("published", l.publishedAt() == null ? null : Timestamp.from(l.publishedAt()));
		p.put("sold", l.soldAt() == null ? null : Timestamp.from(l.soldAt()));
		return p;
	}

	static ListingView view(ResultSet rs, int row) throws SQLException {
		long price = rs.getLong("asking_price_fen");
		Money asking = rs.wasNull() ? null : new Money(price);
		return new ListingView(rs.getObject("id", UUID.class), rs.getObject("achievement_id", UUID.class),
				rs.getString("title"), rs.getObject("seller_org_id", UUID.class), rs.getString("seller_org_name"),
				rs.getString("seller_region_code"),
				strings(rs.getArray("modes")).stream().map(ListingMode::valueOf).toList(),
				rs.getString("licence_territory"), rs.getString("licence_term"), asking, asking == null,
				strings(rs.getArray("patent_numbers")), LegalStatus.valueOf(rs.getString("legal_status")),
				rs.getString("notes"), ListingState.valueOf(rs.getString("state")), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "published_at"), instant(rs, "sold_at"));
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
