package cn.kejiao.catalog.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogImports;
import cn.kejiao.catalog.EntryDetails;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.catalog.ImportStatus;
import cn.kejiao.catalog.InstrumentCategories;
import cn.kejiao.catalog.web.CatalogPageForms.EntryPageForm;
import cn.kejiao.catalog.web.CatalogPageForms.ImportPageForm;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/** An owner's own entries: create, publish, withdraw, and import or export them in bulk. */
@Controller
class CatalogOwnerPageController {

	private final Catalog catalog;
	private final CatalogImports imports;
	private final Problems problems;
	private final InstrumentCategories categories;

	CatalogOwnerPageController(Catalog catalog, CatalogImports imports, Problems problems, InstrumentCategories categories) {
		this.categories = categories;
		this.catalog = catalog;
		this.imports = imports;
		this.problems = problems;
	}

	@GetMapping("/catalog/mine")
	String mine(Model model) {
		model.addAttribute("entries", catalog.mine(null));
		model.addAttribute("imports", imports.recent());
		model.addAttribute("types", EntryType.values());
		model.addAttribute("categories", categories.all());
		return "catalog/mine";
	}

	@PostMapping("/catalog/mine/entries")
	String create(@Valid @ModelAttribute EntryPageForm entry, BindingResult binding, RedirectAttributes redirect,
			HttpServletRequest request) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("error", message(CatalogPageForms.problem(binding), request));
			return "redirect:/catalog/mine";
		}
		try {
			catalog.create(CatalogApiController.type(entry.type() == null ? "" : entry.type()), entry.toForm(null, null, Map.of()));
			redirect.addFlashAttribute("message", "created");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.message(ex.code(), ex.args(), request));
		}
		return "redirect:/catalog/mine";
	}

	@GetMapping("/catalog/mine/entries/{id}")
	String edit(@PathVariable UUID id, Model model) {
		EntryView entry = catalog.forOwner(id);
		return editPage(entry, values(entry), null, model);
	}

	@PostMapping("/catalog/mine/entries/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute EntryPageForm entry, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request, Model model) {
		EntryView current = catalog.forOwner(id);
		if (binding.hasErrors()) {
			return editPage(current, typed(request), message(CatalogPageForms.problem(binding), request), model);
		}
		try {
			catalog.update(id, entry.toForm(current.externalCode(), null, details(current, request)));
			redirect.addFlashAttribute("message", "saved");
			return "redirect:/catalog/mine";
		}
		catch (KejiaoException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			return editPage(current, typed(request), problems.message(ex.code(), ex.args(), request), model);
		}
	}

	/** The page again shows what the owner typed, next to what is wrong with it. */
	private static Map<String, String> typed(HttpServletRequest request) {
		Map<String, String> typed = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, given) -> typed.put(name, String.join(" ", given)));
		return typed;
	}

	private String message(CatalogPageForms.Problem problem, HttpServletRequest request) {
		return problems.message(problem.code(), problem.args(), request);
	}

	private String editPage(EntryView entry, Map<String, String> values, @Nullable String error, Model model) {
		model.addAttribute("entry", entry);
		model.addAttribute("values", values);
		model.addAttribute("inputs", EntryDetails.inputs(entry.type()));
		model.addAttribute("categories", categories.all());
		model.addAttribute("error", error);
		return "catalog/edit";
	}

	/** What the edit form shows for an entry: the common fields and the details, by input name. */
	private static Map<String, String> values(EntryView entry) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("title", entry.title());
		values.put("summary", entry.summary());
		values.put("keywords", String.join("、", entry.keywords()));
		values.put("category", entry.category() == null ? "" : entry.category());
		values.put("price", entry.price() == null ? "" : entry.price().toPlainString());
		values.put("priceUnit", entry.priceUnit() == null ? "" : entry.priceUnit());
		values.put("accreditations", String.join(" ", entry.accreditations()));
		values.put("maturity", entry.maturity() == null ? "" : entry.maturity());
		values.put("confidentiality", entry.confidentiality().name());
		EntryDetails.formValues(entry.type(), entry.details()).forEach((key, value) -> values.put("detail." + key, value));
		return values;
	}

	/** The details from the form; one the form did not send keeps its current value. */
	private static Map<String, Object> details(EntryView current, HttpServletRequest request) {
		Map<String, Object> details = new LinkedHashMap<>(current.details());
		for (EntryDetails.Input input : EntryDetails.inputs(current.type())) {
			String given = request.getParameter("detail." + input.key());
			if (given != null) {
				details.put(input.key(), given);
			}
		}
		return details;
	}

	@PostMapping("/catalog/mine/entries/{id}/{action}")
	String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			switch (action) {
				case "publish" -> catalog.publish(id);
				case "withdraw" -> catalog.withdraw(id);
				default -> throw KejiaoException.notFound("request.not-found");
			}
			redirect.addFlashAttribute("message", action.equals("publish") ? "published" : "withdrawn");
		}
		catch (KejiaoException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", problems.message(ex.code(), ex.args(), request));
		}
		return "redirect:/catalog/mine";
	}

	@PostMapping("/catalog/mine/imports")
	String startImport(@Valid @ModelAttribute ImportPageForm form, BindingResult binding, Model model,
			HttpServletRequest request) throws IOException {
		try {
			var file = form.file();
			if (binding.hasErrors()) {
				throw KejiaoException.invalid("request.invalid-parameter", binding.getFieldErrors().getFirst().getField());
			}
			if (file == null || file.isEmpty()) {
				throw KejiaoException.invalid("import.empty");
			}
			ImportStatus status = imports.start(CatalogApiController.type(form.type() == null ? "" : form.type()),
					form.chosenMode(), Boolean.TRUE.equals(form.publish()),
					file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), file.getBytes());
			model.addAttribute("job", status);
		}
		catch (KejiaoException ex) {
			model.addAttribute("importError", problems.message(ex.code(), ex.args(), request));
		}
		return "catalog/mine :: import-status";
	}

	/** htmx: the progress of an import, polled every second until it ends. */
	@GetMapping("/catalog/mine/imports/{id}")
	String importStatus(@PathVariable UUID id, Model model) {
		model.addAttribute("job", imports.status(id));
		return "catalog/mine :: import-status";
	}

	@GetMapping("/catalog/mine/template")
	ResponseEntity<byte[]> template(@RequestParam String type) {
		EntryType entryType = CatalogApiController.type(type);
		return CatalogImportApiController.xlsx("kejiao-" + entryType.plural() + "-template.xlsx", imports.template(entryType));
	}

	@GetMapping("/catalog/mine/export")
	ResponseEntity<byte[]> export(@RequestParam String type) {
		EntryType entryType = CatalogApiController.type(type);
		return CatalogImportApiController.xlsx("kejiao-" + entryType.plural() + ".xlsx", imports.exportMine(entryType));
	}
}
