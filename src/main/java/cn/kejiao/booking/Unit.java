package cn.kejiao.booking;

import org.jspecify.annotations.Nullable;

/** What a booking's fee counts: hours of actual use, samples measured, or runs. */
public enum Unit {
	HOUR, SAMPLE, RUN;

	/** The unit of the catalog's price unit: per hour and per sample as they are; an item or a total price per run. */
	static Unit ofCatalog(@Nullable String priceUnit) {
		if (priceUnit == null) {
			return HOUR;
		}
		return switch (priceUnit) {
			case "SAMPLE" -> SAMPLE;
			case "ITEM", "TOTAL" -> RUN;
			default -> HOUR;
		};
	}
}
