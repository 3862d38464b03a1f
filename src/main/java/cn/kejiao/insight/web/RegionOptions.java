package cn.kejiao.insight.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.insight.InsightAccess;
import cn.kejiao.insight.InsightFigures;
import cn.kejiao.platform.Actor;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/**
 * The regions the dashboard's picker offers, what the reader may read and no more: the platform admin the whole
 * country and its provinces; a region admin its own region and the regions right below it; then the way down to the
 * region chosen and the regions right below that. The public: the whole country and the provinces.
 */
@Component
class RegionOptions {

	/** One choice, indented by its depth. */
	record Option(String code, String name, int depth) {
	}

	private final Regions regions;
	private final InsightAccess access;
	private final DashboardData data;

	RegionOptions(Regions regions, InsightAccess access, DashboardData data) {
		this.regions = regions;
		this.access = access;
		this.data = data;
	}

	List<Option> options(@Nullable Actor actor, String chosen) {
		Map<String, Option> offered = new LinkedHashMap<>();
		String home = access.governs(actor, InsightFigures.NATION) || !access.governs(actor, access.home(actor))
				? InsightFigures.NATION : access.home(actor);
		offered.put(home, new Option(home, data.regionName(home), 0));
		boolean governing = access.governs(actor, home);
		List<RegionView> below = InsightFigures.NATION.equals(home) ? regions.provinces() : regions.children(home);
		below.forEach(r -> offered.put(r.code(), new Option(r.code(), r.localName(), 1)));
		if (governing && !InsightFigures.NATION.equals(chosen) && regions.exists(chosen) && access.governs(actor, chosen)) {
			int depth = 1;
			for (RegionView step : regions.ancestors(chosen)) {
				if (access.governs(actor, step.code()) && !step.code().equals(home)) {
					offered.putIfAbsent(step.code(), new Option(step.code(), step.localName(), depth));
					depth++;
				}
			}
			RegionView region = regions.get(chosen);
			if (!region.code().equals(home)) {
				offered.putIfAbsent(chosen, new Option(chosen, region.localName(), depth));
			}
			for (RegionView child : regions.children(chosen)) {
				offered.putIfAbsent(child.code(), new Option(child.code(), child.localName(), depth + 1));
			}
		}
		return sorted(offered);
	}

	/** By code, so each region stands right above the regions below it. */
	private static List<Option> sorted(Map<String, Option> offered) {
		List<Option> options = new ArrayList<>(offered.values());
		options.sort((a, b) -> InsightFigures.NATION.equals(a.code()) ? -1
				: InsightFigures.NATION.equals(b.code()) ? 1 : a.code().compareTo(b.code()));
		return options;
	}
}
