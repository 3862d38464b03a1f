package cn.kejiao.platform;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An amount of money: kept and computed in whole fen (分), written in the API as a decimal string in yuan with
 * at most two decimals ("1200", "1200.5", "1200.50"). Anything else — a JSON number, a negative or a third
 * decimal, thousands separators — is refused with the problem {@code money.format} naming the field, so no
 * amount is ever rounded silently. The JSON form is the yuan string both ways.
 *
 * @param fen the amount in fen, never negative
 */
@JsonDeserialize(using = Money.Json.class)
public record Money(long fen) implements Comparable<Money> {

	private static final Pattern YUAN = Pattern.compile("(0|[1-9]\\d{0,11})(\\.\\d{1,2})?");

	public static final Money ZERO = new Money(0);

	public Money {
		if (fen < 0) {
			throw new IllegalArgumentException("negative amount: " + fen);
		}
	}

	/** The amount from a yuan string of a request or a form; {@code money.format} (400) when it is not one. */
	public static Money ofYuan(@Nullable Object yuan, String field) {
		return new Money(fen(yuan, field));
	}

	/** Like {@link #ofYuan(Object, String)} but the amount must be above zero. */
	public static Money positive(@Nullable Object yuan, String field) {
		return new Money(positiveFen(yuan, field));
	}

	/**
	 * Fen from a yuan string given in a request.
	 * @param field the field's name, for the error
	 * @throws KejiaoException {@code money.format} (400) naming the field and the value
	 */
	public static long fen(@Nullable Object yuan, String field) {
		if (yuan instanceof Money money) {
			return money.fen();
		}
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

	/** This amount as the API writes it: "1200.50". */
	@JsonValue
	public String yuan() {
		return yuan(fen);
	}

	/** This amount as a page shows it: ¥1,200.50. */
	public String display() {
		return display(fen);
	}

	public boolean isZero() {
		return fen == 0;
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(fen, other.fen));
	}

	/** The difference, which must not be negative. */
	public Money minus(Money other) {
		return new Money(Math.subtractExact(fen, other.fen));
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(fen, other.fen);
	}

	@Override
	public String toString() {
		return yuan();
	}

	/** Reads only a yuan string; the error names the JSON field the amount was given in. */
	static final class Json extends ValueDeserializer<Money> {

		@Override
		public Money deserialize(JsonParser parser, DeserializationContext context) {
			String field = parser.currentName() == null ? "amount" : parser.currentName();
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				throw KejiaoException.invalid("money.format", field, String.valueOf(parser.getString()));
			}
			return ofYuan(parser.getString(), field);
		}
	}
}
