package cn.kejiao.voucher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A grant to an enterprise: amounts are yuan strings; {@code balance} is what it can still pay. */
public record GrantView(UUID id, UUID schemeId, String schemeName, String issuerRegion, UUID enterpriseOrgId,
		String enterpriseName, String amount, String balance, BigDecimal subsidyRatio, List<String> serviceKinds,
		@Nullable String acceptedZone, LocalDate validUntil, String state, Instant grantedAt) {
}
