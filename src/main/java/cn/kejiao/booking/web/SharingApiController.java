package cn.kejiao.booking.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.booking.SharingFigures;
import cn.kejiao.booking.SharingReport;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sharing figures of instruments, as the national evaluation of large-instrument sharing counts them. */
@RestController
@RequestMapping("/api/v1/sharing-figures")
@Tag(name = "Instrument booking")
@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN, Role.PROVIDER }, refusal = "sharing.forbidden")
class SharingApiController {

	private final SharingFigures figures;
	private final SharingWorkbook workbook;

	SharingApiController(SharingFigures figures, SharingWorkbook workbook) {
		this.figures = figures;
		this.workbook = workbook;
	}

	@GetMapping
	@Operation(summary = "Sharing figures of a region's instruments for a period, per instrument, per owner and in total",
			description = "region: a region code (the caller's region when left out; everything below it counts); from, to: "
					+ "ISO dates in China time, both included (this year so far when left out). effectiveHours: actual use "
					+ "recorded for used and billed bookings, clipped to the period; externalHours: of it by other "
					+ "organisations than the owner; sharingRate = externalHours ÷ effectiveHours; incomes: the fees of "
					+ "the uses that ended in the period (yuan); revenueRatio = (internalIncome + 1.5 × externalIncome) ÷ "
					+ "originalValue. lowUse: effective hours below lowUseShare × the region's median. Region admins read "
					+ "their region and below, the platform admin any region, an owner its own instruments. 400 "
					+ "sharing.region-unknown, sharing.date-invalid, sharing.period-order, sharing.period-too-long; 403 "
					+ "sharing.region-forbidden, sharing.forbidden.")
	SharingReport figures(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
		SharingQuery query = new SharingQuery(region, from, to);
		return figures.figures(region, query.period(figures));
	}

	@GetMapping("/export")
	@Operation(summary = "The same sharing figures as an Excel workbook to hand in (columns in Chinese, a total row)")
	@ApiResponse(responseCode = "200", description = "The workbook.",
			content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
		SharingQuery query = new SharingQuery(region, from, to);
		return workbook.download(figures.figures(region, query.period(figures)));
	}
}
