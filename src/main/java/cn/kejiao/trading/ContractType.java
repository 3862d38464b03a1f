package cn.kejiao.trading;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The five kinds of technology contract the Civil Code names (技术开发, 技术转让, 技术许可, 技术咨询, 技术服务); a
 * contract is registered and counted under one of them.
 */
public enum ContractType {
	DEVELOPMENT, TRANSFER, LICENCE, CONSULTING, SERVICE;

	/**
	 * The kind of contract a listing's mode of passing the technology leads to: a licence of any scope is a licence,
	 * joint development a development contract, transfer and equity (技术入股, the rights pass to the company) a transfer.
	 */
	public static ContractType ofListingMode(@Nullable String mode) {
		String m = mode == null ? "" : mode.toUpperCase(Locale.ROOT);
		if (m.startsWith("LICENCE") || m.startsWith("LICENSE")) {
			return LICENCE;
		}
		if (m.contains("DEVELOPMENT") || m.equals("JOINT")) {
			return DEVELOPMENT;
		}
		return TRANSFER;
	}
}
