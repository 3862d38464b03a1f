package cn.kejiao.platform.web;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What the platform accepts as text and numbers from any request, in one place: the request filter (parameters,
 * file names), the JSON reader (every string and decimal of a body) and the parameter binding all ask here.
 * <ul>
 * <li>Text is refused when it holds U+0000 or half of a surrogate pair: PostgreSQL cannot store either, and no
 * person types them ({@code request.invalid-character}).</li>
 * <li>A parameter name must not be empty or hold control characters ({@code request.malformed-parameters}).</li>
 * <li>A decimal has at most {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_FRACTION_DIGITS}
 * after it: enough for any amount or ratio, and no {@code 1e999999999} that would take the server's memory to
 * compute with.</li>
 * </ul>
 */
public final class RequestInput {

	public static final int MAX_INTEGER_DIGITS = 15;

	public static final int MAX_FRACTION_DIGITS = 10;

	private RequestInput() {
	}

	/** Whether the text can be stored: no U+0000 and no unpaired surrogate. */
	public static boolean isStorable(@Nullable CharSequence text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/** Whether a request parameter's name is one a form or a script could have meant: not empty, no control characters. */
	public static boolean isParameterName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (Character.isISOControl(name.charAt(i))) {
				return false;
			}
		}
		return isStorable(name);
	}

	/** Whether a decimal is within what the platform computes with. */
	public static boolean isReasonable(BigDecimal value) {
		return value.scale() <= MAX_FRACTION_DIGITS && value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
	}
}
