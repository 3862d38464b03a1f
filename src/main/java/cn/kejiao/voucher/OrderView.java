package cn.kejiao.voucher;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Actor;

/**
 * A service order as its parties and their admins see it; amounts are yuan strings. {@code voucherAmount}
 * is the part a grant pays (held from acceptance, paid to the provider on confirmation); the enterprise pays
 * the rest itself. {@code flags} are the abuse checks that fired (related parties, a quote above the list price,
 * split orders), for the region's and the platform's admins to look at: the parties themselves never see them
 * ({@link #seenBy}), so a flag neither accuses them nor teaches them to avoid it. {@code bookingId}: the instrument
 * booking whose fee the order pays, whose steps move it ({@link InstrumentUseOrders}); null for an order its parties move.
 */
public record OrderView(UUID id, String number, UUID enterpriseOrgId, String enterpriseName, String enterpriseRegion,
		UUID providerOrgId, String providerName, String providerRegion, @Nullable UUID serviceId, String serviceTitle,
		String serviceKind, @Nullable String listPrice, String description, String state, @Nullable String quote,
		@Nullable UUID grantId, String voucherAmount, @Nullable String ownPart, @Nullable String issuerRegion,
		@Nullable String reportName, @Nullable String reportNote, @Nullable String cancelReason,
		@Nullable String disputeReason, List<String> flags, Instant createdAt, @Nullable Instant quotedAt,
		@Nullable Instant acceptedAt, @Nullable Instant holdExpiresAt, @Nullable Instant deliveredAt,
		@Nullable Instant confirmedAt, @Nullable Instant cancelledAt, Instant updatedAt, @Nullable UUID bookingId) {

	/** The order as the reader may see it: with its flags for an admin, without them for anyone else. */
	public OrderView seenBy(@Nullable Actor reader) {
		if (flags.isEmpty() || reader != null && (reader.isRegionAdmin() || reader.isPlatformAdmin())) {
			return this;
		}
		return new OrderView(id, number, enterpriseOrgId, enterpriseName, enterpriseRegion, providerOrgId, providerName,
				providerRegion, serviceId, serviceTitle, serviceKind, listPrice, description, state, quote, grantId,
				voucherAmount, ownPart, issuerRegion, reportName, reportNote, cancelReason, disputeReason, List.of(),
				createdAt, quotedAt, acceptedAt, holdExpiresAt, deliveredAt, confirmedAt, cancelledAt, updatedAt, bookingId);
	}
}
