package cn.kejiao.insight.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.insight.InsightAccess;
import cn.kejiao.insight.InsightDrill;
import cn.kejiao.insight.InsightKind;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A region's figures, months, flows and the rows behind them, as the dashboards show them: read from the insight
 * read model only. The platform admin reads every region and the whole country ({@code 100000}); a region admin its
 * region and everything below it; anyone else is refused with 403 {@code insight.scope} (the public reads the open
 * statistics).
 */
@RestController
@RequestMapping("/api/v1/insight/regions/{code}")
@Tag(name = "Insight")
class InsightApiController {

	static final int DRILL_PAGE = 50;

	private final DashboardData data;
	private final InsightAccess access;
	private final InsightDrill drill;
	private final Clock clock;

	InsightApiController(DashboardData data, InsightAccess access, InsightDrill drill, Clock clock) {
		this.data = data;
		this.access = access;
		this.drill = drill;
		this.clock = clock;
	}

	@GetMapping("/figures")
	@Operation(summary = "Every kind counted for the region over a period, with the stocks at its end",
			description = "from, to: ISO dates or months (yyyy-MM), China time, both included; this year so far when "
					+ "left out. served: what the region's side received, serving: what it gave, inside: both sides in "
					+ "the region (counts, and money in yuan where the kind has money); stocks: the catalog entries "
					+ "shared at the end of the period; vouchersHeld: voucher money held then. Each figure says where "
					+ "it comes from (source). 400 insight.date, flows.span, insight.region; 403 insight.scope; 404 "
					+ "region.not-found.")
	DashboardData.Figures figures(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		InsightPeriod period = governed(code, from, to);
		return data.figures(code, period, true);
	}

	@GetMapping("/trends")
	@Operation(summary = "Each kind's figures per month of the period (months with nothing left out of rows)",
			description = "Same region, period and errors as the figures; months lists every month of the period.")
	DashboardData.Trends trends(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		InsightPeriod period = governed(code, from, to);
		return data.trends(code, period, true);
	}

	@GetMapping("/flows")
	@Operation(summary = "What flowed between regions, one kind, with at least one end in the region",
			description = "kind: one of the kinds counted (ORDERS when left out); level: province, prefecture or county "
					+ "(provinces for 100000, prefectures for a province, counties below when left out). Pairs from the "
					+ "serving region to the served region, largest first, with the regions' names; a pair inside one "
					+ "region has the same code on both sides. 400 insight.kind, insight.level.")
	DashboardData.Flows flows(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String level) {
		InsightPeriod period = governed(code, from, to);
		return data.flows(code, period, kind(kind, InsightKind.ORDERS), level);
	}

	/** One page of the rows behind a figure. */
	record DrillPage(String region, InsightKind figure, String side, int page, int size, boolean more,
			List<FlowItem> items) {
	}

	@GetMapping("/drill")
	@Operation(summary = "The rows behind a figure: the orders, bookings, contracts… counted, newest first",
			description = "figure: the kind; side: served, serving or inside (where the region stands; served when left "
					+ "out); served, serving: a region code narrowing that side (one on the region's own side must lie "
					+ "within it); page from 0, 50 rows a page. 400 insight.kind, insight.side; 403 insight.scope; 501 "
					+ "insight.drill-unavailable while the kind's module does not list its rows.")
	@ApiResponse(responseCode = "501", description = "The kind's rows are not listed yet (insight.drill-unavailable).")
	DrillPage drill(@PathVariable String code, @RequestParam(required = false) @Nullable String figure,
			@RequestParam(required = false) @Nullable String side, @RequestParam(required = false) @Nullable String served,
			@RequestParam(required = false) @Nullable String serving, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "0") int page) {
		InsightPeriod period = governed(code, from, to);
		InsightKind kind = kind(figure, null);
		InsightDrill.Side where = side(side);
		Paging paging = new Paging(page, DRILL_PAGE);
		InsightDrill.Rows rows = drill.rows(Actors.current().orElse(null), code, kind, where, served, serving,
				period.from(), period.to(), paging);
		return new DrillPage(code, kind, where.name().toLowerCase(Locale.ROOT), page, DRILL_PAGE, rows.more(),
				rows.items());
	}

	/** The period, after the region is known to exist and the caller to govern it. */
	private InsightPeriod governed(String code, @Nullable String from, @Nullable String to) {
		requireCode(code);
		access.requireGoverns(Actors.current().orElse(null), code);
		data.requireRegion(code);
		return InsightPeriod.of(from, to, clock);
	}

	static void requireCode(String code) {
		if (!code.matches("[1-9]\\d{5}")) {
			throw KejiaoException.invalid("insight.region", code);
		}
	}

	/** A kind counted by the read model; {@code insight.kind} (400) otherwise. */
	static InsightKind kind(@Nullable String name, @Nullable InsightKind fallback) {
		if ((name == null || name.isBlank()) && fallback != null) {
			return fallback;
		}
		try {
			return InsightKind.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid("insight.kind", String.valueOf(name));
		}
	}

	static InsightDrill.Side side(@Nullable String side) {
		if (side == null || side.isBlank()) {
			return InsightDrill.Side.SERVED;
		}
		try {
			return InsightDrill.Side.valueOf(side.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid("insight.side", side);
		}
	}
}
