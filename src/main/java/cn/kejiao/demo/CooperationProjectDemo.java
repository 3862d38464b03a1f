package cn.kejiao.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.kejiao.account.Accounts;
import cn.kejiao.cooperation.CommissionView;
import cn.kejiao.cooperation.Commissions;
import cn.kejiao.cooperation.LandingMode;
import cn.kejiao.cooperation.OutcomeKind;
import cn.kejiao.cooperation.ProjectMilestones;
import cn.kejiao.cooperation.ProjectOutcomes;
import cn.kejiao.cooperation.ProjectQuery;
import cn.kejiao.cooperation.ProjectStage;
import cn.kejiao.cooperation.ProjectView;
import cn.kejiao.cooperation.AgreementSummary;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.TimeShift;

/**
 * 文山州's funded projects and S&T commissioners, replayed through the facades at the times they happened: thirty
 * projects of 文山州科技局 ({@code ws-admin}, 532600), some funded jointly with 云南省 (530000), on 绿色铝, 三七,
 * 乡村振兴 and other chains, at every stage, their milestones delivered by the lead ({@code provider-yn} or
 * {@code ent-ws}) and accepted or sent back, some overdue; the 低品位铝土矿生产氧化铝技术 project landed at
 * 文山绿色铝材氧化铝有限公司 by licence; and two commissioners in 富宁县 (532628), {@code expert-sh} serving a village's
 * 三七 growers and {@code expert-tj} the county, with their service logs and the village's rating. Once: a later
 * start finds 文山's projects and does nothing.
 */
@Component
class CooperationProjectDemo {

	static final String BAUXITE = "低品位铝土矿生产氧化铝技术";

	private static final Logger log = LoggerFactory.getLogger(CooperationProjectDemo.class);

