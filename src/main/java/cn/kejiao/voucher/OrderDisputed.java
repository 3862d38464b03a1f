package cn.kejiao.voucher;

import java.util.UUID;

/** The enterprise disputed a delivery; the admins of the provider's region now decide whether it stands. */
public record OrderDisputed(UUID orderId, UUID providerOrgId, String providerRegion, String orderNo, String reason) {
}
