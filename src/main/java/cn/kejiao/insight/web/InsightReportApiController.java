package cn.kejiao.insight.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.insight.InsightAccess;
import cn.kejiao.insight.InsightReport;
import cn.kejiao.insight.InsightReports;
import cn.kejiao.insight.ReportPeriod;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A region's monthly and yearly reports: the list, one written now, and their workbook and PDF. */
@RestController
@RequestMapping("/api/v1/insight/reports")
@Tag(name = "Insight")
@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "insight.scope")
class InsightReportApiController {

	static final int PAGE_SIZE = 20;

	/** What to write: the region (the caller's own when left out), MONTH or YEAR, the year and, for MONTH, the month. */
	record ReportRequest(@Nullable String region, ReportPeriod.@Nullable Kind period, @Nullable Integer year,
			@Nullable Integer month) {
	}

	/** Where the report and its files are. */
	record ReportLinks(String self, String xlsx, String pdf) {
	}

	/** A report with its links. */
	record ReportResource(UUID id, String region, String regionName, ReportPeriod.Kind period, int year,
			@Nullable Integer month, LocalDate periodStart, LocalDate periodEnd, OffsetDateTime generatedAt,
			boolean scheduled, @Nullable String generatedBy, InsightReport.State state, ReportLinks links) {

		static ReportResource of(InsightReport report) {
			String self = "/api/v1/insight/reports/" + report.id();
			return new ReportResource(report.id(), report.region(), report.regionName(), report.period(), report.year(),
					report.month(), report.periodStart(), report.periodEnd(), report.generatedAt(), report.scheduled(),
					report.generatedBy(), report.state(), new ReportLinks(self, self + ".xlsx", self + ".pdf"));
		}
	}

	record ReportPage(List<ReportResource> items, long total, int page, int size) {
	}

	private final InsightReports reports;
	private final InsightAccess access;

	InsightReportApiController(InsightReports reports, InsightAccess access) {
		this.reports = reports;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "The reports the caller may read, newest first",
			description = "region: only this region's reports (403 insight.scope outside the caller's scope); all the "
					+ "regions the caller governs when left out. page: from 0, 20 a page.")
	ReportPage list(@RequestParam(required = false) @Nullable String region, @RequestParam(defaultValue = "0") int page) {
		var found = reports.list(Actors.require(), region, new Paging(page, PAGE_SIZE));
		return new ReportPage(found.getContent().stream().map(ReportResource::of).toList(), found.getTotalElements(),
				found.getNumber(), found.getSize());
	}

	@PostMapping
	@Operation(summary = "Write a region's monthly or yearly report now",
			description = "region: a region code or 100000 for the nation (the caller's region when left out); period: "
					+ "MONTH or YEAR; year; month (1–12, MONTH only). A period not over is reported up to today. 201 with "
					+ "the report and the links to its workbook and PDF. 400 insight.report-period, "
					+ "insight.report-future; 403 insight.scope for a region the caller does not govern; 404 "
					+ "region.not-found.")
	ResponseEntity<ReportResource> produce(@RequestBody ReportRequest request) {
		Actor actor = Actors.require();
		String region = request.region() == null || request.region().isBlank() ? access.home(actor)
				: request.region().strip();
		InsightReport report = reports.produce(actor, region,
				ReportPeriod.of(request.period(), request.year(), request.month()));
		ReportResource resource = ReportResource.of(report);
		return ResponseEntity.created(URI.create(resource.links().self())).body(resource);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One report (404 insight.report-not-found outside the caller's scope)")
	ReportResource get(@PathVariable UUID id) {
		return ReportResource.of(reports.get(Actors.require(), id));
	}

	@GetMapping("/{id}.xlsx")
	@Operation(summary = "The report as an Excel workbook (409 insight.report-failed when writing it failed)")
	@ApiResponse(responseCode = "200", description = "The workbook.",
			content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
	ResponseEntity<byte[]> xlsx(@PathVariable UUID id) {
		InsightReport.File file = reports.xlsx(Actors.require(), id);
		return Downloads.file(file.name(), Downloads.XLSX, file.content());
	}

	@GetMapping("/{id}.pdf")
	@Operation(summary = "The report as a PDF in Chinese (409 insight.report-failed when writing it failed)")
	@ApiResponse(responseCode = "200", description = "The PDF.", content = @Content(mediaType = "application/pdf"))
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		InsightReport.File file = reports.pdf(Actors.require(), id);
		return Downloads.file(file.name(), Downloads.PDF, file.content());
	}
}
