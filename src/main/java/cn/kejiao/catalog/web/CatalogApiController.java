package cn.kejiao.catalog.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogSearch;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.catalog.InstrumentCategories;
import cn.kejiao.catalog.IndexProgress;
import cn.kejiao.catalog.SearchResult;
import cn.kejiao.catalog.SearchAdministration;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The catalog API: owners manage their entries; anyone searches and reads published ones. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog")
class CatalogApiController {

	private final Catalog catalog;
	private final CatalogSearch search;
	private final SearchAdministration administration;
	private final InstrumentCategories categories;

	CatalogApiController(Catalog catalog, CatalogSearch search, SearchAdministration administration,
			InstrumentCategories categories) {
		this.categories = categories;
		this.catalog = catalog;
		this.search = search;
		this.administration = administration;
	}

	@ForRoles({ Role.PROVIDER, Role.ENTERPRISE, Role.EXPERT })
	@PostMapping("/catalog/{types}")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a draft entry", description = "types: instruments, services, achievements, experts. The entry belongs to the caller's (verified) organisation.")
	EntryView create(@PathVariable String types, @Valid @RequestBody EntryForm form) {
		return catalog.create(type(types), form);
	}

	@GetMapping("/catalog/{types}")
	@Operation(summary = "The caller's organisation's entries of a type")
	List<EntryView> mine(@PathVariable String types) {
		return catalog.mine(type(types));
	}

	@GetMapping("/catalog/{types}/{id}")
	@Operation(summary = "An entry", description = "Published entries are public; confidential parts only for the owner and its region's admins.")
	EntryView get(@PathVariable String types, @PathVariable UUID id) {
		EntryView entry = catalog.get(id, Actors.current().orElse(null));
		if (entry.type() != type(types)) {
			throw KejiaoException.notFound("catalog.not-found", id);
		}
		return entry;
	}

	@ForRoles({ Role.PROVIDER, Role.ENTERPRISE, Role.EXPERT })
	@PutMapping("/catalog/{types}/{id}")
	@Operation(summary = "Change an entry (owner only)")
	EntryView update(@PathVariable String types, @PathVariable UUID id, @Valid @RequestBody EntryForm form) {
		type(types);
		return catalog.update(id, form);
	}

	@PostMapping("/catalog/{types}/{id}/{action}")
	@Operation(summary = "Publish, withdraw, start or end maintenance (owner); suspend or reinstate (region admin)",
			description = "action: publish, withdraw, maintenance-start, maintenance-end, suspend, reinstate")
	EntryView act(@PathVariable String types, @PathVariable UUID id, @PathVariable String action) {
		type(types);
		return switch (action) {
			case "publish" -> catalog.publish(id);
			case "withdraw" -> catalog.withdraw(id);
			case "maintenance-start" -> catalog.maintenance(id, true);
			case "maintenance-end" -> catalog.maintenance(id, false);
			case "suspend" -> catalog.suspend(id);
			case "reinstate" -> catalog.reinstate(id);
			default -> throw KejiaoException.notFound("request.not-found");
		};
	}

	@GetMapping("/search")
	@Operation(summary = "Search the catalog", description = "An empty q lists every entry the filters allow. type: instrument|service|achievement|expert (repeatable); region: a region code (includes everything below); zone: a cooperation zone code; category, priceMin, priceMax, accreditation (CMA|CNAS), maturity (LAB|PILOT|INDUSTRIAL); sort: relevance|price_asc|price_desc|newest; page, size.")
	SearchResult search(@ParameterObject @ModelAttribute SearchParams params) {
		return search.search(params.toQuery(20), Actors.current().orElse(null));
	}

	@GetMapping("/catalog/categories")
	@Operation(summary = "The instrument categories (two levels, with codes)")
	List<InstrumentCategories.Category> categories() {
		return categories.all();
	}

	@GetMapping("/search/suggestions")
	@Operation(summary = "Titles that complete what the user is typing")
	List<String> suggestions(@RequestParam String q) {
		return search.suggest(q, 8);
	}

	@ForRoles(Role.PLATFORM_ADMIN)
	@GetMapping("/catalog/synonyms")
	@Operation(summary = "Synonym groups (platform admin)")
	List<String> synonyms() {
		return administration.synonyms();
	}

	record SynonymsBody(List<String> groups) {
	}

	@ForRoles(Role.PLATFORM_ADMIN)
	@PutMapping("/catalog/synonyms")
	@Operation(summary = "Replace the synonym groups (platform admin)", description = "Each group: terms separated by commas, e.g. \"扫描电镜, 扫描电子显微镜, SEM\".")
	List<String> replaceSynonyms(@RequestBody SynonymsBody body) {
		return administration.replaceSynonyms(body.groups() == null ? List.of() : body.groups());
	}

	@ForRoles(Role.PLATFORM_ADMIN)
	@GetMapping("/catalog/index")
	@Operation(summary = "State of the search index (platform admin)")
	IndexProgress indexState() {
		return administration.indexProgress();
	}

	@ForRoles(Role.PLATFORM_ADMIN)
	@PostMapping("/catalog/index/rebuild")
	@Operation(summary = "Rebuild the search index from the database (platform admin)")
	IndexProgress rebuild() throws InterruptedException {
		return administration.rebuildIndex();
	}

	static EntryType type(String types) {
		return EntryType.fromPlural(types).orElseThrow(() -> KejiaoException.notFound("catalog.unknown-type", types));
	}


}
