package cn.kejiao.notification;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.kejiao.account.Accounts;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Role;

/**
 * Who acts for a region: the government bodies nearest at or above it whose users include region admins. The
 * platform's own operator is left out, as it does not decide a region's registrations or applications.
 */
@Component
class RegionAdmins {

	private final Organisations organisations;
	private final Accounts accounts;

	RegionAdmins(Organisations organisations, Accounts accounts) {
		this.organisations = organisations;
		this.accounts = accounts;
	}

	List<OrganisationView> of(String regionCode) {
		return organisations.administrationsOf(regionCode).stream()
			.filter(administration -> accounts.usersOf(administration.id()).stream()
				.anyMatch(u -> u.roles().contains(Role.REGION_ADMIN)))
			.toList();
	}
}
