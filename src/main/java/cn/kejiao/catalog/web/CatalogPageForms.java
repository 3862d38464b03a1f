package cn.kejiao.catalog.web;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.multipart.MultipartFile;

import cn.kejiao.catalog.CatalogImports;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.platform.WrittenAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The forms of the catalog pages, as they are posted. They check what can be seen in the form alone (a title is
 * there, a price is an amount); the facades check the rest and answer in the reader's language.
 */
final class CatalogPageForms {

	/**
	 * An amount as people write it (3600, 3,600.50, ¥3,600, 2万, 1.5亿; at most two decimals of a yuan), read by
	 * {@link WrittenAmount}.
	 */
	static final String AMOUNT = "\\s*[¥￥]?\\s*(\\d{1,3}(,\\d{3})+|\\d{1,12})(\\.\\d{1,2})?\\s*(万|亿)?\\s*元?\\s*";

	private CatalogPageForms() {
	}

	/**
	 * The common fields of the owner's form; the type's own details come as {@code detail.<key>} fields, whose
	 * names depend on the type, and are read with the form's other parameters.
	 */
	record EntryPageForm(@Nullable String type, @NotBlank @Nullable String title, @Nullable String summary,
			@Nullable String keywords, @Nullable String category, @Pattern(regexp = AMOUNT) @Nullable String price,
			@Nullable String priceUnit, @Nullable List<String> accreditations, @Nullable String maturity,
			@Nullable Confidentiality confidentiality) {

		EntryForm toForm(@Nullable String externalCode, @Nullable String regionCode, Map<String, Object> details) {
			Long fen = WrittenAmount.optionalFen(price, "price");
			BigDecimal amount = fen == null ? null : BigDecimal.valueOf(fen, 2);
			Set<String> accredited = accreditations == null ? Set.of() : new LinkedHashSet<>(accreditations);
			return new EntryForm(externalCode, title, text(summary), text(keywords), text(category), amount, blank(priceUnit),
					accredited, blank(maturity), confidentiality == null ? Confidentiality.PUBLIC : confidentiality, regionCode,
					details);
		}
	}

	/** A spreadsheet to import: the entry type, whether to keep the valid rows or all or nothing, and the file. */
	record ImportPageForm(@NotBlank @Nullable String type, CatalogImports.@Nullable Mode mode, @Nullable Boolean publish,
			@Nullable MultipartFile file) {

		CatalogImports.Mode chosenMode() {
			return mode == null ? CatalogImports.Mode.VALID_ROWS : mode;
		}
	}

	/** The admin's list: a state, words in the title, a page. */
	record AdminFilter(@Nullable EntryState state, @Nullable String q, @Nullable Integer page) {

		int pageOrFirst() {
			return page == null ? 0 : page;
		}
	}

	/** The synonym groups, one a line. */
	record SynonymsForm(@Nullable String synonyms) {
	}

	/**
	 * The message key and arguments of the first thing wrong with an owner's form, as the facade would have
	 * said it: a missing title, or a price that is not an amount.
	 */
	static Problem problem(BindingResult binding) {
		FieldError error = binding.getFieldError("title") != null ? binding.getFieldError("title") : binding.getFieldError();
		if (error == null) {
			return new Problem("request.invalid-fields", new Object[0]);
		}
		return switch (error.getField()) {
			case "title" -> new Problem("import.row.required", new Object[0]);
			case "price" -> new Problem("import.row.amount", new Object[] { String.valueOf(error.getRejectedValue()) });
			default -> new Problem("request.invalid-parameter", new Object[] { error.getField() });
		};
	}

	record Problem(String code, Object[] args) {
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
