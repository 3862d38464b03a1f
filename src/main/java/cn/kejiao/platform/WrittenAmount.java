package cn.kejiao.platform;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Amounts as people write and read them. A form accepts what a person types — {@code 3600}, {@code 3,600},
 * {@code ¥3,600.50}, {@code 200万}, {@code 200万元}, {@code 1.5亿}, full-width digits and commas — and gets
 * exact fen or the problem {@code money.written} that says how to write it. A page shows {@code ¥1,500,000.00}
 * and, where Chinese readers expect it, {@code 150万元}.
 */
public final class WrittenAmount {

	private static final Pattern WRITTEN = Pattern.compile(
			"[¥￥]?\\s*((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(万|亿)?\\s*(元|块)?");

	private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

	private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

	private static final long MAX_FEN = 100_000_000_000_000L; // one trillion yuan

	private WrittenAmount() {
	}

	/**
	 * Fen from what a person wrote in a form.
	 * @param field the form field, named in the error
	 * @throws KejiaoException {@code money.written} (400) when it is not an amount, has more than two decimals
	 *         of a yuan, or is beyond a trillion yuan
	 */
	public static long fen(@Nullable String written, String field) {
		String text = normalise(written);
		Matcher matcher = WRITTEN.matcher(text);
		if (!matcher.matches()) {
			throw KejiaoException.invalid("money.written", field, written == null ? "" : written);
		}
		BigDecimal amount = new BigDecimal(matcher.group(1).replace(",", ""));
		if ("万".equals(matcher.group(2))) {
			amount = amount.multiply(WAN);
		}
		else if ("亿".equals(matcher.group(2))) {
			amount = amount.multiply(YI);
		}
		BigDecimal fen = amount.movePointRight(2);
		if (fen.stripTrailingZeros().scale() > 0 || fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
			throw KejiaoException.invalid("money.written", field, written);
		}
		return fen.longValueExact();
	}

	/** The amount as a yuan string for the API ("2000000.00"), from what a person wrote. */
	public static String yuan(@Nullable String written, String field) {
		return Money.yuan(fen(written, field));
	}

	/** Like {@link #fen} but a blank field is "no amount". */
	public static @Nullable Long optionalFen(@Nullable String written, String field) {
		return written == null || written.isBlank() ? null : fen(written, field);
	}

	/** ¥1,500,000.00 — the same in both languages. */
	public static String display(long fen) {
		return Money.display(fen);
	}

	/**
	 * A large amount the way a reader of the locale says it: 150万元, 1.5亿元 (Chinese), ¥1.5 million (English).
	 * Amounts under ten thousand yuan (a million in English), and amounts that need more than four decimals of
	 * the unit, are shown whole as {@link #display(long)}: the words never round an amount.
	 */
	public static String spoken(long fen, Locale locale) {
		BigDecimal yuan = BigDecimal.valueOf(fen, 2);
		boolean english = "en".equals(locale.getLanguage());
		String words = english ? inUnit(yuan, BigDecimal.valueOf(1_000_000_000), "¥", " billion")
				: inUnit(yuan, YI, "", "亿元");
		if (words == null) {
			words = english ? inUnit(yuan, BigDecimal.valueOf(1_000_000), "¥", " million") : inUnit(yuan, WAN, "", "万元");
		}
		return words == null ? display(fen) : words;
	}

	private static @Nullable String inUnit(BigDecimal yuan, BigDecimal unit, String prefix, String suffix) {
		if (yuan.compareTo(unit) < 0) {
			return null;
		}
		BigDecimal inUnit = yuan.divide(unit).stripTrailingZeros();
		return inUnit.scale() > 4 ? null : prefix + inUnit.toPlainString() + suffix;
	}

	private static String normalise(@Nullable String written) {
		if (written == null) {
			return "";
		}
		StringBuilder text = new StringBuilder(written.length());
		written.strip().codePoints().forEach(c -> {
			if (c >= '０' && c <= '９') {
				text.append((char) ('0' + (c - '０')));
			}
			else if (c == '，') {
				text.append(',');
			}
			else if (c == '．' || c == '。') {
				text.append('.');
			}
			else {
				text.appendCodePoint(c);
			}
		});
		return text.toString();
	}
}
