package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * In an inquiry thread, one side accepted the other's offer: the two organisations agreed a price and terms for
 * a listing. A draft technology contract follows from it.
 *
 * @param mode how the technology passes (the listing's modes: TRANSFER, LICENCE_EXCLUSIVE, LICENCE_SOLE,
 *     LICENCE_NON_EXCLUSIVE, EQUITY, JOINT_DEVELOPMENT)
 * @param terms the offer's own words (territory, term, payment)
 */
public record OfferAccepted(UUID offerId, UUID inquiryId, UUID listingId, String title, UUID sellerOrgId,
		UUID buyerOrgId, Money amount, String mode, String terms, Instant acceptedAt) {
}
