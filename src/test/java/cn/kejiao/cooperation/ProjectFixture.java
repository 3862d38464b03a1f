package cn.kejiao.cooperation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.kejiao.platform.Money;
import cn.kejiao.support.Personas;

/** Builds funded projects through the facades, as 文山州科技局 ({@code ws-admin}) would. */
final class ProjectFixture {

	private final Personas personas;
	private final Projects projects;
	private final ProjectMilestones milestones;

	ProjectFixture(Personas personas, Projects projects, ProjectMilestones milestones) {
		this.personas = personas;
		this.projects = projects;
		this.milestones = milestones;
	}

	UUID org(String username) {
		return personas.actor(username).organisationId();
	}

	/** A project of 文山 led by {@code ent-ws}'s organisation, funded by 文山 and 云南, with 云南省科学技术院 as partner. */
	ProjectView wenshan(String title, String chain) {
		return personas.as("ws-admin", () -> projects.create(new Projects.NewProject(null, title,
				List.of(new Projects.Funding("532600", Money.ofYuan("1200000", "a")),
						new Projects.Funding("530000", Money.ofYuan("800000", "a"))),
				org("ent-ws"), List.of(org("provider-yn")), chain, "测试项目", LocalDate.now().minusMonths(6),
				LocalDate.now().plusMonths(18), null, null)));
	}

	ProjectView.MilestoneView milestone(UUID project, String title, LocalDate due) {
		return personas.as("ws-admin", () -> milestones.add(project, new ProjectMilestones.NewMilestone(title, "报告", due)));
	}

	ProjectView.MilestoneView delivered(UUID project, String title) {
		ProjectView.MilestoneView m = milestone(project, title, LocalDate.now().plusDays(20));
		return personas.as("ent-ws", () -> milestones.deliver(project, m.id(), "已提交中期报告"));
	}
}
