package cn.kejiao.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.text.ChineseText;

/**
 * What a query asks for, as concepts: each concept a list of alternative terms, each term the tokens it
 * must all match. A synonym group the query mentions becomes one concept with one alternative per synonym;
 * every other token is a concept of its own. Search requires 60% of the concepts, so a synonym group counts
 * once however many words it has.
 */
@Component
class QueryConcepts {

	private static final Pattern LATIN_TERM = Pattern.compile("[a-z0-9\\- ]+");

	private static final Pattern NOT_LATIN = Pattern.compile("[^a-z0-9\\-]+");

	private final Synonyms synonyms;

	QueryConcepts(Synonyms synonyms) {
		this.synonyms = synonyms;
	}

	List<List<List<String>>> of(@Nullable String text) {
		String normal = ChineseText.normalise(text);
		if (normal.isEmpty()) {
			return List.of();
		}
		List<List<List<String>>> concepts = new ArrayList<>();
		String latinWords = null;
		java.util.Set<List<String>> used = new java.util.HashSet<>();
		// the longest term first, whichever group it is in: 扫描电镜 is read as itself, not as 电镜 with 扫描
		for (Synonyms.Term candidate : synonyms.termsLongestFirst()) {
			String term = candidate.term();
			List<String> group = candidate.group();
			if (used.contains(group)) {
				continue;
			}
			boolean found;
			if (LATIN_TERM.matcher(term).matches()) {
				// a Latin synonym (sem, xrd) matches whole words only: "sem" is not in "semiconductor"
				if (latinWords == null) {
					latinWords = " " + NOT_LATIN.matcher(normal).replaceAll(" ") + " ";
				}
				found = latinWords.contains(" " + term + " ");
			}
			else {
				found = normal.contains(term);
			}
			if (found) {
				used.add(group);
				concepts.add(alternatives(group));
				normal = normal.replace(term, " ");
				latinWords = null;
			}
		}
		for (String token : ChineseText.tokens(normal)) {
			concepts.add(List.of(List.of(token)));
		}
		return concepts;
	}

	/**
	 * A group's terms as alternatives, each the tokens it must all match. A term the segmenter cuts into lone
	 * characters (电镜 → 电, 镜) is left out when the group has a term of words: any text with both
	 * characters somewhere would match it.
	 */
	private static List<List<String>> alternatives(List<String> group) {
		List<List<String>> all = group.stream().map(ChineseText::tokens).filter(t -> !t.isEmpty()).toList();
		List<List<String>> words = all.stream().filter(t -> t.stream().anyMatch(token -> !weak(List.of(List.of(token)))))
			.toList();
		return words.isEmpty() ? all : words;
	}

	/** A concept that is one Chinese character alone: it tells little beside words. */
	static boolean weak(List<List<String>> concept) {
		String single = single(concept);
		return single != null && single.codePointCount(0, single.length()) == 1
				&& Character.UnicodeScript.of(single.codePointAt(0)) == Character.UnicodeScript.HAN;
	}

	/** The single tokens of the concepts a reader would recognise in a text, for highlighting. */
	static List<String> highlightTerms(List<List<List<String>>> concepts) {
		return concepts.stream().flatMap(List::stream).flatMap(List::stream)
			.filter(t -> t.length() >= 2 || t.matches("[a-z0-9]+")).distinct().toList();
	}

	/** A concept that is one token, or null. */
	static @Nullable String single(List<List<String>> concept) {
		return concept.size() == 1 && concept.getFirst().size() == 1 ? concept.getFirst().getFirst() : null;
	}
}
