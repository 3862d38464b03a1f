package cn.kejiao.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.text.ChineseText;

/**
 * The English names of instrument kinds, categories, fields and common subjects
 * (catalog/english-names.tsv): shown for the Chinese names on English pages, and built-in synonym groups so
 * that a query in English ("scanning electron microscope", "bauxite") finds the Chinese entries. A group is
 * recognised in a query by its English terms, and by its Chinese ones where the line has several (电镜 =
 * 电子显微镜): a Chinese term alone needs no translation to be found.
 */
@Component
public class EnglishNames {

	/** A built-in group: every term, normalised, and the terms a query is recognised by. */
	record Group(List<String> terms, List<String> recognised) {
	}

	private final List<Group> groups = new ArrayList<>();
	private final Map<String, String> english = new HashMap<>();

	EnglishNames() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("catalog/english-names.tsv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String[] cells = line.split("\t");
				if (line.startsWith("#") || cells.length != 2) {
					continue;
				}
				List<String> chinese = Arrays.stream(cells[0].split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
				List<String> latin = Arrays.stream(cells[1].split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
				chinese.forEach(name -> english.putIfAbsent(name, latin.getFirst()));
				List<String> terms = new ArrayList<>();
				chinese.forEach(t -> terms.add(ChineseText.normalise(t)));
				latin.forEach(t -> terms.add(ChineseText.normalise(t)));
				List<String> recognised = new ArrayList<>(latin.stream().map(ChineseText::normalise).toList());
				if (chinese.size() > 1) {
					chinese.forEach(t -> recognised.add(ChineseText.normalise(t)));
				}
				groups.add(new Group(List.copyOf(terms.stream().distinct().toList()), List.copyOf(recognised)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Group> groups() {
		return groups;
	}

	/** The name in the language of the page: the English name when there is one and the page is English. */
	public String name(String chinese, String language) {
		return "en".equals(language) ? english.getOrDefault(chinese, chinese) : chinese;
	}
}
