package cn.kejiao.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.kejiao.insight.InsightAccess;
import cn.kejiao.insight.InsightDrill;
import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightKind;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.RegionLevel;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The dashboards: {@code /insight} opens on the reader's home region (its own for a region admin, the whole country
 * otherwise), {@code /insight/regions/{code}} on another. Who governs the region sees every figure with its money,
 * the months, the map of China with the flows, the Sankey diagram, the tables and their workbooks, and the rows
 * behind each figure; anyone else the public summary: counts, and money only where it is published anyway.
 */
@Controller
class InsightPageController {

	static final int DRILL_PAGE = 50;

	private final DashboardData data;
	private final DashboardCharts charts;
	private final InsightAccess access;
	private final InsightDrill drill;
	private final InsightWorkbook workbook;
	private final RegionOptions options;
	private final Regions regions;
	private final Problems problems;
	private final Clock clock;

	InsightPageController(DashboardData data, DashboardCharts charts, InsightAccess access, InsightDrill drill,
			InsightWorkbook workbook, RegionOptions options, Regions regions, Problems problems, Clock clock) {
		this.data = data;
		this.charts = charts;
		this.access = access;
		this.drill = drill;
		this.workbook = workbook;
		this.options = options;
		this.regions = regions;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/insight")
	String home(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String kind, Model model, HttpServletRequest request) {
		if (region != null && region.strip().matches("[1-9]\\d{5}")) {
			return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/insight/regions/{code}")
				.queryParamIfPresent("from", java.util.Optional.ofNullable(from))
				.queryParamIfPresent("to", java.util.Optional.ofNullable(to))
				.queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
				.buildAndExpand(region.strip()).encode().toUriString();
		}
		Actor actor = Actors.current().orElse(null);
		return dashboard(access.governs(actor, access.home(actor)) ? access.home(actor) : InsightFigures.NATION, from,
				to, kind, model, request);
	}

	@GetMapping("/insight/regions/{code}")
	String region(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String kind,
			Model model, HttpServletRequest request) {
		InsightApiController.requireCode(code);
		data.requireRegion(code);
		Actor actor = Actors.current().orElse(null);
		if (!access.governs(actor, code) && !InsightFigures.NATION.equals(code)
				&& regions.get(code).level() == RegionLevel.COUNTY) {
			return "redirect:/insight/regions/" + regions.prefectureOf(code).code();
		}
		return dashboard(code, from, to, kind, model, request);
	}

	private String dashboard(String code, @Nullable String from, @Nullable String to, @Nullable String kind,
			Model model, HttpServletRequest request) {
		Actor actor = Actors.current().orElse(null);
		boolean full = access.governs(actor, code);
		model.addAttribute("regionCode", code);
		model.addAttribute("regionName", data.regionName(code));
		model.addAttribute("full", full);
		model.addAttribute("regionPrefix", InsightFigures.NATION.equals(code) ? "" : RegionCodes.prefix(code));
		model.addAttribute("regionOptions", options.options(actor, code));
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		model.addAttribute("thisYear", today.getYear());
		model.addAttribute("lastYear", today.getYear() - 1);
		model.addAttribute("fromValue", from == null ? "" : from);
		model.addAttribute("toValue", to == null ? "" : to);
		try {
			InsightPeriod period = InsightPeriod.of(from, to, clock);
			model.addAttribute("period", period);
			model.addAttribute("fromMonth", period.from().toString().substring(0, 7));
			model.addAttribute("toMonth", period.to().toString().substring(0, 7));
			DashboardData.Figures figures = data.figures(code, period, full);
			model.addAttribute("figures", figures);
			model.addAttribute("groups", groups(figures));
			if (full) {
				List<InsightKind> flowKinds = data.kinds().stream().filter(InsightKind::flow).toList();
				InsightKind chosen = flowKinds.isEmpty() ? InsightKind.ORDERS
						: flowKinds.contains(kindOrNull(kind)) ? kindOrNull(kind)
								: flowKinds.contains(InsightKind.ORDERS) ? InsightKind.ORDERS : flowKinds.getFirst();
				model.addAttribute("flowKinds", flowKinds);
				model.addAttribute("kind", chosen);
				DashboardData.Trends trends = data.trends(code, period, true);
				model.addAttribute("trends", trends);
				model.addAttribute("trendChart", charts.trends(trends, figures));
				DashboardData.Flows provinces = data.flows(code, period, chosen, "province");
				DashboardData.Flows flows = data.flows(code, period, chosen, null);
				model.addAttribute("flows", flows);
				model.addAttribute("mapChart", charts.map(code, provinces, flows));
				model.addAttribute("sankeyChart", charts.sankey(flows));
				if (!InsightFigures.NATION.equals(code)) {
					model.addAttribute("children", regions.children(code));
				}
			}
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.refusal(ex, request));
		}
		return "insight/dashboard";
	}

