package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lot as the reader may see it. The reserve price ({@code reservePrice}) is there only for the organiser and
 * the seller; nobody else learns it, not even whether it was met, before the close. The result (hammer price,
 * buyer, commissions) is there once the lot closed, for the organiser, the seller and the buyer, and for everyone
 * once the session's results are published.
 *
 * @param state SCHEDULED, LIVE, CLOSING (the close passed, the result not yet recorded: no more bids), SOLD,
 *     UNSOLD or WITHDRAWN
 * @param bidCount the price steps so far
 * @param minimumBid the least a bidder other than the leader may bid now
 */
public record LotView(UUID id, UUID sessionId, String sessionTitle, String sessionRegion, int lotNo, String title,
		String description, @Nullable UUID listingId, @Nullable UUID achievementId, String patentNumbers,
		UUID sellerOrgId, String sellerName, String sellerRegion, Money startingPrice, Money increment, Money deposit,
		Instant startsAt, Instant scheduledClose, Instant closesAt, String state, @Nullable Money leadingAmount,
		@Nullable String leader, int bidCount, Money minimumBid, int registeredBidders, @Nullable Money reservePrice,
		@Nullable Result result, boolean published) {

	/** What the close decided. */
	public record Result(boolean sold, @Nullable Money hammer, @Nullable String buyer, @Nullable UUID buyerOrgId,
			@Nullable Money buyerCommission, @Nullable Money sellerCommission, Instant closedAt) {
	}

	public boolean live() {
		return state.equals("LIVE");
	}

	public boolean closed() {
		return state.equals("SOLD") || state.equals("UNSOLD");
	}
}
