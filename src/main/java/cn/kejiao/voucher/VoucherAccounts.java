package cn.kejiao.voucher;

import java.util.UUID;

/** The ledger accounts of voucher money, by what they hold. */
final class VoucherAccounts {

	static final String ISSUANCE = "ISSUANCE";
	static final String BUDGET = "BUDGET";
	static final String GRANT = "GRANT";
	static final String HOLD = "HOLD";
	static final String RECEIVABLE = "RECEIVABLE";
	static final String CLEARING = "CLEARING";

	private VoucherAccounts() {
	}

	/** Where a region's voucher money comes from: the other side of every budget it funds. */
	static String issuance(String regionCode) {
		return "issuance:" + regionCode;
	}

	static String budget(UUID schemeId) {
		return "budget:" + schemeId;
	}

	/** Whether the account is a scheme's budget. */
	static boolean isBudget(String code) {
		return code.startsWith("budget:");
	}

	static String grant(UUID grantId) {
		return "grant:" + grantId;
	}

	static String hold(UUID orderId) {
		return "hold:" + orderId;
	}

	/** What vouchers of one issuing region paid a provider and the region has not settled yet. */
	static String receivable(UUID providerOrgId, String issuerRegion) {
		return "receivable:" + providerOrgId + ":" + issuerRegion;
	}

	/** What an issuing region owes a provider's region, by settlement runs. */
	static String clearing(String issuerRegion, String providerRegion) {
		return "clearing:" + issuerRegion + ":" + providerRegion;
	}
}
