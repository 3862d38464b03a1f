package cn.kejiao.audit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Filters of an audit search: free text over actor, subject and action; a region (within the searcher's
 * own); a date range in China Standard Time.
 */
public record AuditQuery(@Nullable String text, @Nullable String action, @Nullable String regionCode,
		@Nullable LocalDate from, @Nullable LocalDate to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null);
	}
}
