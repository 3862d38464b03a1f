package cn.kejiao.cooperation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.Money;

/**
 * The live figures of an agreement's areas for a period: for each kind an area names, one line per ordered pair of
 * distinct parties (the served party first), as {@link AgreementFigures} computes them; a pair with nothing in the
 * period reads 0. The period defaults to the agreement's term start (or signing) up to today.
 */
@Service
public class AreaFigures {

	/** A figure between two parties: what {@code servedParty} received from {@code servingParty}. */
	public record Line(FigureKind kind, String servedParty, String servingParty, long count, @Nullable Money value) {

		/** Whether the kind measures money as well as a number (orders, voucher spending, bookings, contracts). */
		public boolean monetary() {
			return value != null || kind != FigureKind.DEMAND_MATCHES && kind != FigureKind.PANEL_EXPERTS;
		}

		/** The money involved, nothing being zero. */
		public Money amount() {
			return value == null ? Money.ZERO : value;
		}
	}

	/** An area's figures. */
	public record OfArea(UUID areaId, String name, @Nullable AreaTemplate template, List<Line> lines) {
	}

	/** The figures of all areas for a period, both days included. */
	public record Report(LocalDate from, LocalDate to, List<OfArea> areas) {
	}

	private final Agreements agreements;
	private final AgreementFigures figures;

	AreaFigures(Agreements agreements, AgreementFigures figures) {
		this.agreements = agreements;
		this.figures = figures;
	}

	/** The figures of the agreement the actor reads (404 otherwise), for the period or the default one. */
	public Report of(UUID agreementId, @Nullable LocalDate from, @Nullable LocalDate to) {
		return of(agreements.get(agreementId), from, to);
	}

	/** The figures of an agreement already read. */
	public Report of(AgreementView agreement, @Nullable LocalDate from, @Nullable LocalDate to) {
		LocalDate end = to != null ? to : agreements.today();
		LocalDate start = from != null ? from : defaultStart(agreement, end);
		if (start.isAfter(end) || start.plusYears(RegionFlow.MAX_YEARS).isBefore(end)) {
			throw KejiaoException.invalid("agreement.period-invalid");
		}
		// the kinds of all areas measured at once: each module is asked once per page, however many areas name it
		Set<FigureKind> kinds = EnumSet.noneOf(FigureKind.class);
		agreement.areas().forEach(area -> kinds.addAll(area.figures()));
		List<AgreementFigures.Figure> measured = kinds.isEmpty() ? List.of()
				: figures.between(agreement.partyRegions(), kinds, start, end);
		List<OfArea> areas = new ArrayList<>();
		for (AgreementView.Area area : agreement.areas()) {
			areas.add(new OfArea(area.id(), area.name(), area.template(), lines(agreement.partyRegions(), area, measured)));
		}
		return new Report(start, end, areas);
	}

	/** The term's start, else the signing date, not after the end. */
	static LocalDate defaultStart(AgreementView agreement, LocalDate end) {
		LocalDate start = agreement.termStart() != null ? agreement.termStart()
				: agreement.signedOn() != null ? agreement.signedOn() : end.minusYears(1);
		return start.isAfter(end) ? end : start;
	}

	private static List<Line> lines(List<String> parties, AgreementView.Area area,
			List<AgreementFigures.Figure> measured) {
		List<Line> lines = new ArrayList<>();
		for (FigureKind kind : FigureKind.values()) {
			if (!area.figures().contains(kind)) {
				continue;
			}
			for (String served : parties) {
				for (String serving : parties) {
					if (served.equals(serving)) {
						continue;
					}
					lines.add(measured.stream()
						.filter(f -> f.kind() == kind && f.servedParty().equals(served) && f.servingParty().equals(serving))
						.findFirst().map(f -> new Line(kind, served, serving, f.count(), f.value()))
						.orElse(new Line(kind, served, serving, 0, null)));
				}
			}
		}
		return lines;
	}
}
