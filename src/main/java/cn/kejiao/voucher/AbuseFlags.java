package cn.kejiao.voucher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import cn.kejiao.organisation.OrganisationView;

/**
 * Signs that an order may abuse vouchers, set on the order for the region admins to look at; they refuse
 * nothing. Spring-free, so each rule is tested alone.
 */
final class AbuseFlags {

	/** The same credit code, contact phone or contact e-mail on both sides. */
	static final String RELATED_PARTIES = "RELATED_PARTIES";

	/** A quote above the catalog's list price of the service. */
	static final String ABOVE_LIST_PRICE = "ABOVE_LIST_PRICE";

	/** Many small orders just under a review threshold. */
	static final String SPLIT_ORDERS = "SPLIT_ORDERS";

	/** Review thresholds in fen: ¥10,000, ¥50,000 and ¥100,000. */
	static final long[] THRESHOLDS = { 1_000_000L, 5_000_000L, 10_000_000L };

	/** Quotes from {@code low} (inclusive) to {@code high} (exclusive): within 5% below a threshold. */
	record Band(long low, long high) {
	}

	/** A party's contacts, as far as the rules compare them. */
	record Party(String creditCode, String phone, String email) {

		static Party of(OrganisationView organisation) {
			return new Party(organisation.creditCode(), organisation.contactPhone(), organisation.contactEmail());
		}
	}

	private AbuseFlags() {
	}

	/** The flags of a new order. */
	static List<String> onRequest(Party enterprise, Party provider) {
		return related(enterprise, provider) ? List.of(RELATED_PARTIES) : List.of();
	}

	static boolean related(Party enterprise, Party provider) {
		return enterprise.creditCode().equalsIgnoreCase(provider.creditCode())
				|| !enterprise.phone().isBlank() && enterprise.phone().equals(provider.phone())
				|| !enterprise.email().isBlank() && enterprise.email().equalsIgnoreCase(provider.email());
	}

	/**
	 * The flags of an order after a quote: those it had, and a quote above the list price or, with at least two
	 * other orders of the same parties in the band in the last 30 days ({@code othersInBand}), a split order.
	 */
	static List<String> onQuote(List<String> flags, @Nullable Long listPrice, long quote,
			ToLongFunction<Band> othersInBand) {
		List<String> after = new ArrayList<>(flags);
		if (listPrice != null && quote > listPrice && !after.contains(ABOVE_LIST_PRICE)) {
			after.add(ABOVE_LIST_PRICE);
		}
		if (!after.contains(SPLIT_ORDERS) && splitsBelowThreshold(quote, othersInBand)) {
			after.add(SPLIT_ORDERS);
		}
		return after;
	}

	private static boolean splitsBelowThreshold(long quote, ToLongFunction<Band> othersInBand) {
		for (long threshold : THRESHOLDS) {
			Band band = new Band(threshold * 95 / 100, threshold);
			if (quote >= band.low() && quote < band.high() && othersInBand.applyAsLong(band) >= 2) {
				return true;
			}
		}
		return false;
	}
}
