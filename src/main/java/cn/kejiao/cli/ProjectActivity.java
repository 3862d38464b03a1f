package cn.kejiao.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.kejiao.cooperation.ProjectMilestones;
import cn.kejiao.cooperation.ProjectStage;
import cn.kejiao.cooperation.ProjectView;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.platform.Money;

/**
 * Funded projects in the simulated year, about a hundred at 5,000 enterprises (fewer in a shorter or smaller run),
 * created over the first half of the period: a region admin funds one (one in three jointly with a second region),
 * led by a verified simulated enterprise or a provider, with a provider of another region as partner; the lead
 * starts it, plans two or three milestones and delivers them; the admin accepts each delivery and, for four
 * projects in five, the project at its final review (验收通过); the others are left running.
 */
@Component
class ProjectActivity implements SimulatedActivity {

	/** The funding admins and the regions they govern. */
	private static final String[][] FUNDERS = { { "sh-admin", "310000" }, { "jd-admin", "310114" },
			{ "yn-admin", "530000" }, { "ws-admin", "532600" }, { "cq-admin", "500000" } };

	private final Projects projects;
	private final ProjectMilestones milestones;

	ProjectActivity(Projects projects, ProjectMilestones milestones) {
		this.projects = projects;
		this.milestones = milestones;
	}

	@Override
	public void setUp(SimulationSteps steps) {
		var plan = steps.plan();
		int count = Math.max(4, (int) Math.round(Math.min(100, plan.enterprises() / 50.0) * plan.days() / 365.0));
		for (int i = 0; i < count; i++) {
			steps.later(2 + steps.random().nextInt(Math.max(1, plan.days() / 2)), () -> fund(steps));
		}
	}

	private void fund(SimulationSteps steps) {
		SplittableRandom random = steps.random();
		if (steps.providers().size() < 2) {
			return;
		}
		String[] funder = FUNDERS[random.nextInt(FUNDERS.length)];
		List<Projects.Funding> funding = new ArrayList<>();
		funding.add(new Projects.Funding(funder[1], new Money((50 + random.nextInt(451)) * 1_000_000L)));
		if (random.nextInt(3) == 0) {
			String[] second = FUNDERS[random.nextInt(FUNDERS.length)];
			if (!second[1].startsWith(funder[1].substring(0, 2))) {
				funding.add(new Projects.Funding(second[1], new Money((20 + random.nextInt(181)) * 1_000_000L)));
			}
		}
		var enterprises = steps.enterprises();
		boolean byEnterprise = !enterprises.isEmpty() && random.nextInt(2) == 0;
		SimulationCast.Provider provider = steps.providers().get(random.nextInt(steps.providers().size()));
		UUID lead = byEnterprise ? null : provider.organisationId();
		var leadActor = provider.actor();
		String industry = SimulationCast.INDUSTRIES[random.nextInt(SimulationCast.INDUSTRIES.length)];
		if (byEnterprise) {
			var enterprise = enterprises.get(random.nextInt(enterprises.size()));
			lead = enterprise.organisationId();
			leadActor = enterprise.actor();
			industry = enterprise.industry();
		}
		SimulationCast.Provider partner = steps.providers().get(random.nextInt(steps.providers().size()));
		List<UUID> partners = partner.organisationId().equals(lead) ? List.of() : List.of(partner.organisationId());
		int span = 4 + random.nextInt(Math.max(3, steps.plan().days() / 8));
		int parts = 2 + random.nextInt(2);
		String chain = industry;
		UUID leadId = lead;
		var admin = steps.cast().admin(funder[0]);
		ProjectView project = steps.as(admin, () -> projects.create(new Projects.NewProject(null,
				chain + "关键技术联合攻关与产业化示范", funding, leadId, partners, chain, "模拟：跨区域联合攻关项目。", steps.today(),
				steps.today().plusDays((long) span * (parts + 1)), null, null)));
		steps.done("projects funded");
		var actor = leadActor;
		steps.later(1 + random.nextInt(5), () -> {
			steps.as(actor, () -> projects.changeStage(project.id(), ProjectStage.IN_PROGRESS, null));
			steps.done("projects started");
			List<UUID> planned = new ArrayList<>();
			for (int m = 1; m <= parts; m++) {
				int n = m;
				planned.add(steps.as(actor, () -> milestones.add(project.id(), new ProjectMilestones.NewMilestone(
						"第" + n + "阶段", "阶段报告与样机测试数据", steps.today().plusDays((long) span * n)))).id());
			}
			milestone(steps, project.id(), planned, 0, actor, admin, span);
		});
	}

	/** The lead delivers milestone {@code index}; the admin accepts it; after the last, the project's review. */
	private void milestone(SimulationSteps steps, UUID project, List<UUID> planned, int index,
			cn.kejiao.platform.Actor lead, cn.kejiao.platform.Actor admin, int span) {
		SplittableRandom random = steps.random();
		steps.later(span - 2 + random.nextInt(4), () -> {
			steps.as(lead, () -> milestones.deliver(project, planned.get(index), "已按计划完成本阶段任务，提交阶段报告。"));
			steps.done("milestones delivered");
			steps.later(1 + random.nextInt(3), () -> {
				steps.as(admin, () -> milestones.decide(project, planned.get(index), true, "通过"));
				steps.done("milestones accepted");
				if (index + 1 < planned.size()) {
					milestone(steps, project, planned, index + 1, lead, admin, span);
				}
				else if (random.nextInt(5) < 4) {
					steps.later(1 + random.nextInt(5), () -> {
						steps.as(admin, () -> projects.changeStage(project, ProjectStage.ACCEPTED, "验收通过"));
						steps.done("projects accepted");
					});
				}
			});
		});
	}
}
