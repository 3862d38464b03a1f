package cn.kejiao.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The two-level list of instrument categories (see docs/catalog.md and catalog/instrument-categories.tsv). */
@Component
public class InstrumentCategories {

	/** A subcategory with its code and group. */
	public record Category(String code, String group, String name) {
	}

	private final List<Category> all;
	private final Map<String, Category> byKey = new LinkedHashMap<>();

	InstrumentCategories() {
		List<Category> categories = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("catalog/instrument-categories.tsv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				String[] cells = line.split("\t");
				if (cells.length == 3) {
					Category category = new Category(cells[0], cells[1], cells[2]);
					categories.add(category);
					byKey.put(category.code(), category);
					byKey.putIfAbsent(category.name(), category);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.all = List.copyOf(categories);
	}

	public List<Category> all() {
		return all;
	}

	/** A category by its subcategory name or its code. */
	public Optional<Category> find(String nameOrCode) {
		return Optional.ofNullable(byKey.get(nameOrCode.strip()));
	}
}
