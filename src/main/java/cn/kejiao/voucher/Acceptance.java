package cn.kejiao.voucher;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/**
 * What accepting an order's quote would hold, shown to the enterprise before it confirms: the quote it accepts,
 * the grant and the voucher part held of it (zero without a grant), and the part the enterprise pays itself.
 */
public record Acceptance(UUID orderId, Money quote, @Nullable UUID grantId, Money voucherAmount, Money ownPart) {
}
