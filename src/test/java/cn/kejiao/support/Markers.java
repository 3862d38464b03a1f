package cn.kejiao.support;

import java.util.concurrent.ThreadLocalRandom;

/** Text that keeps one test's data apart from the demo data and from every other test's, in the shared database. */
public final class Markers {

	private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";

	private Markers() {
	}

	/** Six digits, for names, keys and numbers a test must find again. */
	public static String unique() {
		return digits(6);
	}

	/** {@code n} random digits (credit codes, usernames). */
	public static String digits(int n) {
		StringBuilder text = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			text.append(ThreadLocalRandom.current().nextInt(10));
		}
		return text.toString();
	}

	/**
	 * A made-up Chinese word (·甲丙癸), for titles that full-text search must find as a word of their own; digits
	 * would be split off by the analyser.
	 */
	public static String word() {
		StringBuilder text = new StringBuilder("·");
		for (int i = 0; i < 3; i++) {
			text.append(STEMS.charAt(ThreadLocalRandom.current().nextInt(STEMS.length())));
		}
		return text.toString();
	}
}
