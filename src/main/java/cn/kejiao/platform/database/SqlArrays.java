package cn.kejiao.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * Lists bound as PostgreSQL arrays ({@code = any(:ids)}, a {@code text[]} column), made by the driver from the
 * values, so nothing is written as an array literal by hand.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/** Distinct ids, for {@code = any(:ids)}. */
	public static AbstractSqlTypeValue uuids(Collection<UUID> values) {
		return of("uuid", values.stream().distinct().toArray());
	}

	public static AbstractSqlTypeValue texts(Collection<String> values) {
		return of("text", values.toArray());
	}

	/** The values as they are, in order and with nulls, as an array of the given PostgreSQL type. */
	public static AbstractSqlTypeValue of(String type, Object[] values) {
		return new AbstractSqlTypeValue() {

			@Override
			protected Object createTypeValue(Connection connection, int sqlType, @org.jspecify.annotations.Nullable String typeName)
					throws SQLException {
				return connection.createArrayOf(type, values);
			}
		};
	}
}
