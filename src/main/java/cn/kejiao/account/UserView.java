package cn.kejiao.account;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Role;

/** A user as admins and other modules see it; never the password. */
public record UserView(UUID id, String username, String displayName, String email, @Nullable UUID organisationId,
		String regionCode, Set<Role> roles, boolean enabled) {
}
