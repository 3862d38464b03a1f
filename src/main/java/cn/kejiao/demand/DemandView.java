package cn.kejiao.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A demand as the reader may see it: when its owner hides its name (from everyone but the owner),
 * {@code ownerOrgId} is null, {@code ownerName} says only where it is from and {@code regionCode} and
 * {@code regionName} are its prefecture's at most. {@code manageable}: the reader may edit it and change its
 * state; {@code owned}: the reader is its owner, who alone decides whether its name is hidden. Budget in yuan.
 */
public record DemandView(UUID id, String number, String title, String description, String field, List<String> keywords,
		@Nullable String budget, @Nullable LocalDate deadline, List<CooperationMode> modes, Visibility visibility,
		@Nullable String zoneCode, boolean hideName, DemandState state, @Nullable UUID ownerOrgId, String ownerName,
		String regionCode, String regionName, String industryChain, String postedBy, Instant createdAt,
		Instant updatedAt, @Nullable Instant openedAt, boolean manageable, boolean owned) {
}
