package cn.kejiao.voucher;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.ledger.Account;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.database.SqlArrays;

/** Orders and grants as rows: the one place their columns are listed and read. */
@Component
class OrderRows {

	/** What a step needs to know of an order to check and change it. */
	record OrderRow(UUID id, String number, UUID enterpriseOrgId, String enterpriseRegion, UUID providerOrgId,
			String providerRegion, String serviceKind, @Nullable Long listPrice, OrderState state, @Nullable Long quote,
			@Nullable UUID grantId, long voucherAmount, @Nullable String issuerRegion, @Nullable String acceptKey,
			List<String> flags, @Nullable UUID bookingId) {

		/**
		 * Refuses a step its parties take by hand on an order that follows an instrument booking: the booking's
		 * steps move it ({@link InstrumentUseOrders}), so that the fee and the voucher part stay the booking's.
		 */
		void requireTakenByHand() {
			if (bookingId != null) {
				throw KejiaoException.conflict("order.follows-booking", number);
			}
		}

		/** The same order with another voucher part: what billing a shorter use posts. */
		OrderRow withVoucherAmount(long amount) {
			return new OrderRow(id, number, enterpriseOrgId, enterpriseRegion, providerOrgId, providerRegion, serviceKind,
					listPrice, state, quote, grantId, amount, issuerRegion, acceptKey, flags, bookingId);
		}

		/** Its parties, and the admins of the regions of its parties and of its voucher's issuer. */
		boolean visibleTo(Actor actor) {
			return OrderRows.visibleTo(actor, enterpriseOrgId, providerOrgId, providerRegion, enterpriseRegion,
					issuerRegion);
		}

		/**
		 * The transfer that posts the held voucher part to the provider's claim on the issuing region, and the
		 * account it may open; null for an order paid without voucher.
		 */
		@Nullable Movement posting() {
			if (voucherAmount <= 0) {
				return null;
			}
			String receivable = VoucherAccounts.receivable(providerOrgId, Objects.requireNonNull(issuerRegion));
			return new Movement(new Transfer("post:" + id, VoucherAccounts.hold(id), receivable, voucherAmount, "POST",
					"order:" + id), new Account(receivable, VoucherAccounts.RECEIVABLE, issuerRegion, providerOrgId, true));
		}
	}

	/** A transfer and the account it opens, if it does not exist yet. */
	record Movement(Transfer transfer, @Nullable Account open) {
	}

	record GrantRow(UUID id, UUID schemeId, UUID enterpriseOrgId, String regionCode, BigDecimal subsidyRatio,
			List<String> serviceKinds, @Nullable String acceptedZone, LocalDate validUntil, String state) {
	}

	private static final String SELECT_ROW = """
			select id, number, enterprise_org_id, enterprise_region, provider_org_id, provider_region, service_kind,
			       list_price, state, quote, grant_id, voucher_amount, issuer_region, accept_key, flags, booking_id
			from voucher.service_order""";

	private static final String SELECT_GRANT = """
			select id, scheme_id, enterprise_org_id, region_code, subsidy_ratio, service_kinds, accepted_zone,
			       valid_until, state from voucher.grant_""";

	private static final String SELECT_VIEW = """
			select id, number, enterprise_org_id, enterprise_name, enterprise_region, provider_org_id, provider_name,
			       provider_region, service_id, service_title, service_kind, list_price, description, state, quote, grant_id,
			       voucher_amount, issuer_region, report_name, report_note, cancel_reason, dispute_reason, flags, created_at,
			       quoted_at, accepted_at, hold_expires_at, delivered_at, confirmed_at, cancelled_at, updated_at, booking_id
			from voucher.service_order""";

	private final JdbcClient jdbc;

	OrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static boolean visibleTo(Actor actor, UUID enterprise, UUID provider, String providerRegion, String enterpriseRegion,
			@Nullable String issuerRegion) {
		return enterprise.equals(actor.organisationId()) || provider.equals(actor.organisationId())
				|| actor.governs(providerRegion) || actor.governs(enterpriseRegion)
				|| issuerRegion != null && actor.governs(issuerRegion);
	}

	/** Locks the order's row for a step; an order the actor may not see does not exist for it. */
	OrderRow lock(UUID id, Actor actor) {
		return visible(jdbc.sql(SELECT_ROW + " where id = :id for update").param("id", id).query(OrderRows::orderRow)
			.optional().orElse(null), id, actor);
	}

	/** The order's row as it is, without a lock; an order the actor may not see does not exist for it. */
	OrderRow find(UUID id, Actor actor) {
		return visible(jdbc.sql(SELECT_ROW + " where id = :id").param("id", id).query(OrderRows::orderRow)
			.optional().orElse(null), id, actor);
	}

