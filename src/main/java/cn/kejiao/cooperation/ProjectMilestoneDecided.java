package cn.kejiao.cooperation;

import java.util.UUID;

/** The funding region's admin accepted or rejected a milestone's deliverables; the lead organisation is told. */
public record ProjectMilestoneDecided(UUID projectId, String projectNumber, String projectTitle, UUID milestoneId,
		String milestoneTitle, boolean accepted, String remarks, UUID leadOrgId) {
}
