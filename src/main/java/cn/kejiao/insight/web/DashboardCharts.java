package cn.kejiao.insight.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * What static/js/insight.js draws, as JSON the page carries in data attributes (no inline script): the months per
 * kind, the map of China with the flows between provinces (and the province's prefectures below it), the Sankey
 * diagram of which regions served which. Names and labels come in the reader's language.
 */
@Component
class DashboardCharts {

	private final MapShapes shapes;
	private final MessageSource messages;
	private final JsonMapper json;

	DashboardCharts(MapShapes shapes, MessageSource messages, JsonMapper json) {
		this.shapes = shapes;
		this.messages = messages;
		this.json = json;
	}

	/** One series per kind counted: counts per month (served side), money per month where the kind has money. */
	String trends(DashboardData.Trends trends, DashboardData.Figures figures) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < trends.months().size(); i++) {
			index.put(trends.months().get(i), i);
		}
		Map<InsightKind, long[]> counts = new LinkedHashMap<>();
		Map<InsightKind, double[]> values = new LinkedHashMap<>();
		for (DashboardData.Month month : trends.rows()) {
			int i = index.getOrDefault(month.month(), -1);
			if (i < 0) {
				continue;
			}
			counts.computeIfAbsent(month.kind(), k -> new long[trends.months().size()])[i] += month.served().count();
			if (month.served().value() != null) {
				values.computeIfAbsent(month.kind(), k -> new double[trends.months().size()])[i] += Double
					.parseDouble(month.served().value());
			}
		}
		List<Map<String, Object>> series = new ArrayList<>();
		for (DashboardData.Figure figure : figures.figures()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("kind", figure.kind().name());
			one.put("name", figure.name());
			one.put("counts", counts.getOrDefault(figure.kind(), new long[trends.months().size()]));
			one.put("values", figure.money() ? values.getOrDefault(figure.kind(), new double[trends.months().size()]) : null);
			one.put("shown", counts.containsKey(figure.kind()));
			series.add(one);
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("months", trends.months());
		chart.put("series", series);
		chart.put("countTitle", text("insight.dashboard.chart.counts"));
		chart.put("moneyTitle", text("insight.dashboard.chart.money"));
		return json.writeValueAsString(chart);
	}

	/**
	 * The map: the shapes of China with their region codes, the flows between provinces (from the serving to the
	 * served province), and for a region within a province that province's prefecture shapes with the flows between
	 * its prefectures.
	 */
	String map(String region, DashboardData.Flows provinces, DashboardData.Flows flows) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("region", region);
		chart.put("chinaUrl", MapShapes.CHINA);
		chart.put("names", shapes.provinces());
		chart.put("pairs", pairs(provinces));
		chart.put("kindName", provinces.kindName());
		chart.put("money", provinces.money());
		if (!InsightFigures.NATION.equals(region)) {
			String province = region.substring(0, 2) + "0000";
			chart.put("province", province);
			if (shapes.exists(province)) {
				chart.put("provinceUrl", MapShapes.url(province));
				chart.put("provinceNames", shapes.prefectures(province));
				chart.put("provincePairs", "prefecture".equals(flows.level()) ? pairs(flows) : List.of());
			}
		}
		chart.put("countLabel", text("insight.dashboard.col.count"));
		chart.put("valueLabel", text("insight.dashboard.col.value"));
		return json.writeValueAsString(chart);
	}

	/**
	 * The Sankey diagram: serving regions on the left, served regions on the right (a region on both sides is two
	 * nodes, so the diagram has no cycle), links as wide as the count.
	 */
	String sankey(DashboardData.Flows flows) {
		Map<String, String> nodes = new LinkedHashMap<>();
		List<Map<String, Object>> links = new ArrayList<>();
		for (DashboardData.Pair pair : flows.pairs()) {
			String source = "s" + pair.servingRegion();
			String target = "d" + pair.servedRegion();
			nodes.putIfAbsent(source, pair.servingName());
			nodes.putIfAbsent(target, pair.servedName());
			Map<String, Object> link = new LinkedHashMap<>();
			link.put("source", source);
			link.put("target", target);
			link.put("value", pair.count());
			link.put("money", pair.value());
			links.add(link);
		}
		List<Map<String, String>> nodeList = new ArrayList<>();
		nodes.forEach((id, name) -> nodeList.add(Map.of("name", id, "label", name)));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("nodes", nodeList);
		chart.put("links", links);
		chart.put("title", text("insight.dashboard.sankeyTitle"));
		return json.writeValueAsString(chart);
	}

	private static List<Map<String, Object>> pairs(DashboardData.Flows flows) {
		List<Map<String, Object>> pairs = new ArrayList<>();
		for (DashboardData.Pair pair : flows.pairs()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("from", pair.servingRegion());
			one.put("fromName", pair.servingName());
			one.put("to", pair.servedRegion());
			one.put("toName", pair.servedName());
			one.put("count", pair.count());
			one.put("value", pair.value());
			pairs.add(one);
		}
		return pairs;
	}

	private String text(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}
}
