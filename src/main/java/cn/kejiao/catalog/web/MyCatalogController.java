package cn.kejiao.catalog.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogImports;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryDetails;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.catalog.ImportStatus;
import cn.kejiao.catalog.InstrumentCategories;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/** An owner's own entries: create, publish, withdraw, and import or export them in bulk. */
@Controller
class MyCatalogController {

	private final Catalog catalog;
	private final CatalogImports imports;
	private final Problems problems;
	private final InstrumentCategories categories;

	MyCatalogController(Catalog catalog, CatalogImports imports, Problems problems, InstrumentCategories categories) {
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

	/** The common fields of the owner's form; the type's own details come as {@code detail.<key>} parameters. */
	record PageEntry(@Nullable String title, @Nullable String summary, @Nullable String keywords, @Nullable String category,
			@Nullable String price, @Nullable String priceUnit, @Nullable List<String> accreditations,
			@Nullable String maturity, @Nullable Confidentiality confidentiality) {

		EntryForm toForm(@Nullable String externalCode, @Nullable String regionCode, Map<String, Object> details) {
			if (title == null || title.isBlank()) {
				throw KejiaoException.invalid("import.row.required");
			}
			BigDecimal amount = price == null || price.isBlank() ? null : parsePrice(price);
			Set<String> accredited = accreditations == null ? Set.of() : new LinkedHashSet<>(accreditations);
			return new EntryForm(externalCode, title, text(summary), text(keywords), text(category), amount, blank(priceUnit),
					accredited, blank(maturity), confidentiality == null ? Confidentiality.PUBLIC : confidentiality, regionCode,
					details);
		}

		private static String text(@Nullable String value) {
			return value == null ? "" : value;
		}
	}

	@PostMapping("/catalog/mine/entries")
	String create(@RequestParam String type, @ModelAttribute PageEntry entry, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			catalog.create(CatalogApiController.type(type), entry.toForm(null, null, Map.of()));
			redirect.addFlashAttribute("message", "saved");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.message(ex.code(), ex.args(), request));
		}
		return "redirect:/catalog/mine";
	}

	@GetMapping("/catalog/mine/entries/{id}")
	String edit(@PathVariable UUID id, Model model) {
		EntryView entry = ownEntry(id);
		return editPage(entry, values(entry), null, model);
	}

	@PostMapping("/catalog/mine/entries/{id}")
	String update(@PathVariable UUID id, @ModelAttribute PageEntry entry, RedirectAttributes redirect,
			HttpServletRequest request, Model model) {
		EntryView current = ownEntry(id);
		try {
			catalog.update(id, entry.toForm(current.externalCode(), current.regionCode(), details(current, request)));
			redirect.addFlashAttribute("message", "saved");
			return "redirect:/catalog/mine";
		}
		catch (KejiaoException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			// the page again, with what the owner typed and what is wrong with it
			Map<String, String> typed = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, given) -> typed.put(name, String.join(" ", given)));
			return editPage(current, typed, problems.message(ex.code(), ex.args(), request), model);
		}
	}

	private EntryView ownEntry(UUID id) {
		EntryView entry = catalog.get(id, Actors.require());
		if (!entry.ownerOrgId().equals(Actors.require().organisationId())) {
			throw KejiaoException.forbidden("catalog.not-owner");
		}
		return entry;
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
	String startImport(@RequestParam String type, @RequestParam(defaultValue = "VALID_ROWS") CatalogImports.Mode mode,
			@RequestParam(defaultValue = "false") boolean publish, @RequestParam(required = false) @Nullable MultipartFile file,
			Model model, HttpServletRequest request) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw KejiaoException.invalid("import.empty");
			}
			ImportStatus status = imports.start(CatalogApiController.type(type), mode, publish,
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
		return CatalogImportController.xlsx("kejiao-" + entryType.plural() + "-template.xlsx", imports.template(entryType));
	}

	@GetMapping("/catalog/mine/export")
	ResponseEntity<byte[]> export(@RequestParam String type) {
		EntryType entryType = CatalogApiController.type(type);
		return CatalogImportController.xlsx("kejiao-" + entryType.plural() + ".xlsx", imports.exportMine(entryType));
	}

	private static BigDecimal parsePrice(String price) {
		try {
			BigDecimal value = new BigDecimal(price.strip());
			if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
				throw KejiaoException.invalid("import.row.amount", price);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw KejiaoException.invalid("import.row.amount", price);
		}
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
