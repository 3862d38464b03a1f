package cn.kejiao.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/**
 * Gathers a report's content from the same queries the dashboards read ({@link InsightFigures}): the figures of
 * every kind, the months, each flow kind's largest flows into and out of the region (regions cut to the region's own
 * level: provinces for a province or the nation, prefectures for a prefecture), and the stocks at the period's end.
 * Names are Chinese whatever the reader's language: the report is a Chinese document filed upward.
 */
@Component
class ReportContents {

	/** The largest flows of each kind a report lists, each way. */
	static final int TOP_FLOWS = 5;

	private final InsightFigures figures;
	private final InsightReadModel model;
	private final Regions regions;
	private final MessageSource messages;
	private final Clock clock;

	ReportContents(InsightFigures figures, InsightReadModel model, Regions regions, MessageSource messages,
			Clock clock) {
		this.figures = figures;
		this.model = model;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The content of the region's report for the period, up to today for a period not yet over;
	 * {@code insight.report-future} (400) for a period that has not begun.
	 */
	@Transactional(readOnly = true)
	ReportContent build(String region, ReportPeriod period) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		if (period.start().isAfter(today)) {
			throw KejiaoException.invalid("insight.report-future", period.label());
		}
		LocalDate from = period.start();
		LocalDate to = period.end().isAfter(today) ? today : period.end();
		boolean nation = InsightFigures.NATION.equals(region);
		List<ReportContent.Summary> summary = figures.figures(region, from, to).stream()
			.map(f -> new ReportContent.Summary(f.kind(), kindName(f.kind()), f.served(), f.serving(), f.inside()))
			.toList();
		List<ReportContent.Month> months = figures.monthly(region, from, to).stream()
			.filter(m -> m.served().count() != 0 || m.serving().count() != 0)
			.map(m -> new ReportContent.Month(m.month(), m.kind(), kindName(m.kind()), m.served(), m.serving()))
			.toList();
		List<ReportContent.Flow> flowsIn = new ArrayList<>();
		List<ReportContent.Flow> flowsOut = new ArrayList<>();
		int digits = nation ? InsightFigures.PROVINCES : RegionCodes.prefix(region).length();
		for (InsightKind kind : model.kinds()) {
			if (kind.flow()) {
				flows(region, from, to, kind, digits, nation, flowsIn, flowsOut);
			}
		}
		List<ReportContent.Stock> stocks = new ArrayList<>();
		java.util.Map<InsightKind, Amount> atEnd = figures.stocks(region, to);
		for (InsightKind kind : model.kinds()) {
			if (kind.group() == InsightKind.Group.CATALOG) {
				stocks.add(new ReportContent.Stock(kind, kindName(kind), atEnd.getOrDefault(kind, Amount.NONE).count()));
			}
		}
		var held = model.kinds().contains(InsightKind.VOUCHERS_ISSUED) ? InsightFigures.vouchersHeld(atEnd) : null;
		String name = chineseName(region);
		String title = zh("insight.report.title." + period.kind(), name, period.chinese());
		return new ReportContent(title, region, name, period, from, to, OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)),
				summary, months, flowsIn, flowsOut, stocks, held, nation);
	}

	/**
	 * The kind's largest flows: into the region (served inside, serving outside) and out of it; for the nation, the
	 * largest between two provinces, listed as flows in.
	 */
	private void flows(String region, LocalDate from, LocalDate to, InsightKind kind, int digits, boolean nation,
			List<ReportContent.Flow> in, List<ReportContent.Flow> out) {
		int taken = 0;
		int given = 0;
		for (PairFigure pair : figures.flows(region, from, to, kind, digits)) {
			boolean servedInside = nation || RegionCodes.isWithin(pair.servedRegion(), region);
			boolean servingInside = nation || RegionCodes.isWithin(pair.servingRegion(), region);
			boolean between = !pair.servedRegion().equals(pair.servingRegion());
			if (nation ? between && taken < TOP_FLOWS : servedInside && !servingInside && taken < TOP_FLOWS) {
				in.add(flow(kind, pair));
				taken++;
			}
			else if (!nation && servingInside && !servedInside && given < TOP_FLOWS) {
				out.add(flow(kind, pair));
				given++;
			}
		}
	}

	private ReportContent.Flow flow(InsightKind kind, PairFigure pair) {
		return new ReportContent.Flow(kind, kindName(kind), chineseName(pair.servingRegion()),
				chineseName(pair.servedRegion()), pair.amount());
	}

	/** A text of the bundles in Chinese, whatever the reader's language. */
	String zh(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	String kindName(InsightKind kind) {
		return messages.getMessage(kind.messageKey(), null, kind.name(), Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * The region's full Chinese name (云南省 文山壮族苗族自治州), 全国 for the nation; a code cut to a level where no
	 * region has it (a municipality's districts at prefecture level) is named by its province.
	 */
	String chineseName(String code) {
		if (InsightFigures.NATION.equals(code)) {
			return zh("insight.report.nation");
		}
		String known = regions.exists(code) ? code : code.substring(0, 2) + "0000";
		if (!regions.exists(known)) {
			return code;
		}
		StringBuilder name = new StringBuilder();
		for (RegionView ancestor : regions.ancestors(known)) {
			name.append(ancestor.name()).append(' ');
		}
		return name.append(regions.get(known).name()).toString();
	}
}
