package cn.kejiao.platform;

import java.util.regex.Pattern;

/**
 * GB/T 2260 codes nest by prefix: a province is {@code PP0000}, a prefecture {@code PPCC00}, a county
 * {@code PPCCXX}. Whether one region lies inside another is therefore a prefix test, which every module
 * can run in SQL ({@code region_code LIKE '53%'}) without joining the region tables.
 */
public final class RegionCodes {

	private static final Pattern CODE = Pattern.compile("[1-9]\\d{5}");

	private RegionCodes() {
	}

	public static boolean isWellFormed(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	/** The significant prefix: two digits for a province, four for a prefecture, six for a county. */
	public static String prefix(String code) {
		if (code.endsWith("0000")) {
			return code.substring(0, 2);
		}
		if (code.endsWith("00")) {
			return code.substring(0, 4);
		}
		return code;
	}

	/** True when {@code code} is {@code ancestor} or lies below it. */
	public static boolean isWithin(String code, String ancestor) {
		return isWellFormed(code) && isWellFormed(ancestor) && code.startsWith(prefix(ancestor));
	}

	/** A SQL LIKE pattern matching the codes of a region and everything below it. */
	public static String likePattern(String ancestor) {
		return prefix(ancestor) + "%";
	}
}
