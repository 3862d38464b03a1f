package cn.kejiao.account;

import cn.kejiao.platform.KejiaoException;

/** At least 8 characters of at least two kinds (letters, digits, others), and not the username. */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	static void check(String username, String password) {
		if (password == null || password.length() < 8 || password.length() > 128) {
			throw KejiaoException.invalid("account.password-length");
		}
		int kinds = (password.chars().anyMatch(Character::isLetter) ? 1 : 0)
				+ (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
				+ (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
		if (kinds < 2) {
			throw KejiaoException.invalid("account.password-weak");
		}
		if (password.equalsIgnoreCase(username)) {
			throw KejiaoException.invalid("account.password-is-username");
		}
	}
}
