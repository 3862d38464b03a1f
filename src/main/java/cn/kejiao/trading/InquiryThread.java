package cn.kejiao.trading;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A whole thread as one of its readers sees it.
 *
 * @param listing the listing it is about, as it stands now
 * @param yourSide the reader's side; null for an admin reading it (who may not write in it)
 */
public record InquiryThread(InquiryView inquiry, ListingView listing, List<InquiryMessage> messages,
		List<InquiryOffer> offers, @Nullable InquirySide yourSide) {

	/** Whether the reader may accept this offer: the other side's, still open, on a listing still published. */
	public boolean mayAccept(InquiryOffer offer) {
		return yourSide != null && offer.side() != yourSide && offer.state() == OfferState.OPEN
				&& listing.state() == ListingState.PUBLISHED;
	}
}
