package cn.kejiao.account;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.organisation.OrganisationResubmitted;

/**
 * A user's region is its organisation's: when a corrected registration names another region, the
 * organisation's users move with it (they act in that region from their next sign-in).
 */
@Component
class OrganisationMoves {

	private final UserAccountRepository users;

	OrganisationMoves(UserAccountRepository users) {
		this.users = users;
	}

	@ApplicationModuleListener
	void on(OrganisationResubmitted event) {
		if (event.regionCode().equals(event.previousRegionCode())) {
			return;
		}
		for (UserAccount user : users.findByOrganisationId(event.organisationId())) {
			user.moveTo(event.regionCode());
			users.save(user);
		}
	}
}
