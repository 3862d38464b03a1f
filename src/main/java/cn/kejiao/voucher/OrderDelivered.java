package cn.kejiao.voucher;

import java.util.UUID;

/** The provider delivered; the enterprise now confirms or disputes. */
public record OrderDelivered(UUID orderId, UUID enterpriseOrgId, String orderNo) {
}
