package cn.kejiao.demand;

import java.util.UUID;

/**
 * A catalog entry was found among the strongest matches of a demand that opened, and its owner should hear of
 * it. Published once per demand and entry each time the demand opens; the notice is told once ever.
 *
 * @param regionName the demand's region, as its full name
 */
public record MatchSuggested(UUID demandId, String demandTitle, String regionName, UUID entryId, String entryTitle,
		UUID entryOwnerOrgId) {
}
