package cn.kejiao.booking;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.catalog.EntryDetails;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.catalog.EntryView;

/**
 * What booking needs of a catalog instrument: its owner, region, state, its two price groups in fen (external,
 * and internal for the owner's own people), the unit they count, and its original value in yuan.
 */
record Instrument(UUID id, String title, UUID ownerOrgId, String ownerOrgName, String regionCode, EntryState state,
		Unit unit, @Nullable Long externalPrice, @Nullable Long internalPrice, @Nullable BigDecimal originalValue,
		boolean autoConfirm) {

	static Instrument of(EntryView entry) {
		Long external = entry.price() == null ? null : entry.price().movePointRight(2).longValue();
		BigDecimal internalPrice = decimal(entry.details().get("internalPrice"));
		// an instrument without an internal price charges its own people the external one (or nothing, unpriced)
		Long internal = internalPrice == null ? external : Long.valueOf(internalPrice.movePointRight(2).longValue());
		return new Instrument(entry.id(), entry.title(), entry.ownerOrgId(), entry.ownerOrgName(), entry.regionCode(),
				entry.state(), Unit.ofCatalog(entry.priceUnit()), external, internal,
				decimal(entry.details().get("originalValue")), EntryDetails.AUTO.equals(entry.details().get("bookingMode")));
	}

	/** Bookable while published; not during maintenance, withdrawn or suspended. */
	boolean bookable() {
		return state == EntryState.PUBLISHED;
	}

	/** The price per unit in fen for a booker: internal for the owner's own organisation, external for any other. */
	@Nullable
	Long priceFor(boolean external) {
		return external ? externalPrice : internalPrice;
	}

	private static @Nullable BigDecimal decimal(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
