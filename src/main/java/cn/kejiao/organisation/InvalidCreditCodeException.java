package cn.kejiao.organisation;

import org.springframework.http.HttpStatus;

import cn.kejiao.platform.KejiaoException;

/** A credit code broke one of the rules of GB 32100; the code of the problem names the rule. */
public class InvalidCreditCodeException extends KejiaoException {

	public enum Rule {
		EMPTY("empty"), LENGTH("length"), CHARACTER("character"), AUTHORITY("authority"), DIVISION("division"),
		CHECK("check-character");

		final String key;

		Rule(String key) {
			this.key = key;
		}
	}

	private final Rule rule;

	InvalidCreditCodeException(Rule rule, Object... args) {
		super(HttpStatus.BAD_REQUEST, "organisation.credit-code." + rule.key, args);
		this.rule = rule;
	}

	public Rule rule() {
		return rule;
	}
}
