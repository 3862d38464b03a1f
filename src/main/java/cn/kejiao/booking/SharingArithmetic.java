package cn.kejiao.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.booking.SharingReport.InstrumentFigures;
import cn.kejiao.booking.SharingReport.OrganisationFigures;
import cn.kejiao.booking.SharingReport.Sum;
import cn.kejiao.platform.Money;

/**
 * The arithmetic of the sharing figures, written once: hours to two places (half up) from the seconds of use, the
 * sharing rate and the revenue ratio to four, sums that are the sums of the rows as shown (so a reader adding up a
 * column gets the total), and the flag of an instrument used far below the region's median.
 */
final class SharingArithmetic {

	/** External income counts one and a half times in the revenue ratio, as the national evaluation weighs it. */
	static final BigDecimal EXTERNAL_WEIGHT = new BigDecimal("1.5");

	private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

	private SharingArithmetic() {
	}

	/** One instrument before its figures are worked out: what the catalog says of it and its use in the period. */
	record Counted(UUID instrumentId, String title, UUID ownerOrgId, String ownerOrgName, String regionCode,
			String regionName, @Nullable Long originalValueFen, long seconds, long externalSeconds, long internalFen,
			long externalFen) {

		Counted {
			if (seconds < 0 || externalSeconds < 0 || externalSeconds > seconds || internalFen < 0 || externalFen < 0) {
				throw new IllegalArgumentException("use out of range: " + seconds + "/" + externalSeconds);
			}
		}
	}

	static BigDecimal hours(long seconds) {
		return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
	}

	/** External ÷ effective hours, 0 when there was no use. */
	static BigDecimal sharingRate(BigDecimal externalHours, BigDecimal effectiveHours) {
		if (effectiveHours.signum() == 0) {
			return BigDecimal.ZERO.setScale(4);
		}
		return externalHours.divide(effectiveHours, 4, RoundingMode.HALF_UP);
	}

	/** (internal income + 1.5 × external income) ÷ original value; null when the original value is not known. */
	static @Nullable BigDecimal revenueRatio(long internalFen, long externalFen, @Nullable Long originalValueFen) {
		if (originalValueFen == null || originalValueFen <= 0) {
			return null;
		}
		BigDecimal income = BigDecimal.valueOf(internalFen).add(EXTERNAL_WEIGHT.multiply(BigDecimal.valueOf(externalFen)));
		return income.divide(BigDecimal.valueOf(originalValueFen), 4, RoundingMode.HALF_UP);
	}

	/** The median (the mean of the middle two of an even count); 0 of none. */
	static BigDecimal median(List<BigDecimal> values) {
		if (values.isEmpty()) {
			return BigDecimal.ZERO.setScale(2);
		}
		List<BigDecimal> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		if (sorted.size() % 2 == 1) {
			return sorted.get(middle).setScale(2, RoundingMode.HALF_UP);
		}
		return sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
	}

	/** Far below the median: under {@code share} of it. Nothing is when the median itself is 0. */
	static boolean lowUse(BigDecimal effectiveHours, BigDecimal median, BigDecimal share) {
		return median.signum() > 0 && effectiveHours.compareTo(median.multiply(share)) < 0;
	}

	/** The rows, most used first (then by title), each flagged against the median of all of them. */
	static List<InstrumentFigures> rows(List<Counted> counted, BigDecimal lowUseShare) {
		BigDecimal median = median(counted.stream().map(c -> hours(c.seconds())).toList());
		List<InstrumentFigures> rows = new ArrayList<>();
		for (Counted c : counted) {
			BigDecimal effective = hours(c.seconds());
			BigDecimal external = hours(c.externalSeconds());
			rows.add(new InstrumentFigures(c.instrumentId(), c.title(), c.ownerOrgId(), c.ownerOrgName(), c.regionCode(),
					c.regionName(), c.originalValueFen() == null ? null : new Money(c.originalValueFen()), effective,
					external, sharingRate(external, effective), new Money(c.internalFen()), new Money(c.externalFen()),
					revenueRatio(c.internalFen(), c.externalFen(), c.originalValueFen()),
					lowUse(effective, median, lowUseShare)));
		}
		rows.sort(Comparator.comparing(InstrumentFigures::effectiveHours).reversed()
			.thenComparing(InstrumentFigures::title).thenComparing(InstrumentFigures::instrumentId));
		return rows;
	}

	/** The figures of several rows together. */
	static Sum sum(List<InstrumentFigures> rows) {
		BigDecimal effective = BigDecimal.ZERO.setScale(2);
		BigDecimal external = BigDecimal.ZERO.setScale(2);
		long internalFen = 0;
		long externalFen = 0;
		long valuedInternal = 0;
		long valuedExternal = 0;
		long originalFen = 0;
		int low = 0;
		for (InstrumentFigures row : rows) {
			effective = effective.add(row.effectiveHours());
			external = external.add(row.externalHours());
			internalFen += row.internalIncome().fen();
			externalFen += row.externalIncome().fen();
			if (row.originalValue() != null && row.originalValue().fen() > 0) {
				originalFen += row.originalValue().fen();
				valuedInternal += row.internalIncome().fen();
				valuedExternal += row.externalIncome().fen();
			}
			low += row.lowUse() ? 1 : 0;
		}
		return new Sum(rows.size(), new Money(originalFen), effective, external, sharingRate(external, effective),
				new Money(internalFen), new Money(externalFen), revenueRatio(valuedInternal, valuedExternal, originalFen),
				low);
	}

	/** Each owner organisation's rows together, the most used first. */
	static List<OrganisationFigures> organisations(List<InstrumentFigures> rows) {
		Map<UUID, List<InstrumentFigures>> byOwner = new LinkedHashMap<>();
		Map<UUID, String> names = new LinkedHashMap<>();
		for (InstrumentFigures row : rows) {
			byOwner.computeIfAbsent(row.ownerOrgId(), id -> new ArrayList<>()).add(row);
			names.putIfAbsent(row.ownerOrgId(), row.ownerOrgName());
		}
		List<OrganisationFigures> organisations = new ArrayList<>();
		byOwner.forEach((id, owned) -> organisations.add(new OrganisationFigures(id, names.get(id), sum(owned))));
		organisations.sort(Comparator.comparing((OrganisationFigures o) -> o.figures().effectiveHours()).reversed()
			.thenComparing(OrganisationFigures::name));
		return organisations;
	}
}
