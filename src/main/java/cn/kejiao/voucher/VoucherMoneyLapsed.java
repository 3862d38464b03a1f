package cn.kejiao.voucher;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/**
 * Voucher money an enterprise held went back to its scheme's budget unspent: what a grant still held when it
 * lapsed past its validity ({@code orderId} null), or an order's hold given back after its grant had lapsed.
 */
public record VoucherMoneyLapsed(UUID grantId, @Nullable UUID orderId, Money amount) {
}
