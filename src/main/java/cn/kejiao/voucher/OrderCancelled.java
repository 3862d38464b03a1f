package cn.kejiao.voucher;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order was cancelled: by a party, by a region admin deciding a dispute, or because its hold lapsed.
 * {@code byOrgId} is the party that cancelled; null when it was not a party.
 */
public record OrderCancelled(UUID orderId, UUID enterpriseOrgId, UUID providerOrgId, String orderNo,
		@Nullable UUID byOrgId, String reason) {
}
