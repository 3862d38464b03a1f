package cn.kejiao.trading;

/** Bidders appear on a lot as 竞买人 A, B, … Z, AA, AB, …, numbered in the order they registered for it. */
final class Pseudonyms {

	private Pseudonyms() {
	}

	static String letters(int number) {
		if (number <= 0) {
			return "";
		}
		StringBuilder letters = new StringBuilder();
		for (int n = number; n > 0; n = (n - 1) / 26) {
			letters.append((char) ('A' + (n - 1) % 26));
		}
		return letters.reverse().toString();
	}
}
