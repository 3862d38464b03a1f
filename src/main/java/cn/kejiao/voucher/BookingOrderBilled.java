package cn.kejiao.voucher;

import java.util.UUID;

import cn.kejiao.platform.Money;

/**
 * The order of an instrument booking was billed at the actual fee: delivered and confirmed in one step, its
 * voucher part (possibly nothing) posted to the provider.
 */
public record BookingOrderBilled(UUID orderId, UUID bookingId, Money fee, Money voucherPart) {
}
