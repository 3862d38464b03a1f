package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of inquiry threads, their messages, attachments and offers. */
@Component
class InquiryRows {

	private static final String INQUIRY = """
			select id, listing_id, title, seller_org_id, seller_org_name, seller_region_code, buyer_org_id, buyer_org_name,
			    buyer_region_code, opened_at, last_activity_at, agreed from trading.inquiry""";

	private static final String OFFER = """
			select id, inquiry_id, side, amount_fen, mode, terms, made_by, made_at, state, answered_by, answered_at
			from trading.inquiry_offer""";

	private final JdbcClient jdbc;

	InquiryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<InquiryView> find(UUID id) {
		return jdbc.sql(INQUIRY + " where id = :id").param("id", id).query(InquiryRows::inquiry).optional();
	}

	Optional<InquiryView> lock(UUID id) {
		return jdbc.sql(INQUIRY + " where id = :id for update").param("id", id).query(InquiryRows::inquiry).optional();
	}

	Optional<UUID> of(UUID listingId, UUID buyerOrgId) {
		return jdbc.sql("select id from trading.inquiry where listing_id = :l and buyer_org_id = :b").param("l", listingId)
			.param("b", buyerOrgId).query(UUID.class).optional();
	}

	/** The threads an organisation is a side of, last moved first. */
	List<InquiryView> ofOrganisation(UUID orgId) {
		return jdbc.sql(INQUIRY + " where seller_org_id = :o or buyer_org_id = :o order by last_activity_at desc limit 500")
			.param("o", orgId).query(InquiryRows::inquiry).list();
	}

	/** The threads with a side in the region or below it ({@code likePattern} as RegionCodes writes it). */
	List<InquiryView> inRegion(String likePattern) {
		return jdbc.sql(INQUIRY
				+ " where seller_region_code like :p or buyer_region_code like :p order by last_activity_at desc limit 500")
			.param("p", likePattern).query(InquiryRows::inquiry).list();
	}

	void insert(InquiryView i, String openedBy) {
		jdbc.sql("""
				insert into trading.inquiry (id, listing_id, title, seller_org_id, seller_org_name, seller_region_code,
				    buyer_org_id, buyer_org_name, buyer_region_code, opened_by, opened_at, last_activity_at, agreed)
				values (:id, :listing, :title, :seller, :sellerName, :sellerRegion, :buyer, :buyerName, :buyerRegion, :by,
				    :at, :at, false)""")
			.param("id", i.id()).param("listing", i.listingId()).param("title", i.title()).param("seller", i.sellerOrgId())
			.param("sellerName", i.sellerOrgName()).param("sellerRegion", i.sellerRegionCode()).param("buyer", i.buyerOrgId())
			.param("buyerName", i.buyerOrgName()).param("buyerRegion", i.buyerRegionCode()).param("by", openedBy)
			.param("at", Timestamp.from(i.openedAt())).update();
	}

	void touched(UUID id, Instant at, boolean agreed) {
		jdbc.sql("update trading.inquiry set last_activity_at = :at, agreed = agreed or :agreed where id = :id")
			.param("id", id).param("at", Timestamp.from(at)).param("agreed", agreed).update();
	}

