package cn.kejiao.platform.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Money;
import cn.kejiao.platform.WrittenAmount;

/**
 * Amounts on pages, one way everywhere: {@code ${@amounts.yuan(x)}} gives ¥1,500,000.00 and
 * {@code ${@amounts.spoken(x)}} gives 150万元 (¥1.5 million in English). Accepts {@link Money}, a
 * {@link BigDecimal} or other number of yuan, a yuan string, or fen given as {@code long} through
 * {@link #fen(long)}; nothing shows as "-".
 */
@Component("amounts")
public class Amounts {

	public String yuan(@Nullable Object amount) {
		Long fen = fenOf(amount);
		return fen == null ? "-" : WrittenAmount.display(fen);
	}

	public String fen(long fen) {
		return WrittenAmount.display(fen);
	}

	public String spoken(@Nullable Object amount) {
		Long fen = fenOf(amount);
		return fen == null ? "-" : WrittenAmount.spoken(fen, locale());
	}

	/** A form field's value: the yuan figure with separators and no sign (3,600.50), blank for nothing. */
	public String field(@Nullable Object amount) {
		Long fen = fenOf(amount);
		return fen == null ? "" : String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(fen, 2));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static @Nullable Long fenOf(@Nullable Object amount) {
		return switch (amount) {
			case null -> null;
			case Money money -> money.fen();
			case BigDecimal decimal -> decimal.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
			case Number number -> BigDecimal.valueOf(number.doubleValue()).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
			case String text when text.isBlank() -> null;
			case String text -> new BigDecimal(text.replace(",", "")).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
			default -> throw new IllegalArgumentException("not an amount: " + amount.getClass());
		};
	}
}
