package cn.kejiao.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place that writes a catalog search's address from its current state: the pager, the facets, the
 * sort, the chips and the export all start from every parameter in force and change only the one they are
 * about, so no filter falls off on the next page or the next click. A change of filter goes back to the
 * first page.
 */
public final class SearchLinks {

	/** The filters a person sets, in the order they appear in an address; q and sort are not filters. */
	static final List<String> FILTERS = List.of("type", "region", "zone", "category", "priceMin", "priceMax",
			"accreditation", "maturity");

	/** An active filter as a person sees it, and the address without it. */
	public record Chip(String name, String label, String href) {
	}

	private final String path;
	private final Map<String, List<String>> state;

	private SearchLinks(String path, Map<String, List<String>> state) {
		this.path = path;
		this.state = state;
	}

	static SearchLinks of(SearchParams params) {
		Map<String, List<String>> state = new LinkedHashMap<>();
		put(state, "q", params.q());
		if (params.type() != null) {
			List<String> types = params.type().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
			if (!types.isEmpty()) {
				state.put("type", types);
			}
		}
		put(state, "region", params.region());
		put(state, "zone", params.zone());
		put(state, "category", params.category());
		put(state, "priceMin", plain(params.priceMin()));
		put(state, "priceMax", plain(params.priceMax()));
		put(state, "accreditation", params.accreditation());
		put(state, "maturity", params.maturity());
		put(state, "sort", params.sort() == null || "relevance".equalsIgnoreCase(params.sort()) ? null : params.sort());
		return new SearchLinks("/catalog", state);
	}

	/** The same search on another page. */
	public String page(int page) {
		Map<String, List<String>> next = copy();
		if (page > 0) {
			next.put("page", List.of(String.valueOf(page)));
		}
		return href(path, next);
	}

	/** The search with one filter (or q, or sort) set to this value, from the first page. */
	public String with(String name, @Nullable String value) {
		Map<String, List<String>> next = copy();
		next.remove(name);
		put(next, name, "sort".equals(name) && "relevance".equals(value) ? null : value);
		return href(path, ordered(next));
	}

	/** The search without this filter (or q), from the first page. */
	public String without(String name) {
		Map<String, List<String>> next = copy();
		next.remove(name);
		return href(path, next);
	}

	/** The same words and sort with no filter at all. */
	public String withoutFilters() {
		Map<String, List<String>> next = copy();
		FILTERS.forEach(next::remove);
		return href(path, next);
	}

	/** The result as a spreadsheet: the same words and filters. */
	public String export() {
		Map<String, List<String>> next = copy();
		next.remove("sort");
		return href("/api/v1/catalog/exports", next);
	}

	public boolean filtered() {
		return FILTERS.stream().anyMatch(state::containsKey);
	}

	/** One chip per active filter value (the words too), labelled by {@code label(name, value)}. */
	List<Chip> chips(BiFunction<String, String, String> label) {
		List<Chip> chips = new ArrayList<>();
		if (state.containsKey("q")) {
			chips.add(new Chip("q", label.apply("q", state.get("q").getFirst()), without("q")));
		}
		for (String name : FILTERS) {
			for (String value : state.getOrDefault(name, List.of())) {
				Map<String, List<String>> next = copy();
				List<String> rest = new ArrayList<>(next.get(name));
				rest.remove(value);
				if (rest.isEmpty()) {
					next.remove(name);
				}
				else {
					next.put(name, rest);
				}
				chips.add(new Chip(name, label.apply(name, value), href(path, next)));
			}
		}
		return chips;
	}

	private Map<String, List<String>> copy() {
		return new LinkedHashMap<>(state);
	}

	/** Parameters in their usual order, wherever one was set. */
	private static Map<String, List<String>> ordered(Map<String, List<String>> params) {
		Map<String, List<String>> ordered = new LinkedHashMap<>();
		List<String> order = new ArrayList<>(List.of("q"));
		order.addAll(FILTERS);
		order.add("sort");
		order.add("page");
		order.stream().filter(params::containsKey).forEach(name -> ordered.put(name, params.get(name)));
		return ordered;
	}

	private static String href(String path, Map<String, List<String>> params) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		ordered(params).forEach((name, values) -> values.forEach(value -> builder.queryParam(name, "{" + name + values.indexOf(value) + "}")));
		Map<String, String> variables = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			for (int i = 0; i < values.size(); i++) {
				variables.put(name + i, values.get(i));
			}
		});
		return builder.encode().buildAndExpand(variables).toUriString();
	}

	private static void put(Map<String, List<String>> state, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			state.put(name, List.of(value.strip()));
		}
	}

	private static @Nullable String plain(@Nullable BigDecimal amount) {
		return amount == null ? null : amount.stripTrailingZeros().toPlainString();
	}
}