	UUID message(UUID inquiryId, InquirySide side, String author, String authorName, String body, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into trading.inquiry_message (id, inquiry_id, side, author, author_name, body, posted_at)
				values (:id, :inquiry, :side, :author, :name, :body, :at)""")
			.param("id", id).param("inquiry", inquiryId).param("side", side.name()).param("author", author)
			.param("name", authorName).param("body", body).param("at", Timestamp.from(at)).update();
		return id;
	}

	void attach(UUID inquiryId, UUID messageId, InquiryFiles.Upload file, String contentType) {
		jdbc.sql("""
				insert into trading.inquiry_attachment (id, inquiry_id, message_id, name, content_type, size, content)
				values (:id, :inquiry, :message, :name, :type, :size, :content)""")
			.param("id", UUID.randomUUID()).param("inquiry", inquiryId).param("message", messageId)
			.param("name", file.name()).param("type", contentType).param("size", file.content().length)
			.param("content", file.content()).update();
	}

	Optional<InquiryFiles.Download> attachment(UUID inquiryId, UUID fileId) {
		return jdbc.sql("select name, content_type, content from trading.inquiry_attachment where id = :id and inquiry_id = :i")
			.param("id", fileId).param("i", inquiryId)
			.query((rs, n) -> new InquiryFiles.Download(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	List<InquiryMessage> messages(UUID inquiryId) {
		Map<UUID, List<InquiryMessage.Attachment>> files = new LinkedHashMap<>();
		jdbc.sql("select id, message_id, name, size from trading.inquiry_attachment where inquiry_id = :i order by name")
			.param("i", inquiryId)
			.query((rs, n) -> {
				files.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
					.add(new InquiryMessage.Attachment(rs.getObject(1, UUID.class), rs.getString(3), rs.getInt(4)));
				return null;
			}).list();
		return jdbc.sql("""
				select id, side, author_name, body, posted_at from trading.inquiry_message where inquiry_id = :i
				order by posted_at, id""").param("i", inquiryId)
			.query((rs, n) -> new InquiryMessage(rs.getObject(1, UUID.class), InquirySide.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
					List.copyOf(files.getOrDefault(rs.getObject(1, UUID.class), List.of()))))
			.list();
	}

	List<InquiryOffer> offers(UUID inquiryId) {
		return jdbc.sql(OFFER + " where inquiry_id = :i order by made_at, id").param("i", inquiryId)
			.query(InquiryRows::offer).list();
	}

	Optional<InquiryOffer> lockOffer(UUID inquiryId, UUID offerId) {
		return jdbc.sql(OFFER + " where id = :id and inquiry_id = :i for update").param("id", offerId)
			.param("i", inquiryId).query(InquiryRows::offer).optional();
	}

	/** Replaces the thread's open offer, if any, by this one. */
	void offer(InquiryOffer offer) {
		jdbc.sql("update trading.inquiry_offer set state = 'SUPERSEDED' where inquiry_id = :i and state = 'OPEN'")
			.param("i", offer.inquiryId()).update();
		jdbc.sql("""
				insert into trading.inquiry_offer (id, inquiry_id, side, amount_fen, mode, terms, made_by, made_at, state)
				values (:id, :inquiry, :side, :amount, :mode, :terms, :by, :at, 'OPEN')""")
			.param("id", offer.id()).param("inquiry", offer.inquiryId()).param("side", offer.side().name())
			.param("amount", offer.amount().fen()).param("mode", offer.mode().name()).param("terms", offer.terms())
			.param("by", offer.madeBy()).param("at", Timestamp.from(offer.madeAt())).update();
	}

	void answered(UUID offerId, OfferState state, String by, Instant at) {
		jdbc.sql("update trading.inquiry_offer set state = :s, answered_by = :by, answered_at = :at where id = :id")
			.param("s", state.name()).param("by", by).param("at", Timestamp.from(at)).param("id", offerId).update();
	}

	/** The open offers of every thread on the listing lapse: it was sold. */
	int lapseOffersOn(UUID listingId, Instant at) {
		return jdbc.sql("""
				update trading.inquiry_offer set state = 'LAPSED', answered_at = :at
				where state = 'OPEN' and inquiry_id in (select id from trading.inquiry where listing_id = :l)""")
			.param("l", listingId).param("at", Timestamp.from(at)).update();
	}

	private static InquiryView inquiry(ResultSet rs, int row) throws SQLException {
		return new InquiryView(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class), rs.getString("title"),
				rs.getObject("seller_org_id", UUID.class), rs.getString("seller_org_name"), rs.getString("seller_region_code"),
				rs.getObject("buyer_org_id", UUID.class), rs.getString("buyer_org_name"), rs.getString("buyer_region_code"),
				rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("last_activity_at").toInstant(),
				rs.getBoolean("agreed"));
	}

	private static InquiryOffer offer(ResultSet rs, int row) throws SQLException {
		Timestamp answered = rs.getTimestamp("answered_at");
		return new InquiryOffer(rs.getObject("id", UUID.class), rs.getObject("inquiry_id", UUID.class),
				InquirySide.valueOf(rs.getString("side")), new Money(rs.getLong("amount_fen")),
				ListingMode.valueOf(rs.getString("mode")), rs.getString("terms"), rs.getString("made_by"),
				rs.getTimestamp("made_at").toInstant(), OfferState.valueOf(rs.getString("state")),
				rs.getString("answered_by"), answered == null ? null : answered.toInstant());
	}

	static @Nullable Instant instant(@Nullable Timestamp at) {
		return at == null ? null : at.toInstant();
	}
}
