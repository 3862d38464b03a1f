package cn.kejiao.catalog.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.catalog.SearchAdministration;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * The catalog for admins: a region admin sees every entry of its region in any state and suspends or
 * reinstates them; the platform admin also keeps the synonyms and rebuilds the search index.
 */
@Controller
class CatalogAdminController {

	private final Catalog catalog;
	private final SearchAdministration administration;

	CatalogAdminController(Catalog catalog, SearchAdministration administration) {
		this.catalog = catalog;
		this.administration = administration;
	}

	@GetMapping("/admin/catalog")
	String entries(@RequestParam(required = false) @Nullable EntryState state,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", catalog.inRegion(state, q, page));
		model.addAttribute("state", state);
		model.addAttribute("q", q);
		model.addAttribute("states", EntryState.values());
		if (Actors.require().isPlatformAdmin()) {
			model.addAttribute("synonyms", String.join("\n", administration.synonyms()));
			model.addAttribute("index", administration.indexProgress());
		}
		return "catalog/admin";
	}

	@PostMapping("/admin/catalog/entries/{id}/{action}")
	String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
		switch (action) {
			case "suspend" -> catalog.suspend(id);
			case "reinstate" -> catalog.reinstate(id);
			default -> throw KejiaoException.notFound("request.not-found");
		}
		redirect.addFlashAttribute("message", "saved");
		return "redirect:/admin/catalog";
	}

	@PostMapping("/admin/catalog/synonyms")
	String synonyms(@RequestParam String synonyms, RedirectAttributes redirect) {
		administration.replaceSynonyms(List.of(synonyms));
		redirect.addFlashAttribute("message", "saved");
		return "redirect:/admin/catalog";
	}

	@PostMapping("/admin/catalog/index")
	String rebuild(RedirectAttributes redirect) throws InterruptedException {
		administration.rebuildIndex();
		redirect.addFlashAttribute("message", "saved");
		return "redirect:/admin/catalog";
	}
}
