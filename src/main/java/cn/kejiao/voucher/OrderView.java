package cn.kejiao.voucher;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A service order as its parties and their admins see it; amounts are yuan strings. {@code voucherAmount}
 * is the part a grant pays (held from acceptance, paid to the provider on confirmation); the enterprise pays
 * the rest itself. {@code flags} are the abuse checks that fired, for the admin to look at.
 */
public record OrderView(UUID id, String number, UUID enterpriseOrgId, String enterpriseName, String enterpriseRegion,
		UUID providerOrgId, String providerName, String providerRegion, @Nullable UUID serviceId, String serviceTitle,
		String serviceKind, @Nullable String listPrice, String description, String state, @Nullable String quote,
		@Nullable UUID grantId, String voucherAmount, @Nullable String ownPart, @Nullable String issuerRegion,
		@Nullable String reportName, @Nullable String reportNote, @Nullable String cancelReason,
		@Nullable String disputeReason, List<String> flags, Instant createdAt, @Nullable Instant quotedAt,
		@Nullable Instant acceptedAt, @Nullable Instant holdExpiresAt, @Nullable Instant deliveredAt,
		@Nullable Instant confirmedAt, @Nullable Instant cancelledAt, Instant updatedAt) {
}
