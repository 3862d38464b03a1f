package cn.kejiao.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import cn.kejiao.booking.SharingArithmetic.Counted;
import cn.kejiao.booking.SharingReport.InstrumentFigures;
import cn.kejiao.booking.SharingReport.OrganisationFigures;
import cn.kejiao.booking.SharingReport.Sum;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The sharing arithmetic: the national evaluation's formulas, rates that stay rates, totals that add up. */
class SharingArithmeticProperties {

	private static final UUID OWNER_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
	private static final UUID OWNER_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	@Example
	void theWorkedExampleOfAnInstrumentUsedInsideAndOutside() {
		// ¥1,000,000 of original value; 10 h by its owner at ¥200/h, 30 h by others at ¥300/h
		Counted counted = new Counted(UUID.randomUUID(), "X射线衍射仪", OWNER_A, "检测中心", "654324", "哈巴河县",
				100_000_000L, 40 * 3600, 30 * 3600, 200_000, 900_000);
		InstrumentFigures row = SharingArithmetic.rows(List.of(counted), new BigDecimal("0.25")).getFirst();
		assertThat(row.effectiveHours()).isEqualByComparingTo("40");
		assertThat(row.externalHours()).isEqualByComparingTo("30");
		assertThat(row.sharingRate()).isEqualTo(new BigDecimal("0.7500"));
		assertThat(row.internalIncome().yuan()).isEqualTo("2000.00");
		assertThat(row.externalIncome().yuan()).isEqualTo("9000.00");
		assertThat(row.revenueRatio()).isEqualTo(new BigDecimal("0.0155"));
		assertThat(row.lowUse()).isFalse();
	}

	@Example
	void anInstrumentFarBelowTheMedianIsFlaggedAndAZeroMedianFlagsNothing() {
		List<InstrumentFigures> rows = SharingArithmetic.rows(List.of(used(40), used(20), used(4), used(0)),
				new BigDecimal("0.25"));
		// median of 40, 20, 4, 0 is 12; a quarter of it is 3
		assertThat(rows).extracting(InstrumentFigures::lowUse).containsExactly(false, false, false, true);
		assertThat(SharingArithmetic.rows(List.of(used(0), used(0), used(5)), new BigDecimal("0.25")))
			.noneMatch(InstrumentFigures::lowUse);
	}

	@Example
	void withoutAnOriginalValueThereIsNoRevenueRatio() {
		assertThat(SharingArithmetic.revenueRatio(100, 100, null)).isNull();
		assertThat(SharingArithmetic.revenueRatio(100, 100, 0L)).isNull();
		assertThat(SharingArithmetic.sharingRate(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.0000"));
	}

	@Property
	void theSharingRateIsAlwaysARateBetweenNoneAndAll(@ForAll("instruments") List<Counted> counted) {
		List<InstrumentFigures> rows = SharingArithmetic.rows(counted, new BigDecimal("0.25"));
		Sum total = SharingArithmetic.sum(rows);
		for (InstrumentFigures row : rows) {
			assertThat(row.sharingRate()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
			assertThat(row.externalHours()).isLessThanOrEqualTo(row.effectiveHours());
			assertThat(row.sharingRate().scale()).isEqualTo(4);
		}
		assertThat(total.sharingRate()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
	}

	@Property
	void totalsAreTheSumsOfTheRowsAndOfTheOrganisations(@ForAll("instruments") List<Counted> counted) {
		List<InstrumentFigures> rows = SharingArithmetic.rows(counted, new BigDecimal("0.25"));
		Sum total = SharingArithmetic.sum(rows);
		assertThat(total.instruments()).isEqualTo(counted.size());
		assertThat(total.effectiveHours())
			.isEqualByComparingTo(rows.stream().map(InstrumentFigures::effectiveHours).reduce(BigDecimal.ZERO, BigDecimal::add));
		assertThat(total.externalHours())
			.isEqualByComparingTo(rows.stream().map(InstrumentFigures::externalHours).reduce(BigDecimal.ZERO, BigDecimal::add));
		assertThat(total.internalIncome().fen()).isEqualTo(counted.stream().mapToLong(Counted::internalFen).sum());
		assertThat(total.externalIncome().fen()).isEqualTo(counted.stream().mapToLong(Counted::externalFen).sum());
		assertThat(total.lowUse()).isEqualTo((int) rows.stream().filter(InstrumentFigures::lowUse).count());
		List<OrganisationFigures> organisations = SharingArithmetic.organisations(rows);
		assertThat(organisations.stream().mapToInt(o -> o.figures().instruments()).sum()).isEqualTo(rows.size());
		assertThat(organisations.stream().map(o -> o.figures().effectiveHours()).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(total.effectiveHours());
		assertThat(organisations.stream().mapToLong(o -> o.figures().externalIncome().fen()).sum())
			.isEqualTo(total.externalIncome().fen());
	}

	@Property
	void theRowsComeMostUsedFirst(@ForAll("instruments") List<Counted> counted) {
		List<InstrumentFigures> rows = SharingArithmetic.rows(counted, new BigDecimal("0.25"));
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).effectiveHours()).isLessThanOrEqualTo(rows.get(i - 1).effectiveHours());
		}
	}

	@Provide
	Arbitrary<List<Counted>> instruments() {
		Arbitrary<Long> seconds = Arbitraries.longs().between(0, 2_000 * 3600L);
		Arbitrary<Double> share = Arbitraries.doubles().between(0, 1);
		Arbitrary<Long> fen = Arbitraries.longs().between(0, 50_000_000L);
		Arbitrary<Long> value = Arbitraries.longs().between(0, 10_000_000_000L).injectNull(0.2);
		Arbitrary<Boolean> owner = Arbitraries.of(true, false);
		return Combinators.combine(seconds, share, fen, fen, value, owner)
			.as((s, part, internal, external, original, a) -> new Counted(UUID.randomUUID(), "仪器", a ? OWNER_A : OWNER_B,
					a ? "甲" : "乙", "654324", "哈巴河县", original, s, Math.round(s * part), internal, external))
			.list().ofMaxSize(30);
	}

	private static Counted used(int hours) {
		return new Counted(UUID.randomUUID(), "仪器" + hours, OWNER_A, "甲", "654324", "哈巴河县", 100_000_000L,
				hours * 3600L, 0, 0, 0);
	}
}
