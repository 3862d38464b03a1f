package cn.kejiao.catalog;

/**
 * DRAFT → PUBLISHED ⇄ MAINTENANCE (instruments), PUBLISHED → WITHDRAWN by the owner (and back to
 * PUBLISHED), any state → SUSPENDED by the region admin (and reinstated to DRAFT for the owner to fix).
 * Only PUBLISHED (and MAINTENANCE, shown as such) entries are in the public catalog.
 */
public enum EntryState {
	DRAFT, PUBLISHED, MAINTENANCE, WITHDRAWN, SUSPENDED;

	public boolean isPublic() {
		return this == PUBLISHED || this == MAINTENANCE;
	}
}
