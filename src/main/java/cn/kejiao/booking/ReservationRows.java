package cn.kejiao.booking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;

/** Reads reservations and decides who may see one: its booker's organisation, the owner, the admins of either region. */
@Component
class ReservationRows {

	static final String COLUMNS = """
			id, number, instrument_id, instrument_title, owner_org_id, owner_org_name, owner_region, booker_username,
			booker_name, booker_org_id, booker_org_name, booker_region, external, lower(period), upper(period), state, mode,
			purpose, grant_id, series_id, unit, unit_price, quantity, fee, order_id, actual_start, actual_end, reason,
			created_at""";

	private final JdbcClient jdbc;

	ReservationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The booking, locked for a step; not found when the actor may not see it. */
	BookingView lock(UUID id, Actor actor) {
		BookingView view = jdbc.sql("select " + COLUMNS + " from booking.reservation where id = :id for update")
			.param("id", id).query((rs, n) -> view(rs)).optional()
			.orElseThrow(() -> KejiaoException.notFound("booking.not-found", id));
		if (!visibleTo(actor, view)) {
			throw KejiaoException.notFound("booking.not-found", id);
		}
		return view;
	}

	BookingView find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from booking.reservation where id = :id").param("id", id)
			.query((rs, n) -> view(rs)).optional().orElseThrow(() -> KejiaoException.notFound("booking.not-found", id));
	}

	List<BookingView> where(String condition, Map<String, ?> params, int limit) {
		return jdbc.sql("select " + COLUMNS + " from booking.reservation where " + condition
				+ " order by lower(period) limit " + limit).params(params).query((rs, n) -> view(rs)).list();
	}

	static boolean visibleTo(@Nullable Actor actor, BookingView view) {
		if (actor == null) {
			return false;
		}
		return view.bookerOrgId().equals(actor.organisationId()) || view.ownerOrgId().equals(actor.organisationId())
				|| actor.governs(view.ownerRegion()) || actor.governs(view.bookerRegion());
	}

	static boolean ownerOf(Actor actor, BookingView view) {
		return view.ownerOrgId().equals(actor.organisationId());
	}

	static String scope(Actor actor) {
		return RegionCodes.likePattern(actor.regionCode());
	}

	static BookingView view(ResultSet rs) throws SQLException {
		return new BookingView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12), rs.getBoolean(13), instant(rs, 14),
				instant(rs, 15), BookingState.valueOf(rs.getString(16)), Mode.valueOf(rs.getString(17)), rs.getString(18),
				rs.getObject(19, UUID.class), rs.getObject(20, UUID.class), Unit.valueOf(rs.getString(21)),
				money(rs, 22), rs.getBigDecimal(23), money(rs, 24), rs.getObject(25, UUID.class), instant(rs, 26),
				instant(rs, 27), rs.getString(28), instant(rs, 29));
	}

	private static @Nullable Money money(ResultSet rs, int column) throws SQLException {
		long fen = rs.getLong(column);
		return rs.wasNull() ? null : new Money(fen);
	}

	@SuppressWarnings("NullAway")
	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	static BigDecimal hours(Instant start, Instant end) {
		return BigDecimal.valueOf(java.time.Duration.between(start, end).toMinutes()).divide(BigDecimal.valueOf(60), 2,
				java.math.RoundingMode.HALF_UP);
	}
}
