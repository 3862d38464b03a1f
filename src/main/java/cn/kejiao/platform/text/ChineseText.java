package cn.kejiao.platform.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import com.hankcs.hanlp.HanLP;

import cn.kejiao.platform.Lru;

/**
 * Chinese text as the search index and the matcher see it. Normalisation folds full-width forms to
 * half-width (ＸＲＤ → xrd), Traditional to Simplified (儀器設備 → 仪器设备) and Latin to lower case;
 * segmentation splits the result into words (smartcn's HMM segmenter) and adds the character bigrams of
 * longer Chinese words, so that 扫描电子显微镜 is found by 电子显微镜 and by 显微镜 alike.
 * <p>
 * Segmenting here, in Java, rather than in a search-engine plugin means the embedded Lucene index and an
 * Elasticsearch/OpenSearch cluster receive the same tokens (indexed with a whitespace analyzer) and give
 * the same results.
 */
public final class ChineseText {

	private static final SmartChineseAnalyzer ANALYZER = new SmartChineseAnalyzer(false);

	private ChineseText() {
	}

	/** Full-width to half-width, Traditional to Simplified, lower case; whitespace collapsed. */
	public static String normalise(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String folded = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
				: Normalizer.normalize(text, Normalizer.Form.NFKC);
		String simplified = hasHan(folded) ? HanLP.convertToSimplifiedChinese(folded) : folded;
		return WHITESPACE.matcher(simplified.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	/** The distinct search tokens of a text, in order of first appearance. */
	public static List<String> tokens(String text) {
		String normal = normalise(text);
		if (normal.isEmpty()) {
			return List.of();
		}
		Set<String> tokens = new LinkedHashSet<>();
		try (TokenStream stream = ANALYZER.tokenStream("text", normal)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String word = term.toString();
				if (word.isBlank() || isPunctuation(word)) {
					continue;
				}
				tokens.add(word);
				if (word.length() > 2 && hasHan(word)) {
					for (int i = 0; i + 2 <= word.length(); i++) {
						tokens.add(word.substring(i, i + 2));
					}
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ArrayList<>(tokens);
	}

	private static final java.util.Map<String, List<String>> REMEMBERED = Lru.map(1024);

	/**
	 * {@link #tokens} of a text that is segmented again and again — a demand matched on each visit, the entry
	 * it matched best — from the last thousand such texts.
	 */
	public static List<String> rememberedTokens(String text) {
		if (text == null || text.length() < 32) {
			return tokens(text);
		}
		List<String> known = REMEMBERED.get(text);
		if (known == null) {
			known = List.copyOf(tokens(text));
			REMEMBERED.put(text, known);
		}
		return known;
	}

	/** The tokens joined by spaces: what goes into a whitespace-analysed index field. */
	public static String indexText(String... texts) {
		StringBuilder joined = new StringBuilder();
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				joined.append(text).append('\n');
			}
		}
		return String.join(" ", tokens(joined.toString()));
	}

	/**
	 * Whether a normalised text ({@link #normalise}) has the token as a reader would find it there: a Chinese
	 * token anywhere, a Latin word or number only whole (sem is not in semiconductor). Cheaper than segmenting
	 * the text, which is what matching's reasons need for twenty entries at a time.
	 */
	public static boolean mentions(String normalText, String token) {
		if (token.isEmpty()) {
			return false;
		}
		if (hasHan(token)) {
			return normalText.contains(token);
		}
		for (int at = normalText.indexOf(token); at >= 0; at = normalText.indexOf(token, at + 1)) {
			int end = at + token.length();
			if ((at == 0 || !Character.isLetterOrDigit(normalText.charAt(at - 1)))
					&& (end == normalText.length() || !Character.isLetterOrDigit(normalText.charAt(end)))) {
				return true;
			}
		}
		return false;
	}

	private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

	static boolean hasHan(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x2E80 && (Character.isSurrogate(c) ? Character.UnicodeScript.of(text.codePointAt(i)) == Character.UnicodeScript.HAN
					: Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPunctuation(String word) {
		return word.codePoints().noneMatch(Character::isLetterOrDigit);
	}
}
