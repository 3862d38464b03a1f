package cn.kejiao.catalog.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogImports;
import cn.kejiao.catalog.CatalogSearch;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.ImportStatus;
import cn.kejiao.catalog.SearchResult;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Bulk import (Excel or CSV, in the background) and export to Excel. */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog import and export")
class CatalogImportApiController {

	private final CatalogImports imports;
	private final CatalogSearch search;
	private final Catalog catalog;

	CatalogImportApiController(CatalogImports imports, CatalogSearch search, Catalog catalog) {
		this.imports = imports;
		this.search = search;
		this.catalog = catalog;
	}

	@ForRoles({ Role.PROVIDER, Role.ENTERPRISE, Role.EXPERT })
	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import entries from .xlsx or .csv", description = "Multipart: type (instruments|services|achievements|experts), file, mode (VALID_ROWS|ALL_OR_NOTHING), publish (true to publish imported entries). Runs in the background: follow GET /api/v1/catalog/imports/{id}.")
	ResponseEntity<ImportStatus> start(@RequestParam String type, @RequestParam @Nullable MultipartFile file,
			@RequestParam(defaultValue = "VALID_ROWS") String mode, @RequestParam(defaultValue = "false") boolean publish)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw KejiaoException.invalid("import.empty");
		}
		CatalogImports.Mode chosen;
		try {
			chosen = CatalogImports.Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", "mode");
		}
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		ImportStatus status = imports.start(CatalogApiController.type(type), chosen, publish, name, file.getBytes());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(status);
	}

	@GetMapping("/imports/{id}")
	@Operation(summary = "Progress and row errors of an import")
	ImportStatus status(@PathVariable UUID id) {
		return imports.status(id);
	}

	@GetMapping("/imports")
	@Operation(summary = "The caller's organisation's recent imports")
	List<ImportStatus> recent() {
		return imports.recent();
	}

	@GetMapping("/imports/template")
	@Operation(summary = "An empty import workbook with the Chinese headers of a type")
	ResponseEntity<byte[]> template(@RequestParam String type) {
		EntryType entryType = CatalogApiController.type(type);
		return xlsx("kejiao-" + entryType.plural() + "-template.xlsx", imports.template(entryType));
	}

	@GetMapping("/{types}/export")
	@Operation(summary = "The caller's organisation's entries of a type as Excel (re-importable)")
	ResponseEntity<byte[]> exportMine(@PathVariable String types) {
		EntryType entryType = CatalogApiController.type(types);
		// the entries of the caller's organisation: Catalog.mine refuses a caller who is not signed in
		return xlsx("kejiao-" + entryType.plural() + ".xlsx", imports.exportMine(entryType));
	}

	@GetMapping("/exports")
	@Operation(summary = "A search result as Excel", description = "The same parameters as /api/v1/search; type is required (one sheet layout per type); at most 2,000 entries.")
	ResponseEntity<byte[]> exportSearch(@ParameterObject @ModelAttribute SearchParams params) {
		if (params.type() == null || params.type().size() != 1) {
			throw KejiaoException.invalid("request.missing-parameter", "type");
		}
		String type = params.type().getFirst();
		EntryType entryType = CatalogApiController.type(type);
		var reader = Actors.current().orElse(null);
		List<UUID> ids = new java.util.ArrayList<>();
		for (int page = 0; page < 20 && ids.size() < 2000; page++) {
			SearchResult result = search.search(new SearchParams(params.q(), params.type(), params.region(), params.zone(),
					params.category(), params.priceMin(), params.priceMax(), params.accreditation(), params.maturity(),
					"relevance", page, 100).toQuery(100), reader);
			result.hits().forEach(hit -> ids.add(hit.id()));
			if (result.hits().size() < 100) {
				break;
			}
		}
		return xlsx("kejiao-search-" + entryType.plural() + ".xlsx", imports.export(entryType, catalog.views(ids, reader)));
	}

	static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
		return Downloads.file(fileName, Downloads.XLSX, content);
	}
}
