package cn.kejiao.platform.web;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import cn.kejiao.platform.KejiaoException;

/**
 * Every string and decimal read from JSON passes {@link RequestInput}'s rules: a string with U+0000 or an unpaired
 * surrogate is refused with {@code request.invalid-character}, a decimal out of range with
 * {@code request.number-out-of-range}, both naming the field — before any code sees the value.
 */
final class RequestJsonModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	RequestJsonModule() {
		super("kejiao-request-input");
		addDeserializer(String.class, new CheckedString());
		addDeserializer(BigDecimal.class, new CheckedDecimal());
	}

	private static String field(JsonParser parser) {
		String name = parser.currentName();
		return name == null ? "" : name;
	}

	static final class CheckedString extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (!RequestInput.isStorable(value)) {
				throw KejiaoException.invalid("request.invalid-character", field(parser));
			}
			return value;
		}
	}

	static final class CheckedDecimal extends NumberDeserializers.BigDecimalDeserializer {

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			BigDecimal value = super.deserialize(parser, context);
			if (value != null && !RequestInput.isReasonable(value)) {
				throw KejiaoException.invalid("request.number-out-of-range", field(parser));
			}
			return value;
		}
	}
}
