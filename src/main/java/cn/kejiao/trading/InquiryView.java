package cn.kejiao.trading;

import java.time.Instant;
import java.util.UUID;

/** An inquiry thread as its list shows it: the listing, the two sides with their regions, and when it last moved. */
public record InquiryView(UUID id, UUID listingId, String title, UUID sellerOrgId, String sellerOrgName,
		String sellerRegionCode, UUID buyerOrgId, String buyerOrgName, String buyerRegionCode, Instant openedAt,
		Instant lastActivityAt, boolean agreed) {

	/** The side the organisation is on, if it is on one. */
	public java.util.Optional<InquirySide> sideOf(@org.jspecify.annotations.Nullable UUID organisationId) {
		if (sellerOrgId.equals(organisationId)) {
			return java.util.Optional.of(InquirySide.SELLER);
		}
		return buyerOrgId.equals(organisationId) ? java.util.Optional.of(InquirySide.BUYER) : java.util.Optional.empty();
	}
}
