package cn.kejiao.voucher;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * Lists bound as PostgreSQL arrays ({@code = any(:ids)}, a {@code text[]} column), made by the driver from the
 * values, so nothing is written as an array literal by hand.
 */
final class SqlArrays {

	private SqlArrays() {
	}

	static AbstractSqlTypeValue uuids(Collection<UUID> values) {
		return of("uuid", values.stream().distinct().toArray());
	}

	static AbstractSqlTypeValue texts(Collection<String> values) {
		return of("text", values.toArray());
	}

	private static AbstractSqlTypeValue of(String type, Object[] values) {
		return new AbstractSqlTypeValue() {

			@Override
			protected Object createTypeValue(Connection connection, int sqlType, @org.jspecify.annotations.Nullable String typeName)
					throws SQLException {
				return connection.createArrayOf(type, values);
			}
		};
	}
}
