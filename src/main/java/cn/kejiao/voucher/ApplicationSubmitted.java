package cn.kejiao.voucher;

import java.util.UUID;

import cn.kejiao.platform.Money;

/** An enterprise applied for vouchers of a scheme; the admins of the scheme's region now approve or refuse. */
public record ApplicationSubmitted(UUID applicationId, String schemeName, String schemeRegion, String enterpriseName,
		Money amount) {
}
