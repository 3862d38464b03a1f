package cn.kejiao.notification;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.organisation.OrganisationRegistered;
import cn.kejiao.organisation.OrganisationResubmitted;
import cn.kejiao.organisation.OrganisationRejected;
import cn.kejiao.organisation.OrganisationVerified;
import cn.kejiao.organisation.OrganisationView;

/**
 * What an organisation's verification tells whom: its own users learn that it was verified or rejected (with
 * the reason); the admins of its region learn that a registration waits for them. The admins are the users of
 * the nearest government body above the organisation that has region admins: the platform's own operator is
 * left out, as it does not verify the organisations of a region. Each notice has a once-key, so an event
 * delivered again tells nobody twice.
 */
@Component
class OrganisationNotices {

	private final Notifications notifications;
	private final RegionAdmins admins;

	OrganisationNotices(Notifications notifications, RegionAdmins admins) {
		this.notifications = notifications;
		this.admins = admins;
	}

	@ApplicationModuleListener
	void on(OrganisationRegistered event) {
		tellAdmins(event.organisationId(), event.name(), event.regionCode(), "organisation-registered",
				"organisation-registered:" + event.organisationId());
	}

	/** A corrected registration waits again: the admins of its region are told for each correction. */
	@ApplicationModuleListener
	void on(OrganisationResubmitted event) {
		tellAdmins(event.organisationId(), event.name(), event.regionCode(), "organisation-resubmitted",
				"organisation-resubmitted:" + event.organisationId() + ":" + event.round());
	}

	private void tellAdmins(java.util.UUID organisationId, String name, String regionCode, String message, String key) {
		for (OrganisationView administration : admins.of(regionCode)) {
			notifications.tell(new Notice(administration.id(), "organisation", message, List.of(name),
					"/admin/organisations/" + organisationId, key + ":" + administration.id()));
		}
	}

	/** Only a registration's verdict is told: an organisation the platform created was waiting for nothing. */
	@ApplicationModuleListener
	void on(OrganisationVerified event) {
		if (!event.registeredItself()) {
			return;
		}
		notifications.tell(new Notice(event.organisationId(), "organisation", "organisation-verified",
				List.of(event.name()), "/me", "organisation-verified:" + event.organisationId()));
	}

	@ApplicationModuleListener
	void on(OrganisationRejected event) {
		notifications.tell(new Notice(event.organisationId(), "organisation", "organisation-rejected",
				List.of(event.name(), event.reason()), "/me", event.round() <= 1 ? "organisation-rejected:" + event.organisationId()
						: "organisation-rejected:" + event.organisationId() + ":" + event.round()));
	}
}