	/** title, chain, lead (username), partners (organisation names, 、), 文山 万元, 云南 万元 (0: alone), months ago it started, months it lasts, stage. */
	private static final String[][] PROJECTS = {
			{ BAUXITE, "绿色铝", "provider-yn", "昆明理工大学、文山绿色铝材氧化铝有限公司", "300", "200", "40", "30", "ACCEPTED" },
			{ "赤泥低碱化与建材化综合利用技术研究", "绿色铝", "ent-ws", "昆明理工大学", "150", "100", "20", "36", "IN_PROGRESS" },
			{ "水电铝全流程碳足迹核算与减排路径研究", "绿色铝", "ent-ws", "上海大学", "80", "0", "14", "24", "IN_PROGRESS" },
			{ "再生铝保级利用与杂质深度去除技术", "绿色铝", "provider-yn", "同济大学", "120", "0", "26", "24", "ACCEPTED" },
			{ "高性能铝合金汽车轻量化部件开发", "绿色铝", "ent-ws", "同济大学、上海嘉定智能汽车科技有限公司", "200", "150", "10", "36", "IN_PROGRESS" },
			{ "铝电解槽智能控制与节能降耗示范", "绿色铝", "ent-ws", "重庆大学", "100", "0", "3", "24", "APPROVED" },
			{ "氧化铝焙烧烟气余热回收利用技术", "绿色铝", "ent-ws", "", "60", "0", "30", "18", "TERMINATED" },
			{ "铝灰渣无害化处置与资源回收", "绿色铝", "provider-yn", "云南省产品质量监督检验研究院", "90", "0", "8", "24", "IN_PROGRESS" },
			{ "三七连作障碍消减与生态种植技术集成示范", "三七", "provider-yn", "昆明理工大学", "180", "120", "28", "36", "IN_PROGRESS" },
			{ "三七根腐病绿色防控技术研究与应用", "三七", "provider-yn", "云南省产品质量监督检验研究院", "120", "0", "36", "24", "ACCEPTED" },
			{ "三七总皂苷绿色提取与精制工艺", "三七", "provider-yn", "同济大学", "150", "80", "22", "30", "IN_PROGRESS" },
			{ "三七道地药材质量追溯体系建设", "三七", "provider-yn", "云南省产品质量监督检验研究院", "70", "0", "44", "24", "ACCEPTED" },
			{ "三七茎叶花资源综合开发利用", "三七", "provider-yn", "上海大学", "80", "0", "16", "24", "IN_PROGRESS" },
			{ "三七机械化采收与初加工装备研制", "三七", "provider-yn", "重庆大学", "110", "0", "30", "24", "FAILED" },
			{ "三七新品种选育与种苗标准化繁育", "三七", "provider-yn", "昆明理工大学", "90", "60", "2", "36", "APPROVED" },
			{ "石漠化山区特色经果林高效栽培技术示范", "乡村振兴", "provider-yn", "", "60", "0", "34", "24", "ACCEPTED" },
			{ "富宁县八角林提质增效与深加工技术推广", "乡村振兴", "provider-yn", "", "50", "0", "12", "24", "IN_PROGRESS" },
			{ "文山州农村生活污水低成本处理技术示范", "乡村振兴", "provider-yn", "同济大学", "80", "0", "20", "24", "IN_PROGRESS" },
			{ "高原特色蔬菜冷链保鲜与电商物流技术", "乡村振兴", "provider-yn", "", "60", "40", "5", "24", "APPROVED" },
			{ "脱贫地区肉牛良种繁育与健康养殖技术", "乡村振兴", "provider-yn", "昆明理工大学", "100", "0", "40", "30", "ACCEPTED" },
			{ "文山小粒咖啡精深加工关键技术", "高原特色农业", "provider-yn", "", "70", "0", "18", "24", "IN_PROGRESS" },
			{ "文山辣椒品种改良与加工产业链提升", "高原特色农业", "provider-yn", "上海大学", "60", "0", "32", "18", "TERMINATED" },
			{ "山茶油低温压榨与品质提升技术", "高原特色农业", "provider-yn", "", "40", "0", "46", "24", "ACCEPTED" },
			{ "磷酸铁锂正极材料前驱体制备技术", "新能源电池材料", "ent-ws", "重庆大学", "160", "100", "9", "36", "IN_PROGRESS" },
			{ "电池级高纯氧化铝制备工艺研究", "新能源电池材料", "ent-ws", "昆明理工大学、上海大学", "130", "0", "15", "30", "IN_PROGRESS" },
			{ "锰基储能材料中试与示范应用", "新能源电池材料", "ent-ws", "", "90", "0", "1", "30", "APPROVED" },
			{ "三七血塞通制剂二次开发与质量标准提升", "生物医药", "provider-yn", "同济大学", "140", "100", "38", "30", "ACCEPTED" },
			{ "灯盏花素新剂型研究", "生物医药", "provider-yn", "", "70", "0", "27", "24", "FAILED" },
			{ "文山州科技成果转化服务平台建设", "科技服务", "provider-yn", "上海工业技术研究院", "50", "0", "24", "24", "TERMINATED" },
			{ "中药材重金属快速检测技术与装备", "生物医药", "provider-yn", "云南省产品质量监督检验研究院", "80", "0", "4", "24", "APPROVED" } };

	private final Projects projects;
	private final Agreements agreements;
	private final ProjectMilestones milestones;
	private final ProjectOutcomes outcomes;
	private final Commissions commissions;
	private final Organisations organisations;
	private final Accounts accounts;
	private final DemoActors actors;
	private final Clock clock;

	CooperationProjectDemo(Projects projects, ProjectMilestones milestones, ProjectOutcomes outcomes,
			Commissions commissions, Organisations organisations, Accounts accounts, DemoActors actors, Clock clock,
			Agreements agreements) {
		this.projects = projects;
		this.agreements = agreements;
		this.milestones = milestones;
		this.outcomes = outcomes;
		this.commissions = commissions;
		this.organisations = organisations;
		this.accounts = accounts;
		this.actors = actors;
		this.clock = clock;
	}

	/** The 云南省科技厅–文山州 consultation, if the agreements' demo made it. */
	private @org.jspecify.annotations.Nullable UUID consultation() {
		return actors.as("ws-admin", () -> agreements.list(cn.kejiao.platform.Paging.of(0, 100, 100)).getContent()
			.stream().filter(a -> a.title().equals(CooperationAgreementDemo.WENSHAN)).map(AgreementSummary::id)
			.findFirst().orElse(null));
	}

	void load() {
		try {
			if (actors.as("ws-admin", () -> projects.portfolio(ProjectQuery.ALL)).projects() > 0) {
				return;
			}
			List<OrganisationView> known = organisations.verified(EnumSet.complementOf(EnumSet.of(OrganisationType.GOVERNMENT)));
			int seq = 0;
			for (String[] p : PROJECTS) {
				project(++seq, p, known);
			}
			commissioners();
			log.info("Demo funded projects and S&T commissioners of 文山 loaded");
		}
		catch (RuntimeException ex) {
			log.warn("Demo funded projects not loaded", ex);
		}
	}

