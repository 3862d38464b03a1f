package cn.kejiao.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.kejiao.challenge.ApplicationView;
import cn.kejiao.challenge.ChallengeApplications;
import cn.kejiao.challenge.ChallengeAwards;
import cn.kejiao.challenge.Award;
import cn.kejiao.challenge.ChallengeForm;
import cn.kejiao.challenge.ChallengeReviews;
import cn.kejiao.challenge.ChallengeView;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.challenge.Target;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * Two 揭榜挂帅 challenges at different stages: 文山's (Yunnan) open for applications, with 同济's application
 * in; 嘉定's (Shanghai) already decided — its applications closed seconds after the demo posted them, a
 * panel scored them and the award is in its notice period (公示). Posted once, through the facade.
 */
@Component
class ChallengeDemo {

	static final String YUNNAN = "文山低品位铝土矿高效溶出与赤泥减量技术攻关";
	static final String SHANGHAI = "车规级 MEMS 压力传感器封装可靠性攻关";

	private static final Logger log = LoggerFactory.getLogger(ChallengeDemo.class);

	private final Challenges challenges;
	private final ChallengeApplications applications;
	private final ChallengeReviews reviews;
	private final ChallengeAwards awards;
	private final DemoActors actors;
	private final Clock clock;

	ChallengeDemo(Challenges challenges, ChallengeApplications applications, ChallengeReviews reviews, ChallengeAwards awards,
			DemoActors actors, Clock clock) {
		this.challenges = challenges;
		this.applications = applications;
		this.reviews = reviews;
		this.awards = awards;
		this.actors = actors;
		this.clock = clock.withZone(ChinaTime.ZONE);
	}

	void load() {
		if (challenges.list(null).stream().anyMatch(c -> c.title().equals(YUNNAN))) {
			return;
		}
		ChallengeView yunnan = actors.as("ws-admin", () -> challenges.publish(new ChallengeForm(YUNNAN,
				"文山州铝土矿以中低品位为主，铝硅比 4–5，拜耳法溶出率低、碱耗高、赤泥堆存量大，制约绿色铝产业链。"
						+ "面向沪滇两地征集能在本地矿上稳定运行的高效溶出与赤泥减量成套技术，并在文山完成中试。",
				List.of(new Target("氧化铝回收率", "≥ 80%"), new Target("吨氧化铝碱耗", "较现状下降 20%"),
						new Target("吨氧化铝赤泥产生量", "≤ 1.0 吨")),
				Money.ofYuan("5000000", "bounty"), List.of(), List.of("hu-dian"), List.of(OrganisationType.UNIVERSITY,
						OrganisationType.RESEARCH_INSTITUTE, OrganisationType.ENTERPRISE, OrganisationType.ENGINEERING_CENTRE),
				LocalDate.now(clock).plusDays(45).toString(), 7)));
		actors.as("expert-sh", () -> applications.apply(yunnan.id(), "同济大学 冶金与资源利用团队（教授 2 人、博士 3 人）",
				"选矿脱硅与强化溶出联合工艺：先以浮选脱除含硅矿物提高铝硅比，再以石灰强化拜耳法溶出；赤泥经脱碱后制备路基材料。"
						+ "计划 6 个月完成小试，12 个月在文山完成中试。", null, null));

		// 嘉定's challenge: applications close shortly after they are in (with room for a busy machine), then the
		// panel decides
		OffsetDateTime closes = OffsetDateTime.now(clock).plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
		String deadline = closes.toString();
		ChallengeView shanghai = actors.as("jd-admin", () -> challenges.publish(new ChallengeForm(SHANGHAI,
				"新能源汽车电池包压力传感器在 −40~125 ℃ 温度循环下封装开裂失效。征集提高车规级 MEMS 压力传感器封装可靠性的方案，"
						+ "满足 AEC-Q100 要求并完成 1000 次温度循环验证。",
				List.of(new Target("温度循环", "1000 次无失效"), new Target("零点漂移", "≤ ±0.5% FS")), Money.ofYuan("1200000", "bounty"), List.of("310000"),
				List.of("yrd"), List.of(), deadline, 7)));
		ApplicationView testing;
		ApplicationView tongji;
		try {
			testing = actors.as("provider-jd", () -> applications.apply(shanghai.id(), "嘉定检测可靠性团队",
					"以 AEC-Q100 为依据设计加速寿命试验，改进灌封材料与粘接工艺，提供失效分析。", null, null));
			tongji = actors.as("expert-sh", () -> applications.apply(shanghai.id(), "同济大学 微电子封装团队",
					"采用应力隔离结构与低模量硅凝胶灌封，结合有限元仿真优化封装结构。", null, null));
		}
		catch (KejiaoException ex) {
			// a machine too busy to apply within the window: the challenge stays open without demo applications
			log.warn("Demo applications to the Jiading challenge came too late: {}", ex.getMessage());
			return;
		}
		Thread.ofVirtual().name("demo-challenge").start(() -> {
			try {
				while (!clock.instant().isAfter(closes.toInstant())) {
					Thread.sleep(500);
				}
				actors.as("jd-admin", () -> reviews.panel(shanghai.id(), List.of("expert-tj", "expert-cq")));
				actors.as("expert-cq", () -> reviews.review(shanghai.id(), testing.id(),
						Map.of("SOLUTION", 82, "TEAM", 85, "PLAN", 80, "BUDGET", 75), "试验方案完整"));
				actors.as("expert-cq", () -> reviews.review(shanghai.id(), tongji.id(),
						Map.of("SOLUTION", 90, "TEAM", 85, "PLAN", 80, "BUDGET", 80), "结构设计有创新"));
				actors.as("expert-tj", () -> reviews.review(shanghai.id(), testing.id(),
						Map.of("SOLUTION", 80, "TEAM", 80, "PLAN", 85, "BUDGET", 80), "可操作性强"));
				actors.as("jd-admin", () -> awards.award(shanghai.id(), List.of(new Award(tongji.id(), Money.ofYuan("800000", "amount")),
						new Award(testing.id(), Money.ofYuan("400000", "amount"))), "经专家评审，同济大学微电子封装团队与嘉定检测可靠性团队联合揭榜。"));
				log.info("Demo challenges loaded");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.warn("Demo challenge not decided", ex);
			}
		});
	}
}
