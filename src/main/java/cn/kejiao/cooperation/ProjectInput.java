package cn.kejiao.cooperation;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.KejiaoException;

/** Text typed into the cooperation forms: stripped, within its length, or refused with the given code. */
final class ProjectInput {

	private ProjectInput() {
	}

	static String text(@Nullable String value, int min, int max, String code) {
		String text = value == null ? "" : value.strip();
		if (text.length() < min || text.length() > max) {
			throw KejiaoException.invalid(code, max);
		}
		return text;
	}
}
