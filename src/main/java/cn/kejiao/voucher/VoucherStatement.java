package cn.kejiao.voucher;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An enterprise's voucher statement: per grant what was granted, spent (posted to providers), is held by
 * open orders, lapsed and is left; and every order a voucher paid part of. Amounts are yuan strings.
 */
public record VoucherStatement(UUID enterpriseOrgId, String enterpriseName, List<Grant> grants, List<Order> orders) {

	public record Grant(UUID id, String schemeName, String amount, String spent, String held, String lapsed,
			String balance, LocalDate validUntil) {
	}

	public record Order(UUID id, String number, String providerName, String serviceTitle, String quote,
			String voucherAmount, String state) {
	}

	public static final Map<String, String> STATE_NAMES = Map.of("ACCEPTED", "服务中", "DELIVERED", "待验收", "CONFIRMED", "已完成",
			"CANCELLED", "已取消", "DISPUTED", "有异议");
}
