package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import cn.kejiao.cooperation.AgreementFigures.Figure;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** How an agreement's figures add up the flows between regions into the parties' ordered pairs. */
class AgreementFigurePairsProperties {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
	private static final List<String> PARTIES = List.of("310000", "500000", "530000");
	private static final List<String> REGIONS = List.of("310000", "310114", "500000", "500112", "530000", "532628",
			"110000", "440300");

	@Example
	void aFlowCountsForThePairOfTheRegionsItsSidesLieInInItsDirectionOnly() {
		List<RegionFlow> flows = List.of(
				new RegionFlow(DAY, "500112", "310114", 2, new Money(300_00)),
				new RegionFlow(DAY.plusDays(1), "500000", "310000", 1, new Money(50)),
				new RegionFlow(DAY, "310114", "500112", 1, new Money(7)),
				new RegionFlow(DAY, "310114", "310000", 5, new Money(1_000)), // inside one party: no pair
				new RegionFlow(DAY, "110000", "310114", 9, new Money(9))); // from outside the parties
		List<Figure> figures = AgreementFigurePairs.sum(FigureKind.SERVICE_ORDERS, List.of("500000", "310000"), flows);
		assertThat(figures).containsExactly(
				new Figure(FigureKind.SERVICE_ORDERS, "500000", "310000", 3, new Money(300_50)),
				new Figure(FigureKind.SERVICE_ORDERS, "310000", "500000", 1, new Money(7)));
	}

	@Example
	void everyOrderedPairHasAFigureAlsoWhenNothingFlowedAndKindsWithoutMoneyHaveNoValue() {
		List<Figure> figures = AgreementFigurePairs.sum(FigureKind.PANEL_EXPERTS, PARTIES, List.of());
		assertThat(figures).hasSize(6).allMatch(f -> f.count() == 0 && f.value() == null);
		assertThat(AgreementFigurePairs.sum(FigureKind.CONTRACTS, PARTIES, List.of()))
			.allMatch(f -> Money.ZERO.equals(f.value()));
		assertThat(figures).extracting(f -> f.servedParty() + ">" + f.servingParty()).containsExactly(
				"310000>500000", "310000>530000", "500000>310000", "500000>530000", "530000>310000", "530000>500000");
	}

	@Example
	void partiesAreTakenOnceEachAndACodeThatIsNoRegionIsRefused() {
		assertThat(AgreementFigurePairs.parties(List.of("500000", "310000", "500000"))).containsExactly("500000", "310000");
		assertThatThrownBy(() -> AgreementFigurePairs.parties(List.of("310000", "上海")))
			.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("flows.region"));
	}

	@Property
	void thePairsAddUpToTheFlowsBetweenDistinctDisjointParties(@ForAll("flows") List<RegionFlow> flows) {
		List<Figure> figures = AgreementFigurePairs.sum(FigureKind.CONTRACTS, PARTIES, flows);
		long between = 0;
		long fen = 0;
		for (RegionFlow flow : flows) {
			String served = party(flow.servedRegion());
			String serving = party(flow.servingRegion());
			if (served != null && serving != null && !served.equals(serving)) {
				between += flow.count();
				fen += flow.value().fen();
			}
		}
		assertThat(figures.stream().mapToLong(Figure::count).sum()).isEqualTo(between);
		assertThat(figures.stream().mapToLong(f -> f.value().fen()).sum()).isEqualTo(fen);
		// each direction on its own: swapping the sides of every flow swaps the pairs' figures
		List<RegionFlow> swapped = flows.stream()
			.map(f -> new RegionFlow(f.day(), f.servingRegion(), f.servedRegion(), f.count(), f.value())).toList();
		for (Figure back : AgreementFigurePairs.sum(FigureKind.CONTRACTS, PARTIES, swapped)) {
			assertThat(figures).contains(new Figure(FigureKind.CONTRACTS, back.servingParty(), back.servedParty(),
					back.count(), back.value()));
		}
	}

	private static String party(String region) {
		return PARTIES.stream().filter(p -> region.startsWith(p.substring(0, 2))).findFirst().orElse(null);
	}

	@Provide
	Arbitrary<List<RegionFlow>> flows() {
		Arbitrary<String> region = Arbitraries.of(REGIONS);
		return Combinators.combine(Arbitraries.integers().between(0, 30), region, region,
				Arbitraries.longs().between(1, 50), Arbitraries.longs().between(0, 1_000_000_00L))
			.as((day, served, serving, count, fen) -> new RegionFlow(DAY.plusDays(day), served, serving, count,
					new Money(fen)))
			.list().ofMaxSize(40);
	}
}
