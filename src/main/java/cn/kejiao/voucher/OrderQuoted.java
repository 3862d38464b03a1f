package cn.kejiao.voucher;

import java.util.UUID;

import cn.kejiao.platform.Money;

/** The provider quoted a price; the enterprise now accepts or cancels. */
public record OrderQuoted(UUID orderId, UUID enterpriseOrgId, String orderNo, Money quote) {
}
