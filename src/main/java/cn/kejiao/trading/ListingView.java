package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A listing as anyone who may see it reads it.
 *
 * @param askingPrice null when the price is negotiable (面议)
 * @param licenceTerritory where a licence applies (empty: not said)
 * @param licenceTerm for how long a licence runs (empty: not said)
 */
public record ListingView(UUID id, UUID achievementId, String title, UUID sellerOrgId, String sellerOrgName,
		String sellerRegionCode, List<ListingMode> modes, String licenceTerritory, String licenceTerm,
		@Nullable Money askingPrice, boolean negotiable, List<String> patentNumbers, LegalStatus legalStatus,
		String notes, ListingState state, Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt,
		@Nullable Instant soldAt) {

	public boolean offers(ListingMode mode) {
		return modes.contains(mode);
	}
}
