package cn.kejiao.voucher;

import java.util.UUID;

import cn.kejiao.platform.Money;

/** The delivery stands (confirmed, or upheld in a dispute); the voucher part is now the provider's claim. */
public record OrderConfirmed(UUID orderId, UUID providerOrgId, String orderNo, Money voucherPart) {
}
