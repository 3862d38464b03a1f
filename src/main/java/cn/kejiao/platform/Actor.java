package cn.kejiao.platform;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as every module sees it: who, for which organisation, in which region, with which
 * roles. The region is the organisation's; for a region admin it is the region it governs.
 */
public record Actor(UUID userId, String username, String displayName, @Nullable UUID organisationId,
		@Nullable String organisationName, String regionCode, Set<Role> roles) implements Serializable {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isPlatformAdmin() {
		return has(Role.PLATFORM_ADMIN);
	}

	public boolean isRegionAdmin() {
		return has(Role.REGION_ADMIN);
	}

	/** Region admins govern their region and all regions below it; the platform admin governs all. */
	public boolean governs(String regionCode) {
		return isPlatformAdmin() || (isRegionAdmin() && RegionCodes.isWithin(regionCode, this.regionCode));
	}
}
