package cn.kejiao.catalog.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogSearch;
import cn.kejiao.catalog.EntryDetails;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.catalog.EnglishNames;
import cn.kejiao.catalog.SearchQuery;
import cn.kejiao.catalog.SearchResult;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.web.Amounts;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/** The public catalog: search with filters and facets, and an entry's page. No sign-in needed. */
@Controller
class CatalogPageController {

	private final CatalogSearch search;
	private final Catalog catalog;
	private final Regions regions;
	private final EnglishNames englishNames;
	private final MessageSource messages;
	private final Amounts amounts;

	CatalogPageController(CatalogSearch search, Catalog catalog, Regions regions, EnglishNames englishNames,
			MessageSource messages, Amounts amounts) {
		this.englishNames = englishNames;
		this.messages = messages;
		this.amounts = amounts;
		this.search = search;
		this.catalog = catalog;
		this.regions = regions;
	}

	@GetMapping("/catalog")
	String search(@ModelAttribute("params") SearchParams params, Model model) {
		SearchQuery query = params.toQuery(20);
		SearchResult result = search.search(query, Actors.current().orElse(null));
		String lang = language();
		SearchLinks links = SearchLinks.of(params);
		model.addAttribute("query", query);
		model.addAttribute("q", params.q() == null ? "" : params.q());
		model.addAttribute("type", params.firstType());
		model.addAttribute("sort", query.sort().name().toLowerCase(Locale.ROOT));
		model.addAttribute("result", result);
		model.addAttribute("links", links);
		model.addAttribute("chips", links.chips((name, value) -> chipLabel(name, value, lang)));
		Map<UUID, String> snippets = new LinkedHashMap<>();
		result.hits().forEach(hit -> snippets.put(hit.id(), SnippetHtml.of(hit)));
		model.addAttribute("snippets", snippets);
		model.addAttribute("pages", (result.total() + 19) / 20);
		model.addAttribute("regionOptions", regionOptions(query.region()));
		model.addAttribute("zones", regions.zones());
		model.addAttribute("regionFacet", regionFacet(query.region(), result));
		model.addAttribute("typeFacet", result.facets().getOrDefault("type", Map.of()).entrySet().stream()
			.map(e -> new Facet(EntryType.valueOf(e.getKey()).plural(),
					messages.getMessage("entryType." + e.getKey(), null, e.getKey(), LocaleContextHolder.getLocale()), e.getValue()))
			.toList());
		model.addAttribute("categoryFacet", result.facets().getOrDefault("category", Map.of()).entrySet().stream()
			.filter(e -> !e.getKey().isBlank())
			.map(e -> new Facet(e.getKey(), englishNames.name(e.getKey(), lang), e.getValue())).toList());
		Map<String, String> regionNames = new LinkedHashMap<>();
		result.hits().forEach(hit -> regionNames.computeIfAbsent(hit.regionCode(), code -> regions.fullName(code)));
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("regionName", query.region() == null ? null
				: regions.find(query.region()).map(RegionView::name).orElse(query.region()));
		if (result.total() == 0) {
			// what to try instead: the catalog's largest categories, and titles that start like the words typed
			SearchResult everything = search.search(new SearchQuery(null, query.types(), null, null, null, null, null,
					null, null, SearchQuery.Sort.RELEVANCE, 0, 1), Actors.current().orElse(null));
			model.addAttribute("tryCategories", everything.facets().getOrDefault("category", Map.of()).entrySet().stream()
				.filter(e -> !e.getKey().isBlank()).limit(8)
				.map(e -> new Facet(e.getKey(), englishNames.name(e.getKey(), lang), e.getValue())).toList());
			model.addAttribute("tryTitles", params.q() == null || params.q().isBlank() ? List.of() : search.suggest(params.q(), 5));
		}
		return "catalog/search";
	}

	/** A facet value: what goes in the address, what a person reads, how many entries have it. */
	public record Facet(String value, String label, long count) {
	}

	/**
	 * The regions to narrow to: the provinces when none is chosen, else the regions right below the chosen one
	 * (prefectures, then counties), each with its count in the result.
	 */
	private List<Facet> regionFacet(@Nullable String region, SearchResult result) {
		if (region == null) {
			return result.facets().getOrDefault("region", Map.of()).entrySet().stream()
				.map(e -> new Facet(e.getKey(), regions.find(e.getKey()).map(RegionView::name).orElse(e.getKey()), e.getValue()))
				.toList();
		}
		return regions.children(region).stream()
			.map(child -> new Facet(child.code(), child.name(),
					result.regionCounts().getOrDefault(RegionCodes.prefix(child.code()), 0L)))
			.filter(f -> f.count() > 0).sorted(Comparator.comparingLong(Facet::count).reversed()).toList();
	}

	/** The provinces, and the chosen region with its full name when it lies below a province. */
	private List<Facet> regionOptions(@Nullable String region) {
		List<Facet> options = new ArrayList<>();
		regions.provinces().forEach(p -> options.add(new Facet(p.code(), p.name(), 0)));
		if (region != null && regions.exists(region) && options.stream().noneMatch(o -> o.value().equals(region))) {
			String province = region.substring(0, 2) + "0000";
			int at = 0;
			while (at < options.size() && !options.get(at).value().equals(province)) {
				at++;
			}
			options.add(Math.min(at + 1, options.size()), new Facet(region, regions.fullName(region), 0));
		}
		return options;
	}

	private String chipLabel(String name, String value, String lang) {
		Locale locale = LocaleContextHolder.getLocale();
		String shown = switch (name) {
			case "type" -> {
				try {
					yield messages.getMessage("entryType." + CatalogApiController.type(value), null, value, locale);
				}
				catch (RuntimeException ex) {
					yield value;
				}
			}
			case "region" -> regions.find(value).map(r -> regions.fullName(r.code())).orElse(value);
			case "zone" -> regions.zones().stream().filter(z -> z.code().equals(value)).findFirst()
				.map(z -> "en".equals(lang) ? z.nameEn() : z.name()).orElse(value);
			case "category" -> englishNames.name(value, lang);
			case "maturity" -> messages.getMessage("maturity." + value, null, value, locale);
			case "priceMin", "priceMax" -> amounts.yuan(value);
			default -> value;
		};
		return messages.getMessage("catalog.chip." + name, new Object[] { shown }, locale);
	}

	private static String language() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "zh-CN";
	}

	@GetMapping("/catalog/entries/{id}")
	String entry(@PathVariable UUID id, Model model) {
		Actor reader = Actors.current().orElse(null);
		EntryView entry = catalog.get(id, reader);
		model.addAttribute("entry", entry);
		model.addAttribute("details", EntryDetails.lines(entry.type(), entry.details()));
		model.addAttribute("instruments", catalog.instrumentsOf(entry, reader));
		model.addAttribute("regionName", regions.fullName(entry.regionCode()));
		return "catalog/entry";
	}

	/** htmx: suggestions as {@code <option>}s of the search box's datalist. */
	@GetMapping("/catalog/suggestions")
	String suggestions(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("suggestions", q.isBlank() ? List.of() : search.suggest(q, 8));
		return "catalog/search :: suggestions";
	}
}
