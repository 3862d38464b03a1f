package cn.kejiao.voucher;

import java.util.UUID;

/** An application for vouchers was rejected. */
public record ApplicationRejected(UUID applicationId, UUID enterpriseOrgId, String schemeName, String reason) {
}
