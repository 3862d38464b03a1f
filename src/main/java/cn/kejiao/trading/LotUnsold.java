package cn.kejiao.trading;

import java.time.Instant;
import java.util.UUID;

/** A lot closed without a sale: nobody bid, or the highest bid stayed below the reserve. */
public record LotUnsold(UUID lotId, UUID sessionId, String title, UUID sellerOrgId, boolean hadBids,
		Instant closedAt) {
}