	private void project(int seq, String[] p, List<OrganisationView> known) {
		LocalDate today = today();
		LocalDate start = today.minusMonths(Long.parseLong(p[6])).withDayOfMonth(1);
		LocalDate end = start.plusMonths(Long.parseLong(p[7])).minusDays(1);
		ProjectStage stage = ProjectStage.valueOf(p[8]);
		UUID lead = accounts.find(p[2]).orElseThrow().organisationId();
		List<UUID> partners = new ArrayList<>();
		for (String name : p[3].split("、")) {
			known.stream().filter(o -> o.name().equals(name)).findFirst().ifPresent(o -> partners.add(o.id()));
		}
		List<Projects.Funding> funders = new ArrayList<>();
		funders.add(new Projects.Funding("532600", Money.ofYuan(p[4] + "0000", "amount")));
		if (!"0".equals(p[5])) {
			funders.add(new Projects.Funding("530000", Money.ofYuan(p[5] + "0000", "amount")));
		}
		String number = String.format("WSKJ%d-%03d", start.getYear(), seq);
		// jointly funded by the province: carried out under the 厅州会商
		UUID agreement = funders.size() > 1 ? consultation() : null;
		ProjectView project = at(start.minusDays(10), () -> actors.as("ws-admin",
				() -> projects.create(new Projects.NewProject(number, p[0], funders, lead, partners, p[1],
						"文山州科技计划项目，服务" + p[1] + "产业链。", start, end, agreement, null))));
		UUID id = project.id();
		String[][] plan = { { "开题与技术方案论证", "开题报告、技术路线图", "3" },
				{ "关键技术攻关与中试", "中试报告、关键指标检测报告", String.valueOf(Math.max(4, Long.parseLong(p[7]) / 2)) },
				{ "结题验收", "结题报告、经费决算、成果清单", p[7] } };
		if (stage != ProjectStage.APPROVED) {
			at(start, () -> actors.as("ws-admin", () -> projects.changeStage(id, ProjectStage.IN_PROGRESS, "")));
		}
		int n = 0;
		for (String[] m : plan) {
			n++;
			LocalDate due = start.plusMonths(Long.parseLong(m[2])).minusDays(1);
			UUID milestone = at(start.plusDays(1), () -> actors.as("ws-admin",
					() -> milestones.add(id, new ProjectMilestones.NewMilestone(m[0], m[1], due)))).id();
			// how far each milestone went: the closed projects finished theirs; a running one delivers what is due,
			// except every third project, whose due milestone is overdue
			boolean dueNow = due.isBefore(today);
			boolean deliver = dueNow && switch (stage) {
				case ACCEPTED, FAILED -> true;
				case TERMINATED -> n == 1;
				case IN_PROGRESS -> seq % 3 != 0 || n == 1;
				default -> false;
			};
			if (!deliver) {
				continue;
			}
			at(due.minusDays(5), () -> actors.as(p[2], () -> milestones.deliver(id, milestone, m[1] + "已提交。")));
			boolean reject = stage == ProjectStage.FAILED && n == plan.length;
			LocalDate decided = due.plusDays(10);
			if (decided.isBefore(today) && !(stage == ProjectStage.IN_PROGRESS && seq % 4 == 1 && n > 1)) {
				at(decided, () -> actors.as("ws-admin", () -> milestones.decide(id, milestone, !reject,
						reject ? "关键指标未达到任务书要求。" : "符合任务书要求。")));
			}
		}
		LocalDate closed = end.plusDays(20).isBefore(today) ? end.plusDays(20) : today.minusDays(1);
		switch (stage) {
			case ACCEPTED -> at(closed, () -> actors.as("ws-admin",
					() -> projects.changeStage(id, ProjectStage.ACCEPTED, "结题验收通过。")));
			case FAILED -> at(closed, () -> actors.as("ws-admin",
					() -> projects.changeStage(id, ProjectStage.FAILED, "结题验收未通过：关键指标未达到任务书要求。")));
			case TERMINATED -> at(start.plusMonths(6), () -> actors.as("ws-admin",
					() -> projects.changeStage(id, ProjectStage.TERMINATED, "承担单位调整研发方向，经协商终止。")));
			default -> {
			}
		}
		if (stage == ProjectStage.ACCEPTED || stage == ProjectStage.IN_PROGRESS) {
			results(id, p, start, today);
		}
	}

