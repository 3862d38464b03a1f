package cn.kejiao.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.cooperation.ProjectMilestoneDecided;
import cn.kejiao.cooperation.ProjectMilestoneOverdue;
import cn.kejiao.organisation.OrganisationView;

/**
 * What funded projects tell: an overdue milestone to the lead organisation's members and the admins of the managing
 * and funding regions, once per milestone; the acceptance or rejection of a milestone to the lead organisation.
 */
@Component
class ProjectNotices {

	private final Notifications notifications;
	private final RegionAdmins regionAdmins;

	ProjectNotices(Notifications notifications, RegionAdmins regionAdmins) {
		this.notifications = notifications;
		this.regionAdmins = regionAdmins;
	}

	@ApplicationModuleListener
	void on(ProjectMilestoneOverdue event) {
		List<String> args = List.of(event.projectNumber(), event.projectTitle(), event.milestoneTitle(),
				event.dueOn().toString());
		String link = "/projects/" + event.projectId();
		String once = "project-milestone-overdue:" + event.milestoneId() + ":";
		List<Notice> notices = new ArrayList<>();
		notices.add(new Notice(event.leadOrgId(), "project", "project-milestone-overdue", args, link,
				once + event.leadOrgId()));
		Set<UUID> admins = new LinkedHashSet<>();
		for (String region : event.funderRegions()) {
			regionAdmins.of(region).stream().map(OrganisationView::id).forEach(admins::add);
		}
		for (UUID admin : admins) {
			notices.add(new Notice(admin, "project", "project-milestone-overdue-admin", args, link, once + admin));
		}
		notifications.tellAll(notices);
	}

	@ApplicationModuleListener
	void on(ProjectMilestoneDecided event) {
		String message = event.accepted() ? "project-milestone-accepted" : "project-milestone-rejected";
		notifications.tell(new Notice(event.leadOrgId(), "project", message,
				List.of(event.projectNumber(), event.projectTitle(), event.milestoneTitle(),
						event.remarks().isEmpty() ? "-" : event.remarks()),
				"/projects/" + event.projectId(), null));
	}
}
