package cn.kejiao.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An audit entry as admins read it; before and after are JSON objects. */
public record AuditRecord(long id, Instant occurredAt, String actorUsername, @Nullable UUID actorOrgId,
		@Nullable String actorOrgName, String action, String subjectType, String subjectId, String subjectName,
		@Nullable String regionCode, @Nullable String before, @Nullable String after, @Nullable String clientAddress) {
}
