package cn.kejiao.catalog;

import java.util.UUID;

/**
 * An entry started or stopped being shared in the public catalog, or moved to another region while shared
 * ({@code shared} tells whether it is shared now); what counts on which day is {@link CatalogFlows}'s to say.
 */
public record EntrySharingChanged(UUID entryId, EntryType type, boolean shared) {
}
