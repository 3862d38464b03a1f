package cn.kejiao.voucher;

import java.util.UUID;

import cn.kejiao.platform.Money;

/** The enterprise accepted the quote; the provider now delivers. {@code voucherPart} is held for it. */
public record OrderAccepted(UUID orderId, UUID providerOrgId, String orderNo, Money quote, Money voucherPart) {
}