	@GetMapping("/insight/regions/{code}/drill")
	String drill(@PathVariable String code, @RequestParam(required = false) @Nullable String figure,
			@RequestParam(required = false) @Nullable String side, @RequestParam(required = false) @Nullable String served,
			@RequestParam(required = false) @Nullable String serving, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request) {
		InsightPeriod period = governed(code, from, to);
		InsightKind kind = InsightApiController.kind(figure, null);
		InsightDrill.Side where = InsightApiController.side(side);
		model.addAttribute("regionCode", code);
		model.addAttribute("regionName", data.regionName(code));
		model.addAttribute("period", period);
		model.addAttribute("kind", kind);
		model.addAttribute("kindName", data.kindName(kind));
		model.addAttribute("side", where.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("served", served == null ? "" : served);
		model.addAttribute("serving", serving == null ? "" : serving);
		model.addAttribute("servedName", served == null || served.isBlank() ? null : data.regionName(served.strip()));
		model.addAttribute("servingName", serving == null || serving.isBlank() ? null : data.regionName(serving.strip()));
		model.addAttribute("page", page);
		try {
			InsightDrill.Rows rows = drill.rows(Actors.current().orElse(null), code, kind, where, served, serving,
					period.from(), period.to(), new Paging(page, DRILL_PAGE));
			model.addAttribute("rows", rows.items());
			model.addAttribute("more", rows.more());
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.refusal(ex, request));
		}
		return "insight/drill";
	}

	@GetMapping("/insight/regions/{code}/figures.xlsx")
	ResponseEntity<byte[]> figuresFile(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return workbook.figures(data.figures(code, governed(code, from, to), true));
	}

	@GetMapping("/insight/regions/{code}/trends.xlsx")
	ResponseEntity<byte[]> trendsFile(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return workbook.trends(data.trends(code, governed(code, from, to), true));
	}

	@GetMapping("/insight/regions/{code}/flows.xlsx")
	ResponseEntity<byte[]> flowsFile(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String level) {
		InsightPeriod period = governed(code, from, to);
		return workbook.flows(data.flows(code, period, InsightApiController.kind(kind, InsightKind.ORDERS), level));
	}

	@GetMapping("/insight/regions/{code}/drill.xlsx")
	ResponseEntity<byte[]> drillFile(@PathVariable String code, @RequestParam(required = false) @Nullable String figure,
			@RequestParam(required = false) @Nullable String side, @RequestParam(required = false) @Nullable String served,
			@RequestParam(required = false) @Nullable String serving, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		InsightPeriod period = governed(code, from, to);
		InsightKind kind = InsightApiController.kind(figure, null);
		InsightDrill.Rows rows = drill.rows(Actors.current().orElse(null), code, kind,
				InsightApiController.side(side), served, serving, period.from(), period.to(),
				new Paging(0, Paging.MAX_ROWS - 1));
		return workbook.rows(data.kindName(kind), data.regionName(code), period.from().toString(),
				period.to().toString(), rows.items(), data::regionName);
	}

	/** The figures of each group, in the groups' order, for the cards. */
	private static Map<String, List<DashboardData.Figure>> groups(DashboardData.Figures figures) {
		Map<String, List<DashboardData.Figure>> groups = new LinkedHashMap<>();
		for (DashboardData.Figure figure : figures.figures()) {
			groups.computeIfAbsent(figure.groupName(), g -> new ArrayList<>()).add(figure);
		}
		return groups;
	}

	private InsightPeriod governed(String code, @Nullable String from, @Nullable String to) {
		InsightApiController.requireCode(code);
		access.requireGoverns(Actors.current().orElse(null), code);
		data.requireRegion(code);
		return InsightPeriod.of(from, to, clock);
	}

	private static @Nullable InsightKind kindOrNull(@Nullable String name) {
		try {
			return name == null ? null : InsightKind.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
