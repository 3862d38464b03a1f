package cn.kejiao.voucher;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An enterprise's application to a scheme; amounts are yuan strings. */
public record ApplicationView(UUID id, UUID schemeId, String schemeName, String schemeRegion, UUID enterpriseOrgId,
		String enterpriseName, String enterpriseRegion, String amount, String purpose, String state,
		@Nullable String approvedAmount, @Nullable String reason, Instant appliedAt, @Nullable Instant decidedAt,
		@Nullable String decidedBy, @Nullable UUID grantId) {
}
