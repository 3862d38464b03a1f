package cn.kejiao.platform.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every decimal bound from a request parameter, on every controller, passes {@link RequestInput#isReasonable}: a
 * value like {@code priceMax=1e30} is a type mismatch (400) naming the parameter, not an overflow in the search.
 * An editor rather than a formatter, because data binding falls back to its own parsing when a converter refuses.
 */
@ControllerAdvice
class RequestBindingAdvice {

	@InitBinder
	void decimals(WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				if (text == null || text.isBlank()) {
					setValue(null);
					return;
				}
				BigDecimal value = new BigDecimal(text.strip());
				if (!RequestInput.isReasonable(value)) {
					throw new IllegalArgumentException("out of range: " + text);
				}
				setValue(value);
			}

			@Override
			public String getAsText() {
				return getValue() instanceof BigDecimal value ? value.toPlainString() : "";
			}
		});
	}
}
