package cn.kejiao.cooperation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project milestone passed its due date without its deliverables; published once per milestone, by the node
 * whose sweep claimed it.
 *
 * @param funderRegions the managing region and the funders' regions, whose admins are told
 */
public record ProjectMilestoneOverdue(UUID projectId, String projectNumber, String projectTitle, UUID milestoneId,
		String milestoneTitle, LocalDate dueOn, UUID leadOrgId, List<String> funderRegions) {

	public ProjectMilestoneOverdue {
		funderRegions = List.copyOf(funderRegions);
	}
}
