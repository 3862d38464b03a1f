package cn.kejiao.cooperation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedCollection;

import cn.kejiao.cooperation.AgreementFigures.Figure;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;

/**
 * Adds up one kind's flows between regions into the figures of every ordered pair of distinct parties: a flow
 * counts for the pair (served party, serving party) when its served region lies in the first party and its serving
 * region in the second (each party covers its region and everything below it, decision 0002). Every pair gets its
 * figure, 0 when nothing flowed, so a page shows a row per pair. A flow inside one party (上海 to 上海) belongs to
 * no pair; parties that nest (上海 and 嘉定) would count a flow of 嘉定 in both their pairs.
 */
final class AgreementFigurePairs {

	private AgreementFigurePairs() {
	}

	/** The parties once each, in the order given; {@code flows.region} (400) for a code that is not one. */
	static List<String> parties(Iterable<String> parties) {
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		for (String party : parties) {
			if (!RegionCodes.isWellFormed(party)) {
				throw KejiaoException.invalid("flows.region", String.valueOf(party));
			}
			distinct.add(party);
		}
		return List.copyOf(distinct);
	}

	/** The figures of one kind for every ordered pair of the parties, in the order of the parties. */
	static List<Figure> sum(FigureKind kind, SequencedCollection<String> parties, List<RegionFlow> flows) {
		List<Figure> figures = new ArrayList<>();
		for (String served : parties) {
			for (String serving : parties) {
				if (served.equals(serving)) {
					continue;
				}
				long count = 0;
				long fen = 0;
				for (RegionFlow flow : flows) {
					if (RegionCodes.isWithin(flow.servedRegion(), served)
							&& RegionCodes.isWithin(flow.servingRegion(), serving)) {
						count += flow.count();
						fen = Math.addExact(fen, flow.value() == null ? 0 : flow.value().fen());
					}
				}
				figures.add(new Figure(kind, served, serving, count, kind.hasValue() ? new Money(fen) : null));
			}
		}
		return figures;
	}
}
