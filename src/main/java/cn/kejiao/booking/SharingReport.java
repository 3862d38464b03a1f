package cn.kejiao.booking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/**
 * The sharing figures of a region for a period, as the national evaluation of large-instrument sharing asks for
 * them: per instrument, per owner organisation and in total. Hours are decimals with two places, rates with four,
 * amounts yuan strings. {@code ownInstrumentsOnly}: the reader is an owner who sees its own instruments only (the
 * median and the flags are still the whole region's).
 *
 * @param medianHours the median of the effective hours of the region's instruments
 * @param lowUseShare an instrument below this share of the median is flagged ({@code lowUse})
 */
public record SharingReport(String regionCode, String regionName, LocalDate from, LocalDate to,
		boolean ownInstrumentsOnly, BigDecimal medianHours, BigDecimal lowUseShare, List<InstrumentFigures> instruments,
		List<OrganisationFigures> organisations, Sum total) {

	/**
	 * One instrument's figures. {@code revenueRatio} is null when its original value is not known.
	 *
	 * @param effectiveHours hours of actual use recorded in the period (uses across its edges clipped to it)
	 * @param externalHours those of them by other organisations than the owner
	 * @param sharingRate external ÷ effective hours (0 without use)
	 * @param internalIncome fees of the owner's own uses that ended in the period
	 * @param externalIncome fees of other organisations' uses that ended in the period
	 * @param revenueRatio (internal income + 1.5 × external income) ÷ original value
	 * @param lowUse effective hours far below the region's median
	 */
	public record InstrumentFigures(UUID instrumentId, String title, UUID ownerOrgId, String ownerOrgName,
			String regionCode, String regionName, @Nullable Money originalValue, BigDecimal effectiveHours,
			BigDecimal externalHours, BigDecimal sharingRate, Money internalIncome, Money externalIncome,
			@Nullable BigDecimal revenueRatio, boolean lowUse) {
	}

	/** One owner organisation's instruments together. */
	public record OrganisationFigures(UUID organisationId, String name, Sum figures) {
	}

	/**
	 * Figures of several instruments: hours and incomes are the sums of theirs; the rates are worked out from those
	 * sums (the revenue ratio over the instruments whose original value is known).
	 */
	public record Sum(int instruments, Money originalValue, BigDecimal effectiveHours, BigDecimal externalHours,
			BigDecimal sharingRate, Money internalIncome, Money externalIncome, @Nullable BigDecimal revenueRatio,
			int lowUse) {
	}
}
