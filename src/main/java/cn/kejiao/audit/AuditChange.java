package cn.kejiao.audit;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Actor;

/**
 * A change to record with {@link AuditLog#recordAll}, with who made it and from where given explicitly: the
 * steps of many requests are recorded together, away from the threads the requests came in on.
 * @param actor who acted, or null for the system
 * @param regionCode the region the subject belongs to; it decides which admins see the entry
 * @param before the subject's state before the change, or null when it was created
 * @param after the state after, or null when it was removed
 */
public record AuditChange(@Nullable Actor actor, @Nullable String clientAddress, String action, String subjectType,
		String subjectId, String subjectName, @Nullable String regionCode, @Nullable Object before,
		@Nullable Object after) {
}
