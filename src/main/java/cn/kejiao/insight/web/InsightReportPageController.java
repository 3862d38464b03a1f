package cn.kejiao.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightReport;
import cn.kejiao.insight.InsightReports;
import cn.kejiao.insight.ReportPeriod;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.RegionLevel;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The reports page of a region's admin (and the platform admin): the past reports with their workbook and PDF, and
 * a form to write one now for a region it governs, kept as typed with the refusal when it is refused.
 */
@Controller
@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "insight.scope")
class InsightReportPageController {

	static final int PAGE_SIZE = 20;

	/** The form as typed; every field text, so what was typed comes back as it was. */
	record ReportForm(@Nullable String region, @Nullable String period, @Nullable String year, @Nullable String month) {
	}

	/** A region the form offers, indented under its province. */
	record RegionOption(String code, String name, int depth) {
	}

	private final InsightReports reports;
	private final Regions regions;
	private final Problems problems;
	private final MessageSource messages;
	private final Clock clock;

	InsightReportPageController(InsightReports reports, Regions regions, Problems problems, MessageSource messages,
			Clock clock) {
		this.reports = reports;
		this.regions = regions;
		this.problems = problems;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/insight/reports")
	String page(@RequestParam(required = false) @Nullable String region, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletRequest request) {
		Actor actor = Actors.require();
		if (!model.containsAttribute("form")) {
			YearMonth last = YearMonth.from(LocalDate.now(clock.withZone(ChinaTime.ZONE))).minusMonths(1);
			model.addAttribute("form", new ReportForm(home(actor), "MONTH", String.valueOf(last.getYear()),
					String.valueOf(last.getMonthValue())));
		}
		Object produced = model.getAttribute("producedId");
		if (produced != null) {
			model.addAttribute("produced", reports.get(actor, UUID.fromString(produced.toString())));
		}
		String filter = region == null || region.isBlank() ? null : region.strip();
		model.addAttribute("filter", filter);
		model.addAttribute("result", reports.list(actor, filter, new Paging(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("regionOptions", options(actor));
		return "insight/reports/list";
	}

	@PostMapping("/insight/reports")
	String produce(@ModelAttribute ReportForm form, Model model, RedirectAttributes redirect,
			HttpServletRequest request) {
		Actor actor = Actors.require();
		try {
			String region = form.region() == null || form.region().isBlank() ? home(actor) : form.region().strip();
			InsightReport report = reports.produce(actor, region,
					ReportPeriod.of(kind(form.period()), number(form.year()), number(form.month())));
			redirect.addFlashAttribute("producedId", report.id().toString());
			return "redirect:/insight/reports";
		}
		catch (KejiaoException ex) {
			model.addAttribute("form", form);
			model.addAttribute("error", problems.refusal(ex, request));
			return page(null, 0, model, request);
		}
	}

	@GetMapping("/insight/reports/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable UUID id) {
		InsightReport.File file = reports.xlsx(Actors.require(), id);
		return Downloads.file(file.name(), Downloads.XLSX, file.content());
	}

	@GetMapping("/insight/reports/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		InsightReport.File file = reports.pdf(Actors.require(), id);
		return Downloads.file(file.name(), Downloads.PDF, file.content());
	}

	/** The regions the actor governs down to prefectures: the nation and every province for the platform admin. */
	private List<RegionOption> options(Actor actor) {
		List<RegionOption> options = new ArrayList<>();
		if (actor.isPlatformAdmin()) {
			options.add(new RegionOption(InsightFigures.NATION,
					messages.getMessage("insight.report.nation", null, LocaleContextHolder.getLocale()), 0));
			for (RegionView province : regions.provinces()) {
				add(options, province, 1);
			}
		}
		else if (regions.exists(actor.regionCode())) {
			add(options, regions.get(actor.regionCode()), 0);
		}
		return options;
	}

	private void add(List<RegionOption> options, RegionView region, int depth) {
		options.add(new RegionOption(region.code(), region.localName(), depth));
		if (region.level() == RegionLevel.PROVINCE) {
			for (RegionView child : regions.children(region.code())) {
				if (child.level() == RegionLevel.PREFECTURE) {
					options.add(new RegionOption(child.code(), child.localName(), depth + 1));
				}
			}
		}
	}

	private static String home(Actor actor) {
		return actor.isPlatformAdmin() ? InsightFigures.NATION : actor.regionCode();
	}

	private static ReportPeriod.@Nullable Kind kind(@Nullable String text) {
		try {
			return text == null ? null : ReportPeriod.Kind.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Integer number(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
