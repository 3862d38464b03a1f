package cn.kejiao.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.cooperation.TaskOverdue;
import cn.kejiao.organisation.OrganisationView;

/**
 * What is told when a task of an agreement is overdue: the members of the task's owner organisation, and the admins
 * of each party's region (an administration told once even when it acts for several parties). Once per task and
 * recipient, whatever the number of sweeps.
 */
@Component
class AgreementNotices {

	private final Notifications notifications;
	private final RegionAdmins regionAdmins;

	AgreementNotices(Notifications notifications, RegionAdmins regionAdmins) {
		this.notifications = notifications;
		this.regionAdmins = regionAdmins;
	}

	@ApplicationModuleListener
	void on(TaskOverdue event) {
		List<String> args = List.of(event.taskTitle(), event.agreementTitle(), event.dueOn().toString(),
				event.ownerOrgName());
		String link = "/agreements/" + event.agreementId() + "#task-" + event.taskId();
		// once per due date: a task whose due date was moved and passed again is told again
		String once = "agreement-task-overdue:" + event.taskId() + ":" + event.dueOn() + ":";
		List<Notice> notices = new ArrayList<>();
		notices.add(new Notice(event.ownerOrgId(), "agreement", "agreement-task-overdue", args, link,
				once + event.ownerOrgId()));
		Set<UUID> admins = new LinkedHashSet<>();
		for (String party : event.partyRegions()) {
			for (OrganisationView admin : regionAdmins.of(party)) {
				if (!admin.id().equals(event.ownerOrgId()) && admins.add(admin.id())) {
					notices.add(new Notice(admin.id(), "agreement", "agreement-task-overdue-party", args, link,
							once + admin.id()));
				}
			}
		}
		notifications.tellAll(notices);
	}
}
