package cn.kejiao.challenge;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An application in the ranking: how many panellists scored it, its mean weighted total, how many panellists
 * were kept from it for a conflict of interest, and the amount awarded (yuan), if any.
 */
public record RankedApplication(UUID applicationId, String applicantName, String applicantRegion, int reviews,
		@Nullable BigDecimal meanTotal, int excludedPanellists, @Nullable String awardedAmount) {
}
