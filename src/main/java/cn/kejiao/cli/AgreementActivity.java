package cn.kejiao.cli;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.kejiao.cooperation.AgreementKind;
import cn.kejiao.cooperation.AgreementView;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.AreaTemplate;
import cn.kejiao.cooperation.TaskState;

/**
 * Agreements between the simulated regions: before the first day the admins of 上海 sign 沪滇 and 沪渝 agreements and
 * 云南 one with 文山, each with two areas and tasks owned by providers, due over the period. The owners report
 * progress; three tasks in four are reported done before they fall due, the others are left open (the overdue
 * sweep is a job of the cooperation module with no public facade, so no task is flagged overdue here).
 */
@Component
class AgreementActivity implements SimulatedActivity {

	private record Signed(String admin, AgreementKind kind, String title, AgreementView.Party first,
			AgreementView.Party second, AreaTemplate one, AreaTemplate two) {
	}

	private static final List<Signed> SIGNED = List.of(
			new Signed("sh-admin", AgreementKind.FRAMEWORK, "沪滇科技合作框架协议",
					new AgreementView.Party("310000", "上海市科学技术委员会"), new AgreementView.Party("530000", "云南省科学技术厅"),
					AreaTemplate.TECHNOLOGY_TRANSFER, AreaTemplate.RESOURCE_SHARING),
			new Signed("sh-admin", AgreementKind.COOPERATION, "沪渝科技创新合作协议",
					new AgreementView.Party("310000", "上海市科学技术委员会"), new AgreementView.Party("500000", "重庆市科学技术局"),
					AreaTemplate.CORE_TECHNOLOGIES, AreaTemplate.TALENT_EXCHANGE),
			new Signed("yn-admin", AgreementKind.CONSULTATION, "云南—文山科技厅州会商纪要",
					new AgreementView.Party("530000", "云南省科学技术厅"),
					new AgreementView.Party("532600", "文山壮族苗族自治州人民政府"), AreaTemplate.TECHNOLOGY_TRANSFER,
					AreaTemplate.INNOVATION_CENTRES));

	private final Agreements agreements;

	AgreementActivity(Agreements agreements) {
		this.agreements = agreements;
	}

	@Override
	public void setUp(SimulationSteps steps) {
		if (steps.providers().isEmpty()) {
			return;
		}
		var plan = steps.plan();
		LocalDate signedOn = steps.today();
		for (Signed signed : SIGNED) {
			AgreementView agreement = steps.as(steps.cast().admin(signed.admin()), () -> agreements.create(
					new Agreements.NewAgreement(signed.kind(), signed.title() + "（模拟 " + plan.start().getYear() + "，"
							+ plan.seed() + "）", List.of(signed.first(), signed.second()), signedOn, "上海", signedOn,
							plan.end().plusYears(2), "模拟：双方围绕成果转化、资源共享与人才交流开展合作。",
							List.of(new Agreements.NewArea(signed.one(), null, null),
									new Agreements.NewArea(signed.two(), null, null)), null)));
			steps.done("agreements signed");
			int tasks = 3 + Math.min(5, plan.enterprises() / 1000);
			for (AgreementView.Area area : agreement.areas()) {
				for (int i = 0; i < tasks; i++) {
					task(steps, signed.admin(), agreement, area, i);
				}
			}
		}
	}

	private void task(SimulationSteps steps, String admin, AgreementView agreement, AgreementView.Area area, int index) {
		var random = steps.random();
		SimulationCast.Provider owner = steps.providers().get(random.nextInt(steps.providers().size()));
		int due = 10 + random.nextInt(Math.max(1, steps.plan().days()));
		AgreementView.Task task = steps.as(steps.cast().admin(admin), () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area.id(), area.name() + "重点任务 " + (index + 1), owner.organisationId(),
						steps.today().plusDays(due))));
		steps.done("agreement tasks");
		steps.later(1 + random.nextInt(Math.max(1, due / 2)), () -> {
			steps.as(owner.actor(), () -> agreements.report(agreement.id(), task.id(),
					new Agreements.ProgressReport("已召开对接会，明确分工与时间表，正在推进。", 30 + random.nextInt(40), null,
							TaskState.IN_PROGRESS, List.of())));
			steps.done("agreement reports");
			if (random.nextInt(4) < 3) {
				steps.later(1 + random.nextInt(Math.max(1, due / 2)), () -> {
					steps.as(owner.actor(), () -> agreements.report(agreement.id(), task.id(),
							new Agreements.ProgressReport("任务已完成，成果材料已归档。", 100, null, TaskState.DONE, List.of())));
					steps.done("agreement tasks done");
				});
			}
		});
	}
}
