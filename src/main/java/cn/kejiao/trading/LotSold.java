package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lot closed with a winner: the highest bid met the reserve. A draft technology contract follows from it;
 * the listing it came from (if any) is sold.
 *
 * @param listingId the listing the lot offers, if it was made from one
 * @param achievementId the catalog entry (achievement or patent) the lot offers, if any
 * @param hammer the winning price
 * @param buyerCommission what the buyer pays the organiser on top of the hammer price
 * @param sellerCommission what the organiser keeps from the seller's proceeds
 */
public record LotSold(UUID lotId, UUID sessionId, String title, @Nullable UUID listingId,
		@Nullable UUID achievementId, UUID sellerOrgId, UUID buyerOrgId, Money hammer, Money buyerCommission,
		Money sellerCommission, Instant closedAt) {
}
