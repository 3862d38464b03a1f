package cn.kejiao.voucher;

import java.util.UUID;

/** An enterprise asked a provider for a service; the provider now quotes or declines. */
public record OrderRequested(UUID orderId, UUID providerOrgId, String orderNo, String enterpriseName,
		String serviceTitle) {
}