	/** The order, or not found where there is none or the actor may not see it. */
	static OrderRow visible(@Nullable OrderRow order, UUID id, Actor actor) {
		if (order == null || !order.visibleTo(actor)) {
			throw KejiaoException.notFound("order.not-found", id);
		}
		return order;
	}

	/** Locks the order of an instrument booking for one of the booking's steps; empty when it has none. */
	Optional<OrderRow> lockOfBooking(UUID bookingId) {
		return jdbc.sql(SELECT_ROW + " where booking_id = :booking for update").param("booking", bookingId)
			.query(OrderRows::orderRow).optional();
	}

	/** The next order number: SO, the day in China, a sequence. */
	String nextNumber(LocalDate today) {
		long sequence = jdbc.sql("select nextval('voucher.order_number')").query(Long.class).single();
		return "SO" + today.toString().replace("-", "") + String.format("%06d", sequence);
	}

	/** Locks the orders in id order, so that two batches never wait for each other the wrong way round. */
	Map<UUID, OrderRow> lockAll(Collection<UUID> ids) {
		Map<UUID, OrderRow> rows = new HashMap<>();
		jdbc.sql(SELECT_ROW + " where id = any(:ids) order by id for update").param("ids", SqlArrays.uuids(ids))
			.query(OrderRows::orderRow).list().forEach(row -> rows.put(row.id(), row));
		return rows;
	}

	/** Accepted orders whose hold has lapsed, locked; those another node holds are skipped. */
	List<OrderRow> lapsedHolds(Instant now, int most) {
		return jdbc.sql(SELECT_ROW + " " + """
				where state = 'ACCEPTED'
				  and id in (select order_id from voucher.open_hold where expires_at < :now order by expires_at limit :most)
				for update skip locked""")
			.param("now", Timestamp.from(now)).param("most", most).query(OrderRows::orderRow).list();
	}

	OrderView view(UUID id) {
		return jdbc.sql(SELECT_VIEW + " where id = :id").param("id", id).query(OrderRows::orderView).optional()
			.orElseThrow(() -> KejiaoException.notFound("order.not-found", id));
	}

	Map<UUID, OrderView> views(Collection<UUID> ids) {
		Map<UUID, OrderView> views = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(SELECT_VIEW + " where id = any(:ids)").param("ids", SqlArrays.uuids(ids)).query(OrderRows::orderView)
				.list().forEach(view -> views.put(view.id(), view));
		}
		return views;
	}

	/** Orders matching a condition on the columns, newest first. */
	List<OrderView> views(String where, Map<String, Object> params, int most) {
		return jdbc.sql(SELECT_VIEW + " where " + where + " order by created_at desc limit " + most).params(params)
			.query(OrderRows::orderView).list();
	}

	Optional<GrantRow> grant(UUID grantId) {
		return jdbc.sql(SELECT_GRANT + " where id = :id").param("id", grantId).query(OrderRows::grantRow).optional();
	}

	Map<UUID, GrantRow> grants(Collection<UUID> ids) {
		Map<UUID, GrantRow> grants = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(SELECT_GRANT + " where id = any(:ids)").param("ids", SqlArrays.uuids(ids)).query(OrderRows::grantRow)
				.list().forEach(grant -> grants.put(grant.id(), grant));
		}
		return grants;
	}

	private static OrderRow orderRow(ResultSet rs, int row) throws SQLException {
		return new OrderRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getObject(8, Long.class),
				OrderState.valueOf(rs.getString(9)), rs.getObject(10, Long.class), rs.getObject(11, UUID.class),
				rs.getLong(12), rs.getString(13), rs.getString(14), strings(rs, 15), rs.getObject(16, UUID.class));
	}

	private static GrantRow grantRow(ResultSet rs, int row) throws SQLException {
		return new GrantRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getBigDecimal(5), strings(rs, 6), rs.getString(7), rs.getObject(8, LocalDate.class),
				rs.getString(9));
	}

	private static OrderView orderView(ResultSet rs, int row) throws SQLException {
		Long list = rs.getObject(12, Long.class);
		Long quote = rs.getObject(15, Long.class);
		long voucher = rs.getLong(17);
		return new OrderView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
				rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class),
				rs.getString(10), rs.getString(11), list == null ? null : Money.yuan(list), rs.getString(13), rs.getString(14),
				quote == null ? null : Money.yuan(quote), rs.getObject(16, UUID.class), Money.yuan(voucher),
				quote == null ? null : Money.yuan(quote - voucher), rs.getString(18), rs.getString(19), rs.getString(20),
				rs.getString(21), rs.getString(22), strings(rs, 23), instant(rs, 24), instant(rs, 25), instant(rs, 26),
				instant(rs, 27), instant(rs, 28), instant(rs, 29), instant(rs, 30), instant(rs, 31),
				rs.getObject(32, UUID.class));
	}

	static List<String> strings(ResultSet rs, int column) throws SQLException {
		return Arrays.asList((String[]) rs.getArray(column).getArray());
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
