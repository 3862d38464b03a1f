package cn.kejiao.booking;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;

/** Finds the instrument a booking concerns through the catalog's facade, as far as the reader may see it. */
@Component
class Instruments {

	private final Catalog catalog;

	Instruments(Catalog catalog) {
		this.catalog = catalog;
	}

	/** The instrument, refused as not found when the reader may not see it or it is not an instrument. */
	Instrument seenBy(UUID id, @Nullable Actor reader) {
		EntryView seen = catalog.get(id, reader);
		if (seen.type() != EntryType.INSTRUMENT) {
			throw KejiaoException.notFound("booking.instrument-not-found", id);
		}
		return whole(id);
	}

	/** The instrument with its prices, whoever asks (for the owner's and the module's own work). */
	Instrument whole(UUID id) {
		return catalog.instrument(id).map(Instrument::of)
			.orElseThrow(() -> KejiaoException.notFound("booking.instrument-not-found", id));
	}

	/** The instrument, refused unless the actor's organisation owns it. */
	Instrument ownedBy(UUID id, Actor actor) {
		Instrument instrument = whole(id);
		if (!instrument.ownerOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("booking.not-owner");
		}
		return instrument;
	}
}
