package cn.kejiao.organisation;

import java.util.UUID;

/**
 * A rejected organisation corrected its details and waits again for the admins of its region, which may be a
 * region other than before. {@code round} counts the submissions after the first (1 for the first correction).
 */
public record OrganisationResubmitted(UUID organisationId, String name, String regionCode, String previousRegionCode,
		long round) {
}
