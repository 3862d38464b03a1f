package cn.kejiao.voucher;

import java.util.UUID;

import cn.kejiao.platform.Money;

/** An application was approved: the enterprise holds a new grant. */
public record GrantApproved(UUID applicationId, UUID grantId, UUID enterpriseOrgId, String schemeName, Money amount) {
}
