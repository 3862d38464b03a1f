package cn.kejiao.catalog.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.catalog.SearchAdministration;
import cn.kejiao.catalog.web.CatalogPageForms.AdminFilter;
import cn.kejiao.catalog.web.CatalogPageForms.SynonymsForm;
import cn.kejiao.platform.KejiaoException;

/**
 * The catalog for admins: a region admin sees every entry of its region in any state and suspends or
 * reinstates them; the platform admin also keeps the synonyms and rebuilds the search index.
 */
@Controller
class CatalogAdminPageController {

	private final Catalog catalog;
	private final SearchAdministration administration;

	CatalogAdminPageController(Catalog catalog, SearchAdministration administration) {
		this.catalog = catalog;
		this.administration = administration;
	}

	@GetMapping("/admin/catalog")
	String entries(@ModelAttribute("filter") AdminFilter filter, Model model) {
		model.addAttribute("result", catalog.inRegion(filter.state(), filter.q(), filter.pageOrFirst()));
		model.addAttribute("state", filter.state());
		model.addAttribute("q", filter.q());
		model.addAttribute("states", EntryState.values());
		if (administration.mayAdminister()) {
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
		redirect.addFlashAttribute("message", action.equals("suspend") ? "suspended" : "reinstated");
		return "redirect:/admin/catalog";
	}

	@PostMapping("/admin/catalog/synonyms")
	String synonyms(@ModelAttribute SynonymsForm form, RedirectAttributes redirect) {
		administration.replaceSynonyms(List.of(form.synonyms() == null ? "" : form.synonyms()));
		redirect.addFlashAttribute("message", "synonyms");
		return "redirect:/admin/catalog";
	}

	@PostMapping("/admin/catalog/index")
	String rebuild(RedirectAttributes redirect) throws InterruptedException {
		administration.rebuildIndex();
		redirect.addFlashAttribute("message", "reindexed");
		return "redirect:/admin/catalog";
	}
}
