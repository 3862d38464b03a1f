package cn.kejiao.platform;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Amounts of money: kept and computed in whole fen (分) as {@code long}, written in the API as decimal
 * strings in yuan with at most two decimals ("1200", "1200.5", "1200.50"). Anything else — a JSON number,
 * a negative or a third decimal, thousands separators — is refused, so no amount is ever rounded silently.
 */
public final class Money {

	private static final Pattern YUAN = Pattern.compile("(0|[1-9]\\d{0,11})(\\.\\d{1,2})?");

	private Money() {
	}

	/**
	 * Fen from a yuan string given in a request.
	 * @param field the field's name, for the error
	 * @throws KejiaoException {@code money.format} (400) naming the field and the value
	 */
	public static long fen(@Nullable Object yuan, String field) {
		if (!(yuan instanceof String text) || !YUAN.matcher(text).matches()) {
			throw KejiaoException.invalid("money.format", field, yuan == null ? "" : String.valueOf(yuan));
		}
		return new BigDecimal(text).movePointRight(2).longValueExact();
	}

	/** Like {@link #fen(Object, String)} but the amount must be above zero. */
	public static long positiveFen(@Nullable Object yuan, String field) {
		long fen = fen(yuan, field);
		if (fen <= 0) {
			throw KejiaoException.invalid("money.not-positive", field);
		}
		return fen;
	}

	/** The amount as the API writes it: yuan with two decimals. */
	public static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/** The amount as a page shows it: ¥1,234.50. */
	public static String display(long fen) {
		return String.format("¥%,.2f", BigDecimal.valueOf(fen, 2));
	}
}