	private void results(UUID id, String[] p, LocalDate start, LocalDate today) {
		LocalDate patent = start.plusMonths(8);
		if (patent.isBefore(today)) {
			at(patent, () -> actors.as(p[2], () -> outcomes.add(id, new ProjectOutcomes.NewOutcome(OutcomeKind.PATENT,
					"发明专利申请：" + p[0].replace("研究", "") + "方法", null, null, null, null))));
		}
		if (p[0].equals(BAUXITE)) {
			at(start.plusMonths(26), () -> {
				actors.as(p[2], () -> outcomes.add(id, new ProjectOutcomes.NewOutcome(OutcomeKind.REVENUE,
						"技术许可与中试产品收入", null, null, Money.ofYuan("4600000", "amount"), null)));
				actors.as(p[2], () -> outcomes.add(id, new ProjectOutcomes.NewOutcome(OutcomeKind.JOBS,
						"氧化铝生产线技术岗位", null, null, null, 36)));
				UUID wenshan = accounts.find("ent-ws").orElseThrow().organisationId();
				return actors.as("ws-admin", () -> outcomes.land(id, new ProjectOutcomes.NewLanding(wenshan,
						LandingMode.LICENCE, "", start.plusMonths(26).withDayOfMonth(15),
						"在马塘工业园区年产 10 万吨氧化铝生产线实施，低品位矿利用率明显提高。")));
			});
		}
	}

	private void commissioners() {
		LocalDate today = today();
		LocalDate from = today.minusMonths(8).withDayOfMonth(1);
		LocalDate to = from.plusYears(1).minusDays(1);
		CommissionView village = at(from.minusDays(5), () -> actors.as("ws-admin", () -> commissions.create(
				new Commissions.NewCommission("expert-sh", CommissionView.ServedKind.VILLAGE, null, "剥隘镇坡皓村", "532628",
						"三七标准化种植与产地初加工", from, to))));
		CommissionView county = at(from.minusDays(5), () -> actors.as("ws-admin", () -> commissions.create(
				new Commissions.NewCommission("expert-tj", CommissionView.ServedKind.COUNTY, null, null, "532628",
						"铝材深加工企业技术诊断与人才培训", from, to))));
		log(village.id(), "expert-sh", from.plusDays(12), CommissionView.LogKind.VISIT, "走访坡皓村三七种植合作社，查看连作地块与根腐病发生情况。", 0);
		log(village.id(), "expert-sh", from.plusDays(40), CommissionView.LogKind.TRAINING, "举办三七病害绿色防控培训班，讲解土壤消毒与轮作。", 46);
		log(village.id(), "expert-sh", from.plusDays(75), CommissionView.LogKind.PROBLEM_SOLVED, "指导合作社改造烘干房，三七初加工含水率达标。", 0);
		log(village.id(), "expert-sh", from.plusDays(130), CommissionView.LogKind.TRAINING, "采收与分级标准现场培训。", 38);
		log(county.id(), "expert-tj", from.plusDays(20), CommissionView.LogKind.VISIT, "走访富宁县铝材加工企业三家，梳理技术需求清单。", 0);
		log(county.id(), "expert-tj", from.plusDays(60), CommissionView.LogKind.TRAINING, "为县内企业技术人员举办铝合金熔铸质量控制培训。", 52);
		log(county.id(), "expert-tj", from.plusDays(100), CommissionView.LogKind.PROBLEM_SOLVED, "协助企业解决铝型材挤压表面缺陷问题。", 0);
		at(from.plusDays(140), () -> actors.as("ws-admin", () -> commissions.rate(village.id(), 5,
				"服务扎实，培训贴近农户需要，合作社三七品质明显提高。")));
	}

	private void log(UUID commission, String expert, LocalDate on, CommissionView.LogKind kind, String text, int trained) {
		if (on.isAfter(today())) {
			return;
		}
		at(on, () -> actors.as(expert, () -> commissions.log(commission,
				new Commissions.NewLogEntry(on, kind, text, trained, null))));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	/** Runs the step at ten in the morning of the day (China time), or now when that is still to come. */
	private <T> T at(LocalDate day, Supplier<T> step) {
		Instant when = day.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();
		return when.isAfter(clock.instant()) ? step.get() : TimeShift.at(when, clock, step);
	}
}
