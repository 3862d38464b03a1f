package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the seller says of a listing: which of its catalog achievements, how it may pass (at least one mode), a
 * licence's territory and term, the asking price (null: negotiable, 面议), the patents by number and where they
 * stand, and a note for buyers.
 */
public record ListingForm(@Nullable UUID achievementId, @Nullable List<ListingMode> modes,
		@Nullable String licenceTerritory, @Nullable String licenceTerm, @Nullable Money askingPrice,
		@Nullable List<String> patentNumbers, @Nullable LegalStatus legalStatus, @Nullable String notes) {
}
