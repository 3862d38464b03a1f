package cn.kejiao.organisation;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters — the registration
 * authority (1), the organisation category (2), the administrative division (3–8), the organisation code
 * (9–17) and a check character (18) computed modulo 31 over the first 17 with weights 3^i mod 31.
 */
public record CreditCode(String value) {

	/** The 31 characters of GB 32100: digits and capital letters without I, O, S, V and Z. */
	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	/** 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管, A 中央军委, N 农业, Y 其他. */
	static final String AUTHORITIES = "123456789ANY";

	public CreditCode {
		value = normalise(value);
		check(value);
	}

	/** Validates and returns the code, or throws {@link InvalidCreditCodeException} naming the broken rule. */
	public static CreditCode of(String text) {
		return new CreditCode(text);
	}

	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder normal = new StringBuilder();
		text.strip().codePoints().forEach(c -> {
			if (c >= 0xFF01 && c <= 0xFF5E) {
				c -= 0xFEE0; // full-width forms, as typed with a Chinese input method
			}
			normal.appendCodePoint(c);
		});
		return normal.toString().toUpperCase(Locale.ROOT);
	}

	static void check(String code) {
		if (code.isEmpty()) {
			throw new InvalidCreditCodeException(InvalidCreditCodeException.Rule.EMPTY);
		}
		if (code.length() != 18) {
			throw new InvalidCreditCodeException(InvalidCreditCodeException.Rule.LENGTH, code.length());
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				throw new InvalidCreditCodeException(InvalidCreditCodeException.Rule.CHARACTER, i + 1,
						String.valueOf(code.charAt(i)));
			}
		}
		if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
			throw new InvalidCreditCodeException(InvalidCreditCodeException.Rule.AUTHORITY, String.valueOf(code.charAt(0)));
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(code.charAt(i))) {
				throw new InvalidCreditCodeException(InvalidCreditCodeException.Rule.DIVISION, code.substring(2, 8));
			}
		}
		char expected = checkCharacter(code.substring(0, 17));
		if (code.charAt(17) != expected) {
			throw new InvalidCreditCodeException(InvalidCreditCodeException.Rule.CHECK, String.valueOf(expected),
					String.valueOf(code.charAt(17)));
		}
	}

	/** The 18th character for the given first 17 (which must be from the alphabet). */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("17 characters expected");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not a GB 32100 character: " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** The administrative division embedded at positions 3–8 (where the organisation first registered). */
	public String divisionCode() {
		return value.substring(2, 8);
	}

	@Override
	public String toString() {
		return value;
	}
}
