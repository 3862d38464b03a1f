package cn.kejiao.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.trading.ContractStepTaken;

/**
 * What the parties of a technology contract are told of its steps: the side that did not act (both when neither
 * did: a contract drafted from a deal, registered by the region); and the admins of the seller's region when a
 * contract signed by both waits for their registration. Each once per contract and step.
 */
@Component
class ContractNotices {

	private final Notifications notifications;
	private final RegionAdmins regionAdmins;

	ContractNotices(Notifications notifications, RegionAdmins regionAdmins) {
		this.notifications = notifications;
		this.regionAdmins = regionAdmins;
	}

	@ApplicationModuleListener
	void on(ContractStepTaken event) {
		String message = "contract-" + event.step();
		List<String> args = List.of(event.number(), event.title(), event.detail().isEmpty() ? "-" : event.detail());
		String link = "/contracts/" + event.contractId();
		String once = message + ":" + event.contractId() + ":";
		List<Notice> notices = new ArrayList<>();
		for (UUID party : List.of(event.sellerOrgId(), event.buyerOrgId())) {
			if (!party.equals(event.byOrgId())) {
				notices.add(new Notice(party, "contract", message, args, link, once + party));
			}
		}
		if ("signed-by-both".equals(event.step())) {
			for (OrganisationView admin : regionAdmins.of(event.sellerRegion())) {
				notices.add(new Notice(admin.id(), "contract", "contract-to-register", args, "/contracts/registrations",
						"contract-to-register:" + event.contractId() + ":" + admin.id()));
			}
		}
		notifications.tellAll(notices);
	}
}
