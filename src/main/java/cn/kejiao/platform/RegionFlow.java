package cn.kejiao.platform;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What flowed on one day (China time) from the regions that served to the region that was served: the number of
 * things of one kind (orders, bookings, matches, panel seats, contracts) and the money involved, if the kind has
 * money. Every module that records flows between regions answers in this shape, aggregated by these keys, so a
 * reader (an agreement's live figures, the statistics' read model) can add them up the same way whatever their
 * kind.
 *
 * @param day the day it counts on, China time
 * @param servedRegion the region code of the side that was served: the client, the booker, the demand's owner, the
 * challenge's publisher, the buyer
 * @param servingRegion the region code of the side that served it: the provider, the instrument's owner, the
 * achievement's owner, the expert, the seller
 * @param value the money involved, or null for a kind counted without money
 */
public record RegionFlow(LocalDate day, String servedRegion, String servingRegion, long count, @Nullable Money value) {

	/** Longest period one flows query answers, in years. */
	public static final int MAX_YEARS = 10;

	/**
	 * Refuses a period that runs backwards or spans more than {@value #MAX_YEARS} years, with
	 * {@code flows.span} (400).
	 */
	public static void requireSpan(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || from.plusYears(MAX_YEARS).isBefore(to)) {
			throw KejiaoException.invalid("flows.span", from.toString(), to.toString(), MAX_YEARS);
		}
	}

	/**
	 * The SQL LIKE patterns of the regions asked for ({@code 31%}, {@code 5326%}), each region with everything
	 * below it; every region when none is asked for ({@code %}).
	 */
	public static List<String> likePatterns(Collection<String> regions) {
		if (regions.isEmpty()) {
			return List.of("%");
		}
		return regions.stream().map(RegionCodes::likePattern).distinct().toList();
	}
}
