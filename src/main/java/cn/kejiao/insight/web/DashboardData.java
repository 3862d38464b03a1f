package cn.kejiao.insight.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.kejiao.insight.Amount;
import cn.kejiao.insight.InsightAccess;
import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightKind;
import cn.kejiao.insight.InsightReadModel;
import cn.kejiao.insight.KindFigures;
import cn.kejiao.insight.MonthFigure;
import cn.kejiao.insight.PairFigure;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.region.RegionLevel;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/**
 * What the dashboards show, in one shape for the API, the pages and the workbooks: the region's figures of every
 * kind counted with names and where each comes from, its months, its flows with the regions' names. Read from the
 * read model alone ({@link InsightFigures}); who may read it is checked by the callers.
 */
@Component
class DashboardData {

	/** The catalog kinds shown as a stock (what is shared at the end of the period) as well. */
	static final Set<InsightKind> STOCKS = EnumSet.of(InsightKind.INSTITUTIONS, InsightKind.INSTRUMENTS,
			InsightKind.SERVICES, InsightKind.ACHIEVEMENTS, InsightKind.EXPERTS);

	/** How many and how much: money as a yuan string ("1500.00"), null for a kind without money (or hidden). */
	record Quantity(long count, @Nullable String value) {

		static Quantity of(Amount amount, boolean withMoney) {
			return new Quantity(amount.count(), withMoney && amount.value() != null ? amount.value().yuan() : null);
		}
	}

	record Figure(InsightKind kind, String name, InsightKind.Group group, String groupName, boolean money,
			boolean flow, Quantity served, Quantity serving, Quantity inside, String source) {
	}

	record Stock(InsightKind kind, String name, long count) {
	}

	record Figures(String region, String regionName, String from, String to, List<Figure> figures,
			List<Stock> stocks, @Nullable String vouchersHeld) {
	}

	record Month(String month, InsightKind kind, String name, Quantity served, Quantity serving) {
	}

	record Trends(String region, String regionName, String from, String to, List<String> months, List<Month> rows) {
	}

	record Pair(String servedRegion, String servedName, String servingRegion, String servingName, long count,
			@Nullable String value) {
	}

	record Flows(String region, String regionName, String from, String to, InsightKind kind, String kindName,
			String level, boolean money, List<Pair> pairs) {
	}

	private final InsightFigures figures;
	private final InsightReadModel model;
	private final Regions regions;
	private final MessageSource messages;

	DashboardData(InsightFigures figures, InsightReadModel model, Regions regions, MessageSource messages) {
		this.figures = figures;
		this.model = model;
		this.regions = regions;
		this.messages = messages;
	}

	/** The region's figures; {@code full}: with every amount of money, else only those published anyway. */
	Figures figures(String region, InsightPeriod period, boolean full) {
		String name = regionName(region);
		List<Figure> rows = new ArrayList<>();
		for (KindFigures kind : figures.figures(region, period.from(), period.to())) {
			boolean money = kind.kind().money() && (full || InsightAccess.publicValue(kind.kind()));
			rows.add(new Figure(kind.kind(), kindName(kind.kind()), kind.kind().group(),
					text("insight.dashboard.group." + kind.kind().group().name()), money, kind.kind().flow(),
					Quantity.of(kind.served(), money), Quantity.of(kind.serving(), money),
					Quantity.of(kind.inside(), money), text("insight.dashboard.source." + kind.kind().name())));
		}
		List<Stock> stocks = new ArrayList<>();
		Map<InsightKind, Amount> atEnd = figures.stocks(region, period.to());
		for (InsightKind kind : model.kinds()) {
			if (STOCKS.contains(kind)) {
				stocks.add(new Stock(kind, kindName(kind), atEnd.getOrDefault(kind, Amount.NONE).count()));
			}
		}
		String held = full && model.kinds().contains(InsightKind.VOUCHERS_ISSUED) ? held(atEnd) : null;
		return new Figures(region, name, period.from().toString(), period.to().toString(), rows, stocks, held);
	}

	/** Voucher money held at the end of the period; none while the read model counts more spent than issued. */
	private @Nullable String held(Map<InsightKind, Amount> atEnd) {
		try {
			return InsightFigures.vouchersHeld(atEnd).yuan();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	Trends trends(String region, InsightPeriod period, boolean full) {
		List<String> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
			months.add(m.toString());
		}
		List<Month> rows = new ArrayList<>();
		for (MonthFigure figure : figures.monthly(region, period.from(), period.to())) {
			boolean money = figure.kind().money() && (full || InsightAccess.publicValue(figure.kind()));
			rows.add(new Month(figure.month().toString(), figure.kind(), kindName(figure.kind()),
					Quantity.of(figure.served(), money), Quantity.of(figure.serving(), money)));
		}
		return new Trends(region, regionName(region), period.from().toString(), period.to().toString(), months, rows);
	}

	/**
	 * The flows of a kind with one end in the region; {@code level} province, prefecture or county, by default the
	 * level below the region (provinces for the whole country).
	 */
	Flows flows(String region, InsightPeriod period, InsightKind kind, @Nullable String level) {
		String chosen = level == null || level.isBlank() ? defaultLevel(region) : level.strip().toLowerCase(Locale.ROOT);
		int digits = switch (chosen) {
			case "province" -> InsightFigures.PROVINCES;
			case "prefecture" -> InsightFigures.PREFECTURES;
			case "county" -> InsightFigures.COUNTIES;
			default -> throw KejiaoException.invalid("insight.level", chosen);
		};
		List<Pair> pairs = new ArrayList<>();
		for (PairFigure pair : figures.flows(region, period.from(), period.to(), kind, digits)) {
			Money value = pair.amount().value();
			pairs.add(new Pair(pair.servedRegion(), regionName(pair.servedRegion()), pair.servingRegion(),
					regionName(pair.servingRegion()), pair.amount().count(), value == null ? null : value.yuan()));
		}
		return new Flows(region, regionName(region), period.from().toString(), period.to().toString(), kind,
				kindName(kind), chosen, kind.money(), pairs);
	}

	/** Provinces for the whole country, prefectures for a province, counties below. */
	String defaultLevel(String region) {
		if (InsightFigures.NATION.equals(region)) {
			return "province";
		}
		return regions.find(region).map(RegionView::level).orElse(RegionLevel.COUNTY) == RegionLevel.PROVINCE
				? "prefecture" : "county";
	}

	/** The kinds the read model counts, in their order. */
	List<InsightKind> kinds() {
		return List.copyOf(model.kinds());
	}

	/** The region, or 404 {@code region.not-found}; the whole country is a region here. */
	void requireRegion(String region) {
		if (!InsightFigures.NATION.equals(region)) {
			regions.get(region);
		}
	}

	/**
	 * The region's name in the reader's language; a code padded from a municipality's districts ("310100") is named
	 * by the province it belongs to, an unknown one by itself.
	 */
	String regionName(String code) {
		if (InsightFigures.NATION.equals(code)) {
			return text("insight.dashboard.nation");
		}
		return regions.find(code).or(() -> regions.find(code.substring(0, 2) + "0000"))
			.map(RegionView::localName).orElse(code);
	}

	String kindName(InsightKind kind) {
		return text(kind.messageKey());
	}

	private String text(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}
}
