package cn.kejiao.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.ActorPrincipal;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.region.Regions;
import jakarta.annotation.PreDestroy;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import and export of catalog entries. An upload is checked at once (size, kind of file) and then
 * read, validated and imported in the background while the page follows its progress. The owner's own
 * code (编号) makes re-importing a file update its entries instead of adding them twice. "All or nothing"
 * imports nothing when any row is wrong; "valid rows" imports the others and reports the wrong ones.
 */
@Service
public class CatalogImports implements ApplicationRunner {

	public enum Mode {
		VALID_ROWS, ALL_OR_NOTHING
	}

	private static final Logger log = LoggerFactory.getLogger(CatalogImports.class);
	private static final int CHUNK = 250;
	private static final int MAX_REPORTED_ERRORS = 1000;
	private static final TypeReference<List<Map<String, Object>>> ERRORS = new TypeReference<>() {
	};

	private final ImportJobRepository jobs;
	private final Catalog catalog;
	private final Regions regions;
	private final TransactionTemplate transactions;
	private final JsonMapper json;
	private final MessageSource messages;
	private final Clock clock;
	private final long maxBytes;
	private final int maxRows;
	private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("catalog-import-", 1).daemon().factory());

	CatalogImports(ImportJobRepository jobs, Catalog catalog, Regions regions, TransactionTemplate transactions,
			JsonMapper json, MessageSource messages, Clock clock,
			@Value("${kejiao.catalog.import.max-bytes:20971520}") long maxBytes,
			@Value("${kejiao.catalog.import.max-rows:50000}") int maxRows) {
		this.jobs = jobs;
		this.catalog = catalog;
		this.regions = regions;
		this.transactions = transactions;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
		this.maxBytes = maxBytes;
		this.maxRows = maxRows;
	}

	/** Imports cut short by a stopped process are marked failed; importing the file again is safe. */
	@Override
	public void run(ApplicationArguments args) {
		Integer interrupted = transactions.execute(status -> jobs.failInterrupted());
		if (interrupted != null && interrupted > 0) {
			log.warn("{} catalog imports were interrupted by a restart", interrupted);
		}
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	/** Accepts a file for import by the caller's organisation and returns the job to follow. */
	public ImportStatus start(EntryType type, Mode mode, boolean publish, String fileName, byte[] content) {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		catalog.requireOwnerOf(type);
		if (content.length > maxBytes) {
			throw KejiaoException.invalid("import.too-large", maxBytes / (1024 * 1024));
		}
		ImportJob job = new ImportJob(UUID.randomUUID(), actor.organisationId(), type, mode.name(), fileName,
				actor.username(), clock.instant());
		transactions.executeWithoutResult(status -> jobs.save(job));
		workers.submit(() -> runAs(actor, () -> process(job.id(), type, mode, publish, fileName, content)));
		return status(job.id());
	}

	/** The job as its owner sees it, with messages in the caller's language. */
	public ImportStatus status(UUID id) {
		Actor actor = Actors.require();
		ImportJob job = transactions.execute(status -> jobs.findById(id).orElse(null));
		if (job == null || !job.ownerOrgId().equals(actor.organisationId()) && !actor.isPlatformAdmin()) {
			throw KejiaoException.notFound("import.not-found", id);
		}
		return view(job);
	}

	public List<ImportStatus> recent() {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			return List.of();
		}
		return transactions.execute(status -> jobs.findTop20ByOwnerOrgIdOrderByCreatedAtDesc(actor.organisationId()))
			.stream().map(this::view).toList();
	}

	/** An empty workbook with the type's Chinese headers and a sheet explaining them. */
	public byte[] template(EntryType type) {
		return workbook(type, List.of());
	}

	/** The caller's organisation's entries of a type, in the import layout (so the file can be re-imported). */
	public byte[] exportMine(EntryType type) {
		return workbook(type, catalog.mine(type));
	}

	/** The entries of a search result (its first 5,000), in the import layout of each type. */
	public byte[] export(EntryType type, List<EntryView> entries) {
		return workbook(type, entries);
	}

	private void process(UUID jobId, EntryType type, Mode mode, boolean publish, String fileName, byte[] content) {
		try {
			List<List<String>> rows = SpreadsheetFiles.read(fileName, content, maxRows);
			if (rows.isEmpty()) {
				throw KejiaoException.invalid("import.empty");
			}
			List<String> headerProblems = new ArrayList<>();
			Map<Integer, ImportColumns.Column> bound = ImportColumns.bind(type, rows.getFirst(), headerProblems);
			List<String> missing = headerProblems.stream().filter(p -> p.startsWith("missing:")).map(p -> p.substring(8)).toList();
			if (!missing.isEmpty()) {
				throw KejiaoException.invalid("import.headers", String.join("、", missing));
			}
			int total = rows.size() - 1;
			update(jobId, job -> job.start(total));

			List<ImportColumns.RowError> errors = new ArrayList<>();
			List<Map.Entry<Integer, EntryForm>> valid = new ArrayList<>();
			Set<String> codes = new HashSet<>();
			for (int i = 1; i < rows.size(); i++) {
				int rowNumber = i + 1;
				EntryForm form = ImportColumns.parse(type, rowNumber, rows.get(i), bound, errors);
				if (form == null) {
					continue;
				}
				if (!codes.add(form.externalCode())) {
					errors.add(new ImportColumns.RowError(rowNumber, "编号", "duplicate-code", List.of(form.externalCode())));
					continue;
				}
				if (form.regionCode() != null && regions.find(form.regionCode()).isEmpty()) {
					errors.add(new ImportColumns.RowError(rowNumber, "所在区域代码", "region", List.of(form.regionCode())));
					continue;
				}
				valid.add(Map.entry(rowNumber, form));
			}

			if (mode == Mode.ALL_OR_NOTHING && !errors.isEmpty()) {
				update(jobId, job -> {
					job.progress(total, 0);
					job.finish(ImportJob.State.REJECTED, errorsJson(errors), clock.instant());
				});
				return;
			}
			int imported = 0;
			int done = total - valid.size();
			if (mode == Mode.ALL_OR_NOTHING) {
				List<ImportColumns.RowError> failures = new ArrayList<>();
				Integer count = transactions.execute(status -> {
					int n = 0;
					for (Map.Entry<Integer, EntryForm> row : valid) {
						try {
							importRow(type, row.getValue(), publish);
							n++;
						}
						catch (KejiaoException ex) {
							failures.add(rowError(row.getKey(), ex));
							status.setRollbackOnly();
							return 0;
						}
					}
					return n;
				});
				if (!failures.isEmpty()) {
					update(jobId, job -> job.finish(ImportJob.State.REJECTED, errorsJson(failures), clock.instant()));
					return;
				}
				imported = count == null ? 0 : count;
				done = total;
			}
			else {
				for (int from = 0; from < valid.size(); from += CHUNK) {
					List<Map.Entry<Integer, EntryForm>> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
					imported += importChunk(type, chunk, publish, errors);
					done += chunk.size();
					int doneNow = done;
					int importedNow = imported;
					update(jobId, job -> job.progress(doneNow, importedNow));
				}
			}
			int importedFinal = imported;
			int doneFinal = done;
			errors.sort(java.util.Comparator.comparingInt(ImportColumns.RowError::row));
			update(jobId, job -> {
				job.progress(doneFinal, importedFinal);
				job.finish(ImportJob.State.DONE, errorsJson(errors), clock.instant());
			});
		}
		catch (KejiaoException ex) {
			update(jobId, job -> job.fail(ex.code(), json.writeValueAsString(List.of(ex.args()).stream().map(String::valueOf).toList()),
					clock.instant()));
		}
		catch (RuntimeException ex) {
			log.error("Import {} failed", jobId, ex);
			update(jobId, job -> job.fail("import.failed", "[]", clock.instant()));
		}
	}

	/** A chunk in one transaction; if a row fails there, the chunk is redone row by row to keep the others. */
	private int importChunk(EntryType type, List<Map.Entry<Integer, EntryForm>> chunk, boolean publish,
			List<ImportColumns.RowError> errors) {
		try {
			Integer count = transactions.execute(status -> {
				chunk.forEach(row -> importRow(type, row.getValue(), publish));
				return chunk.size();
			});
			return count == null ? 0 : count;
		}
		catch (KejiaoException ex) {
			int count = 0;
			for (Map.Entry<Integer, EntryForm> row : chunk) {
				try {
					transactions.executeWithoutResult(status -> importRow(type, row.getValue(), publish));
					count++;
				}
				catch (KejiaoException rowFailure) {
					errors.add(rowError(row.getKey(), rowFailure));
				}
			}
			return count;
		}
	}

	private void importRow(EntryType type, EntryForm form, boolean publish) {
		EntryView entry = catalog.upsert(type, form);
		if (publish && entry.state() != EntryState.PUBLISHED) {
			catalog.publish(entry.id());
		}
	}

	private static ImportColumns.RowError rowError(int row, KejiaoException ex) {
		return new ImportColumns.RowError(row, "", "entry", List.of(ex.code()));
	}

	private String errorsJson(List<ImportColumns.RowError> errors) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (ImportColumns.RowError error : errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS))) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("row", error.row());
			item.put("column", error.column());
			item.put("code", error.code());
			item.put("args", error.args());
			list.add(item);
		}
		return json.writeValueAsString(list);
	}

	private ImportStatus view(ImportJob job) {
		Locale locale = LocaleContextHolder.getLocale();
		List<ImportStatus.RowProblem> problems = new ArrayList<>();
		for (Map<String, Object> error : json.readValue(job.errors(), ERRORS)) {
			String code = String.valueOf(error.get("code"));
			List<?> args = (List<?>) error.getOrDefault("args", List.of());
			Object[] values = args.toArray();
			if ("entry".equals(code) && values.length == 1) {
				values = new Object[] { messages.getMessage("error." + values[0], null, String.valueOf(values[0]), locale) };
			}
			problems.add(new ImportStatus.RowProblem(((Number) error.get("row")).intValue(), String.valueOf(error.get("column")),
					code, messages.getMessage("error.import.row." + code, values, code, locale)));
		}
		String failure = null;
		if (job.failureCode() != null) {
			Object[] args = job.failureArgs() == null ? new Object[0] : json.readValue(job.failureArgs(), List.class).toArray();
			failure = messages.getMessage("error." + job.failureCode(), args, job.failureCode(), locale);
		}
		return job.view(problems, failure);
	}

	private void update(UUID jobId, java.util.function.Consumer<ImportJob> change) {
		transactions.executeWithoutResult(status -> {
			ImportJob job = jobs.findById(jobId).orElseThrow();
			change.accept(job);
			jobs.save(job);
		});
	}

	private byte[] workbook(EntryType type, List<EntryView> entries) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(type.plural());
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			List<String> headers = ImportColumns.headers(type);
			for (int i = 0; i < headers.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(headers.get(i));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(i, 16 * 256);
			}
			int r = 1;
			for (EntryView entry : entries) {
				if (entry.type() != type) {
					continue;
				}
				Row row = sheet.createRow(r++);
				List<String> values = ImportColumns.values(type, entry);
				for (int i = 0; i < values.size(); i++) {
					row.createCell(i).setCellValue(values.get(i));
				}
			}
			Sheet help = workbook.createSheet("说明");
			String[] lines = { "带 * 的列必填；编号是本机构内唯一的代码，再次导入同一编号会更新而不是新增。",
					"价格为人民币元，最多两位小数；计价单位：小时、样品、项、总价。", "资质：CMA、CNAS（可填多个，用逗号分隔）；成熟度：实验室、中试、产业化。",
					"公开范围：公开、合作区、需申请；所在区域代码为六位行政区划代码，不填则为本机构所在区域。",
					"可提供咨询、科技特派员：是 或 否；技术就绪度：1–9。" };
			for (int i = 0; i < lines.length; i++) {
				help.createRow(i).createCell(0).setCellValue(lines[i]);
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void runAs(Actor actor, Runnable work) {
		var principal = new ImportingUser(actor);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private record ImportingUser(Actor actor) implements ActorPrincipal {
	}
}
