package cn.kejiao.demand;

import java.util.List;
import java.util.UUID;

/**
 * A demand that opened has strong matches in the catalog; its owner now looks at them and gets in touch.
 *
 * @param entryIds the strongest matches, best first
 */
public record DemandMatched(UUID demandId, String demandTitle, UUID ownerOrgId, List<UUID> entryIds) {

	public DemandMatched {
		entryIds = List.copyOf(entryIds);
	}
}
