package cn.kejiao.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogSearch;
import cn.kejiao.catalog.EntryDetails;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.catalog.SearchQuery;
import cn.kejiao.catalog.SearchResult;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/** The public catalog: search with filters and facets, and an entry's page. No sign-in needed. */
@Controller
class CatalogPageController {

	private final CatalogSearch search;
	private final Catalog catalog;
	private final Regions regions;

	CatalogPageController(CatalogSearch search, Catalog catalog, Regions regions) {
		this.search = search;
		this.catalog = catalog;
		this.regions = regions;
	}

	@GetMapping("/catalog")
	String search(@ModelAttribute("params") SearchParams params, Model model) {
		SearchQuery query = params.toQuery(20);
		SearchResult result = search.search(query, Actors.current().orElse(null));
		model.addAttribute("query", query);
		model.addAttribute("q", params.q() == null ? "" : params.q());
		model.addAttribute("type", params.firstType());
		model.addAttribute("sort", query.sort().name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("result", result);
		Map<UUID, String> snippets = new LinkedHashMap<>();
		result.hits().forEach(hit -> snippets.put(hit.id(), SnippetHtml.of(hit)));
		model.addAttribute("snippets", snippets);
		model.addAttribute("pages", (result.total() + 19) / 20);
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("zones", regions.zones());
		Map<String, String> regionNames = new LinkedHashMap<>();
		result.facets().getOrDefault("region", Map.of()).keySet()
			.forEach(code -> regions.find(code).ifPresent(r -> regionNames.put(code, r.name())));
		result.hits().forEach(hit -> regionNames.computeIfAbsent(hit.regionCode(), code -> regions.fullName(code)));
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("regionName", query.region() == null ? null
				: regions.find(query.region()).map(RegionView::name).orElse(query.region()));
		return "catalog/search";
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
