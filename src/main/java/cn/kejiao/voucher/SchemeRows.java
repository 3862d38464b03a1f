package cn.kejiao.voucher;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.KejiaoException;

/** Voucher schemes as rows, read in one place for the facades of schemes and of applications. */
@Component
class SchemeRows {

	record SchemeRow(UUID id, String regionCode, String name, String description, long budget, BigDecimal subsidyRatio,
			long capPerEnterprise, List<String> serviceKinds, @Nullable String acceptedZone, List<String> qualifications,
			LocalDate opensOn, LocalDate closesOn, LocalDate validUntil, Instant createdAt, String createdBy, long version) {
	}

	private final JdbcClient jdbc;

	SchemeRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	SchemeRow get(UUID id) {
		return jdbc.sql("select * from voucher.scheme where id = :id").param("id", id).query(SchemeRows::schemeRow)
			.optional().orElseThrow(() -> KejiaoException.notFound("voucher.scheme-not-found", id));
	}

	/** The scheme, locked: changes to it and decisions on its applications run one after another. */
	SchemeRow lock(UUID id) {
		return jdbc.sql("select * from voucher.scheme where id = :id for update").param("id", id)
			.query(SchemeRows::schemeRow).optional()
			.orElseThrow(() -> KejiaoException.notFound("voucher.scheme-not-found", id));
	}

	private static SchemeRow schemeRow(ResultSet rs, int row) throws SQLException {
		return new SchemeRow(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("name"),
				rs.getString("description"), rs.getLong("budget"), rs.getBigDecimal("subsidy_ratio"),
				rs.getLong("cap_per_enterprise"), OrderRows.strings(rs, rs.findColumn("service_kinds")),
				rs.getString("accepted_zone"), OrderRows.strings(rs, rs.findColumn("qualifications")),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getLong("version"));
	}
}
