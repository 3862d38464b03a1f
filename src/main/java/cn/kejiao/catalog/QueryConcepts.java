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
		for (List<String> group : synonyms.groups()) {
			for (String term : group) {
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
					concepts.add(group.stream().map(ChineseText::tokens).filter(t -> !t.isEmpty()).toList());
					normal = normal.replace(term, " ");
					latinWords = null;
					break;
				}
			}
		}
		for (String token : ChineseText.tokens(normal)) {
			concepts.add(List.of(List.of(token)));
		}
		return concepts;
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
