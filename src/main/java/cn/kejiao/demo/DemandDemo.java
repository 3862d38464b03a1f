package cn.kejiao.demo;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.demand.CooperationMode;
import cn.kejiao.demand.DemandForm;
import cn.kejiao.demand.DemandPosting;
import cn.kejiao.demand.Demands;
import cn.kejiao.demand.Visibility;
import cn.kejiao.platform.Actors;

/**
 * Technology demands of the regions the platform began with: 文山's alumina maker needs a process for
 * low-grade bauxite, 文山's 三七 (sanqi) chain needs better processing, a 嘉定 enterprise needs sensors for
 * new-energy vehicles, and 重庆's integrated-circuit chain needs packaging and test capacity. Posted once,
 * through the facade, as their authors would.
 */
@Component
class DemandDemo {

	static final String BAUXITE = "低品位铝土矿高效生产氧化铝的工艺技术";

	private static final Logger log = LoggerFactory.getLogger(DemandDemo.class);

	private final Demands demands;
	private final DemandPosting posting;
	private final DemoActors actors;
	private final TransactionTemplate transactions;

	DemandDemo(Demands demands, DemandPosting posting, DemoActors actors, TransactionTemplate transactions) {
		this.demands = demands;
		this.posting = posting;
		this.actors = actors;
		this.transactions = transactions;
	}

	void load() {
		// asked as the poster, of its own demands: the demo demand is visible in its zone only, not to anonymous readers
		boolean posted = actors.as("ent-ws", () -> demands.list(Actors.require(), null, null, null, true)).stream()
			.anyMatch(d -> d.title().equals(BAUXITE));
		if (posted) {
			return;
		}
		transactions.executeWithoutResult(status -> seed());
		log.info("Demo technology demands loaded");
	}

	private void seed() {
		LocalDate inHalfAYear = LocalDate.now().plusMonths(6);
		post("ent-ws", new DemandForm(BAUXITE,
				"我公司以文山本地铝土矿为原料生产冶金级氧化铝。本地矿石铝硅比低（A/S 约 4–5），拜耳法溶出率低、碱耗高、赤泥量大。"
						+ "希望引进低品位铝土矿选矿脱硅或强化溶出的成熟工艺，使氧化铝回收率提高到 80% 以上、吨氧化铝碱耗下降 20%，"
						+ "并配套赤泥综合利用方案。可接受技术转让、许可或联合开发，具备中试场地。",
				"冶金工程", List.of("低品位铝土矿", "氧化铝", "拜耳法", "选矿脱硅", "赤泥"), "3000000.00", inHalfAYear,
				List.of(CooperationMode.TRANSFER, CooperationMode.LICENCE, CooperationMode.JOINT), Visibility.ZONE, "hu-dian",
				false, null, null), true);
		post("ws-admin", new DemandForm("三七精深加工与皂苷高效提取技术",
				"文山州三七产业以原料和初加工为主。产业链急需三七总皂苷高效提取纯化、三七花叶综合利用、"
						+ "质量标准与农残重金属快速检测等技术，以及具备 GMP 条件的中试平台合作，提升精深加工比例。",
				"中药学", List.of("三七", "皂苷", "提取纯化", "中药", "质量检测"), "1500000.00", inHalfAYear,
				List.of(CooperationMode.JOINT, CooperationMode.COMMISSIONED, CooperationMode.CONSULTING), Visibility.PUBLIC, null,
				false, "532600", "三七"), true);
		post("ent-jd", new DemandForm("新能源汽车电池包温度与压力传感器国产化",
				"为新能源汽车电池包开发高精度温度、压力与气体传感器，要求 −40~125 ℃ 工作、精度 ±0.5 ℃、满足车规级 AEC-Q100 可靠性，"
						+ "寻求 MEMS 传感器设计、封装与可靠性试验方面的合作单位。",
				"汽车电子", List.of("新能源汽车", "传感器", "MEMS", "电池包", "可靠性试验"), "2000000.00", inHalfAYear,
				List.of(CooperationMode.JOINT, CooperationMode.COMMISSIONED), Visibility.ZONE, "yrd", true, null, null), true);
		post("cq-admin", new DemandForm("集成电路先进封装与测试能力建设",
				"重庆集成电路产业链在先进封装（Fan-out、SiP）与晶圆级测试方面存在短板，"
						+ "希望与上海的高校、科研院所和检测机构合作，开展封装工艺开发、失效分析与可靠性测试，联合培养工程师。",
				"电子科学与技术", List.of("集成电路", "先进封装", "失效分析", "可靠性测试", "芯片"), null, null,
				List.of(CooperationMode.JOINT, CooperationMode.CONSULTING), Visibility.PUBLIC, null, false, "500000", "集成电路"),
				false);
	}

	private void post(String author, DemandForm form, boolean open) {
		actors.as(author, () -> posting.create(form, open));
	}
}
