package cn.kejiao.trading;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A lot made of a listing was sold at auction: the listing is sold, whatever inquiries were still open on it (their
 * threads stay readable; their offers can no longer be accepted). Delivered again, the event changes nothing.
 */
@Component
class ListingSales {

	private final Listings listings;

	ListingSales(Listings listings) {
		this.listings = listings;
	}

	@ApplicationModuleListener
	void on(LotSold event) {
		if (event.listingId() != null) {
			listings.sold(event.listingId(), event.closedAt());
		}
	}
}
