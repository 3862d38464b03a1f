package cn.kejiao.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.kejiao.challenge.ApplicationView;
import cn.kejiao.challenge.Award;
import cn.kejiao.challenge.ChallengeApplications;
import cn.kejiao.challenge.ChallengeAwards;
import cn.kejiao.challenge.ChallengeForm;
import cn.kejiao.challenge.ChallengeReviews;
import cn.kejiao.challenge.ChallengeView;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.challenge.RankedApplication;
import cn.kejiao.challenge.Target;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Money;

/**
 * Challenges (揭榜挂帅): on one day in seven a region admin (上海, 嘉定, 云南, 文山 or 重庆) publishes one, open to
 * everyone for 10–20 days, with a bounty of 500,000–5,000,000 yuan (about 50 a year); 2–8 verified enterprises or
 * providers apply; after the deadline the publisher forms a panel of the three demo experts, who score each
 * application (a panellist of the applicant's own organisation is refused); a week after the panel the publisher awards
 * the best-scored application 60–100% of the bounty.
 */
@Component
class ChallengeActivity implements SimulatedActivity {

	private static final List<String> PUBLISHERS = List.of("sh-admin", "jd-admin", "yn-admin", "ws-admin", "cq-admin");

	private static final List<String> PANEL = List.of("expert-sh", "expert-tj", "expert-cq");

	private final Challenges challenges;
	private final ChallengeApplications applications;
	private final ChallengeReviews reviews;
	private final ChallengeAwards awards;
	private final Map<String, Actor> experts = new LinkedHashMap<>();

	ChallengeActivity(Challenges challenges, ChallengeApplications applications, ChallengeReviews reviews,
			ChallengeAwards awards) {
		this.challenges = challenges;
		this.applications = applications;
		this.reviews = reviews;
		this.awards = awards;
	}

	@Override
	public void setUp(SimulationSteps steps) {
		experts.clear();
		PANEL.forEach(username -> experts.put(username, steps.cast().actor(username)));
	}

	@Override
	public void day(SimulationSteps steps) {
		if (steps.random().nextInt(7) == 0) {
			steps.later(1, () -> publish(steps));
		}
	}

	private void publish(SimulationSteps steps) {
		Actor publisher = steps.cast().admin(PUBLISHERS.get(steps.random().nextInt(PUBLISHERS.size())));
		String industry = SimulationCast.INDUSTRIES[steps.random().nextInt(SimulationCast.INDUSTRIES.length)];
		int open = 10 + steps.random().nextInt(11);
		long bounty = (50 + steps.random().nextInt(451)) * 1_000_000L;
		ChallengeView challenge = steps.as(publisher, () -> challenges.publish(new ChallengeForm(
				industry + "关键共性技术揭榜攻关（模拟）",
				"本地" + industry + "企业在关键工艺上长期受制于人，良率低、能耗高。面向全国征集可在本地中试并稳定运行的成套技术方案。",
				List.of(new Target("产品良率", "≥ 98%"), new Target("单位能耗", "较现状下降 15%")), new Money(bounty), List.of(),
				List.of(), List.of(), steps.today().plusDays(open).toString(), 7)));
		steps.done("challenges published");
		List<UUID> applied = new ArrayList<>();
		int count = 2 + steps.random().nextInt(7);
		for (int i = 0; i < count; i++) {
			steps.later(1 + steps.random().nextInt(open), () -> apply(steps, challenge, applied));
		}
		steps.later(open + 1 + steps.random().nextInt(3), () -> panel(steps, publisher, challenge, applied, bounty));
	}

	private void apply(SimulationSteps steps, ChallengeView challenge, List<UUID> applied) {
		List<SimulationSteps.SimulatedEnterprise> enterprises = steps.enterprises();
		Actor applicant;
		String team;
		if (!enterprises.isEmpty() && steps.random().nextInt(3) < 2) {
			SimulationSteps.SimulatedEnterprise enterprise = enterprises.get(steps.random().nextInt(enterprises.size()));
			applicant = enterprise.actor();
			team = enterprise.placeName() + enterprise.industry() + "攻关团队";
		}
		else {
			SimulationCast.Provider provider = steps.providers().get(steps.random().nextInt(steps.providers().size()));
			applicant = provider.actor();
			team = provider.name() + " 技术攻关团队";
		}
		ApplicationView application = steps.as(applicant, () -> applications.apply(challenge.id(), team,
				"以产学研联合方式开展工艺攻关：6 个月完成小试，12 个月在本地完成中试并达到全部指标。", null, null));
		applied.add(application.id());
		steps.done("challenge applications");
	}

	/** After the deadline: the panel is formed, each panellist scores each application, the award follows. */
	private void panel(SimulationSteps steps, Actor publisher, ChallengeView challenge, List<UUID> applied, long bounty) {
		if (applied.isEmpty()) {
			steps.done("challenges without applications");
			return;
		}
		steps.as(publisher, () -> reviews.panel(challenge.id(), PANEL));
		steps.done("challenge panels");
		for (UUID application : applied) {
			for (Actor expert : experts.values()) {
				steps.later(1 + steps.random().nextInt(5), () -> review(steps, expert, challenge, application));
			}
		}
		steps.later(7, () -> award(steps, publisher, challenge, bounty));
	}

	private void review(SimulationSteps steps, Actor expert, ChallengeView challenge, UUID application) {
		int base = 60 + steps.random().nextInt(31);
		steps.as(expert, () -> reviews.review(challenge.id(), application, Map.of("SOLUTION", base,
				"TEAM", Math.min(100, base + steps.random().nextInt(10)), "PLAN", base, "BUDGET",
				Math.max(50, base - steps.random().nextInt(10))), "方案可行"));
		steps.done("challenge reviews");
	}

	private void award(SimulationSteps steps, Actor publisher, ChallengeView challenge, long bounty) {
		List<RankedApplication> ranked = steps.as(publisher, () -> reviews.ranking(challenge.id())).stream()
			.filter(r -> r.reviews() > 0).toList();
		if (ranked.isEmpty()) {
			steps.done("challenges without reviews");
			return;
		}
		long amount = bounty / 10 * (6 + steps.random().nextInt(5));
		steps.as(publisher, () -> awards.award(challenge.id(),
				List.of(new Award(ranked.getFirst().applicationId(), new Money(amount))), "经专家评审，择优确定揭榜方。"));
		steps.done("challenges awarded");
	}
}
