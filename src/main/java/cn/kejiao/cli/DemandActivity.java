package cn.kejiao.cli;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.kejiao.catalog.EntryType;
import cn.kejiao.demand.CooperationMode;
import cn.kejiao.demand.DemandForm;
import cn.kejiao.demand.DemandPosting;
import cn.kejiao.demand.DemandView;
import cn.kejiao.demand.Matching;
import cn.kejiao.demand.Visibility;

/**
 * Technology demands and their matches: one verified enterprise in eight posts a demand within a month; a few days
 * to two weeks later its owner reads the achievements suggested for it and, for about half the demands, says the
 * best one is useful (a confirmed match) and, sometimes, the next one is not (too expensive).
 */
@Component
class DemandActivity implements SimulatedActivity {

	private final DemandPosting demands;
	private final Matching matching;

	DemandActivity(DemandPosting demands, Matching matching) {
		this.demands = demands;
		this.matching = matching;
	}

	@Override
	public void enterpriseVerified(SimulationSteps steps, SimulationSteps.SimulatedEnterprise enterprise) {
		if (steps.random().nextInt(8) == 0) {
			steps.later(1 + steps.random().nextInt(30), () -> demand(steps, enterprise));
		}
	}

	private void demand(SimulationSteps steps, SimulationSteps.SimulatedEnterprise enterprise) {
		String industry = enterprise.industry();
		DemandView demand = steps.as(enterprise.actor(), () -> demands.create(new DemandForm(industry + "关键工艺技术攻关",
				"我公司在" + industry + "生产中遇到工艺瓶颈，希望与高校、科研院所合作开展联合攻关，提升产品良率与质量稳定性。",
				industry, List.of(industry, "工艺优化"), (10 + steps.random().nextInt(90)) * 10_000 + ".00",
				steps.today().plusMonths(6), List.of(CooperationMode.JOINT, CooperationMode.COMMISSIONED), Visibility.PUBLIC,
				null, false, null, null), true));
		steps.done("demands");
		if (steps.random().nextInt(2) == 0) {
			steps.later(3 + steps.random().nextInt(12), () -> verdicts(steps, enterprise, demand));
		}
	}

	/** The owner reads the suggested achievements and judges the first one or two. */
	private void verdicts(SimulationSteps steps, SimulationSteps.SimulatedEnterprise enterprise, DemandView demand) {
		List<Matching.MatchView> suggested = steps.as(enterprise.actor(),
				() -> matching.matches(demand.id(), EntryType.ACHIEVEMENT, 5));
		if (suggested.isEmpty()) {
			steps.done("demands without suggestions");
			return;
		}
		Matching.MatchView best = suggested.getFirst();
		steps.as(enterprise.actor(), () -> {
			matching.feedback(demand.id(), best.type(), best.id(), true, null, "已联系成果方，正在洽谈合作。");
			return null;
		});
		steps.done("matches confirmed");
		if (suggested.size() > 1 && steps.random().nextInt(3) == 0) {
			Matching.MatchView next = suggested.get(1);
			steps.as(enterprise.actor(), () -> {
				matching.feedback(demand.id(), next.type(), next.id(), false, "PRICE", null);
				return null;
			});
			steps.done("matches declined");
		}
	}
}
