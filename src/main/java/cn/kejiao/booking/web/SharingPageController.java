package cn.kejiao.booking.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.kejiao.booking.SharingFigures;
import cn.kejiao.booking.SharingReport;
import cn.kejiao.booking.SharingReport.InstrumentFigures;
import cn.kejiao.booking.SharingReport.OrganisationFigures;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The region admin's sharing figures page: a region (what the admin governs) and a period, the figures per
 * instrument and per owner with the flagged ones marked, two charts, and the workbook to hand in. An owner sees its
 * own instruments' figures on the same page.
 */
@Controller
@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN, Role.PROVIDER }, refusal = "sharing.forbidden")
class SharingPageController {

	static final int PAGE_SIZE = 50;
	static final int CHART_BARS = 10;

	private final SharingFigures figures;
	private final SharingWorkbook workbook;
	private final SharingRegionOptions regionOptions;
	private final Problems problems;
	private final MessageSource messages;
	private final JsonMapper json;

	SharingPageController(SharingFigures figures, SharingWorkbook workbook, SharingRegionOptions regionOptions,
			Problems problems, MessageSource messages, JsonMapper json) {
		this.figures = figures;
		this.workbook = workbook;
		this.regionOptions = regionOptions;
		this.problems = problems;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/sharing-figures")
	String page(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "false") boolean flagged, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletRequest request) {
		Actor actor = Actors.require();
		SharingQuery query = new SharingQuery(region, from, to);
		String chosen = region == null || region.isBlank() ? figures.defaultRegion(actor) : region.strip();
		model.addAttribute("query", query);
		model.addAttribute("chosenRegion", chosen);
		model.addAttribute("regionOptions", regionOptions.options(actor, chosen));
		model.addAttribute("flaggedOnly", flagged);
		try {
			SharingReport report = figures.figures(chosen, query.period(figures));
			List<InstrumentFigures> rows = flagged ? report.instruments().stream().filter(InstrumentFigures::lowUse).toList()
					: report.instruments();
			int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
			int current = Math.min(Math.max(page, 0), pages - 1);
			model.addAttribute("report", report);
			model.addAttribute("rows", rows.subList(current * PAGE_SIZE, Math.min(rows.size(), (current + 1) * PAGE_SIZE)));
			model.addAttribute("rowCount", rows.size());
			model.addAttribute("page", current);
			model.addAttribute("pages", pages);
			model.addAttribute("chart", chart(report));
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.refusal(ex, request));
		}
		return "booking/sharing-figures";
	}

	@GetMapping("/sharing-figures.xlsx")
	ResponseEntity<byte[]> excel(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
		SharingQuery query = new SharingQuery(region, from, to);
		return workbook.download(figures.figures(region, query.period(figures)));
	}

	/**
	 * What the charts draw, for static/js/sharing-figures.js: the most used instruments' effective and external
	 * hours, and the owners' sharing rates (in percent), with the series' names in the reader's language.
	 */
	private String chart(SharingReport report) {
		List<InstrumentFigures> top = report.instruments().stream().filter(r -> r.effectiveHours().signum() > 0)
			.limit(CHART_BARS).toList();
		List<OrganisationFigures> owners = report.organisations().stream()
			.filter(o -> o.figures().effectiveHours().signum() > 0).limit(CHART_BARS).toList();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("instruments", top.stream().map(InstrumentFigures::title).toList());
		chart.put("effective", top.stream().map(InstrumentFigures::effectiveHours).toList());
		chart.put("external", top.stream().map(InstrumentFigures::externalHours).toList());
		chart.put("organisations", owners.stream().map(OrganisationFigures::name).toList());
		chart.put("rates", owners.stream().map(o -> o.figures().sharingRate().movePointRight(2)).toList());
		chart.put("effectiveName", text("sharing.effectiveHours"));
		chart.put("externalName", text("sharing.externalHours"));
		chart.put("rateName", text("sharing.sharingRatePercent"));
		chart.put("hoursTitle", text("sharing.chart.hours"));
		chart.put("ratesTitle", text("sharing.chart.rates"));
		return json.writeValueAsString(chart);
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}
}
