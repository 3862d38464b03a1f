package cn.kejiao.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.kejiao.cooperation.AgreementKind;
import cn.kejiao.cooperation.AgreementView;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.AreaTemplate;
import cn.kejiao.cooperation.FigureKind;
import cn.kejiao.cooperation.TaskState;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Paging;

/**
 * Two agreements, made through the facade by the admins who would: the Shanghai–Chongqing framework agreement
 * (上海市科委 and 重庆市科技局, signed 2021-06-03 at the 浦江创新论坛) with its seven areas and two or three tasks
 * each — some done, some in progress with reports, one overdue, several owned by 重庆市科学技术局 so that
 * {@code cq-admin} reports on them — and the minutes of the 云南省科技厅–文山州 consultation (厅州会商) with tasks on
 * green aluminium, 三七 and rural revitalisation. Once: a later start finds the first agreement and does nothing.
 */
@Component
class CooperationAgreementDemo {

	static final String SHANGHAI_CHONGQING = "沪渝科技创新合作框架协议";

	static final String WENSHAN = "云南省科技厅 文山州人民政府 厅州科技会商纪要";

	/** The task of 重庆市科学技术局 in resource sharing that cq-admin reports on in the demo story. */
	static final String CHONGQING_SHARING_TASK = "重庆市大型科研仪器接入沪渝共享服务平台";

	private static final Logger log = LoggerFactory.getLogger(CooperationAgreementDemo.class);

	private final Agreements agreements;
	private final Organisations organisations;
	private final DemoActors actors;
	private final Clock clock;

	CooperationAgreementDemo(Agreements agreements, Organisations organisations, DemoActors actors, Clock clock) {
		this.agreements = agreements;
		this.organisations = organisations;
		this.actors = actors;
		this.clock = clock;
	}

	void load() {
		try {
			boolean done = actors.as("admin", () -> agreements.list(new Paging(0, 100))).getContent().stream()
				.anyMatch(a -> a.title().equals(SHANGHAI_CHONGQING));
			if (!done) {
				shanghaiChongqing();
				wenshan();
				log.info("Demo cooperation agreements loaded");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Demo cooperation agreements not loaded", ex);
		}
	}

	private void shanghaiChongqing() {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		List<Agreements.NewArea> areas = java.util.Arrays.stream(AreaTemplate.values())
			.map(t -> new Agreements.NewArea(t, null, null)).toList();
		AgreementView a = actors.as("sh-admin", () -> agreements.create(new Agreements.NewAgreement(AgreementKind.FRAMEWORK,
				SHANGHAI_CHONGQING, List.of(new AgreementView.Party("310000", "上海市科学技术委员会"),
						new AgreementView.Party("500000", "重庆市科学技术局")),
				LocalDate.of(2021, 6, 3), "浦江创新论坛（上海）", LocalDate.of(2021, 6, 3), LocalDate.of(2026, 6, 2),
				"两地科技部门在科技创新中心建设、关键核心技术攻关、科技成果转化、科技资源共享、人才交流合作、国际科技创新合作交流、"
						+ "优质科普资源共享共用七个方面加强合作，推动成渝地区双城经济圈与长三角一体化联动发展。",
				areas, null)));
		UUID sh = org("上海市科学技术委员会");
		UUID cq = org("重庆市科学技术局");
		UUID tongji = org("同济大学");
		UUID cqu = org("重庆大学");
		UUID cqTesting = org("重庆两江新材料检测中心");
		task(a, AreaTemplate.INNOVATION_CENTRES, "共建沪渝科技创新中心协同机制，召开年度联席会议", sh, LocalDate.of(2022, 6, 30),
				"sh-admin", "已召开 2021、2022 年度联席会议，形成会议纪要。", 100, TaskState.DONE);
		task(a, AreaTemplate.INNOVATION_CENTRES, "西部科学城与张江科学城结对共建创新平台", cq, today.plusMonths(8),
				"cq-admin", "完成首批 3 个平台结对，正在推进联合实验室挂牌。", 60, TaskState.IN_PROGRESS);
		task(a, AreaTemplate.CORE_TECHNOLOGIES, "联合发布汽车芯片与智能网联关键技术攻关榜单", sh, today.plusMonths(5),
				"sh-admin", "已征集技术需求 42 项，形成榜单初稿。", 45, TaskState.IN_PROGRESS);
		task(a, AreaTemplate.CORE_TECHNOLOGIES, "组织两地高校联合承担新材料共性技术攻关", cqu, today.plusMonths(10), null, null, null, null);
		task(a, AreaTemplate.TECHNOLOGY_TRANSFER, "举办沪渝科技成果转化对接会", sh, LocalDate.of(2023, 11, 30),
				"sh-admin", "2023 年 11 月在重庆举办对接会，发布成果 120 项，意向签约 18 项。", 100, TaskState.DONE);
		task(a, AreaTemplate.TECHNOLOGY_TRANSFER, "同济大学成果在渝转化落地示范", tongji, today.plusMonths(12), null, null, null, null);
		task(a, AreaTemplate.RESOURCE_SHARING, CHONGQING_SHARING_TASK, cq, today.plusMonths(4),
				"cq-admin", "首批 86 台（套）大型仪器已完成信息接入，正在对接创新券互认。", 50, TaskState.IN_PROGRESS);
		task(a, AreaTemplate.RESOURCE_SHARING, "两地创新券互认互通试点", sh, today.minusDays(45),
				"sh-admin", "互认规则已起草，待两地财政部门会签。", 70, TaskState.IN_PROGRESS);
		task(a, AreaTemplate.RESOURCE_SHARING, "检测机构跨区域服务清单发布", cqTesting, today.plusMonths(6), null, null, null, null);
		task(a, AreaTemplate.TALENT_EXCHANGE, "互派科技管理干部挂职交流", cq, LocalDate.of(2023, 12, 31),
				"cq-admin", "两批共 12 名干部完成挂职。", 100, TaskState.DONE);
		task(a, AreaTemplate.TALENT_EXCHANGE, "共享评审专家库，互邀专家参与项目评审", sh, today.plusMonths(3),
				"sh-admin", "已互通专家 300 余名，部分专家参加揭榜挂帅评审。", null, TaskState.IN_PROGRESS);
		task(a, AreaTemplate.INTERNATIONAL_COOPERATION, "联合参加浦江创新论坛国际合作专场", sh, LocalDate.of(2022, 10, 31),
				"sh-admin", "在浦江创新论坛设立沪渝合作专场。", 100, TaskState.DONE);
		task(a, AreaTemplate.INTERNATIONAL_COOPERATION, "共建“一带一路”联合实验室", cq, today.plusMonths(14), null, null, null, null);
		task(a, AreaTemplate.SCIENCE_POPULARISATION, "科普场馆资源互联与科普讲解员交流", cq, today.plusMonths(7),
				"cq-admin", "签订科普场馆合作备忘录，互派讲解员 2 批。", 40, TaskState.IN_PROGRESS);
		task(a, AreaTemplate.SCIENCE_POPULARISATION, "联合开展全国科技活动周沪渝科普巡展", sh, LocalDate.of(2024, 5, 31),
				"sh-admin", "巡展已在两地 6 个区县举办。", 100, TaskState.DONE);
	}

	private void wenshan() {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		List<Agreements.NewArea> areas = List.of(
				new Agreements.NewArea(null, "绿色铝产业科技支撑", EnumSet.of(FigureKind.CONTRACTS, FigureKind.DEMAND_MATCHES)),
				new Agreements.NewArea(null, "三七产业科技创新", EnumSet.of(FigureKind.DEMAND_MATCHES, FigureKind.SERVICE_ORDERS)),
				new Agreements.NewArea(null, "科技助力乡村振兴", EnumSet.of(FigureKind.PANEL_EXPERTS)));
		AgreementView a = actors.as("yn-admin", () -> agreements.create(new Agreements.NewAgreement(AgreementKind.CONSULTATION,
				WENSHAN, List.of(new AgreementView.Party("530000", "云南省科学技术厅"),
						new AgreementView.Party("532600", "文山壮族苗族自治州人民政府")),
				LocalDate.of(2022, 4, 22), "文山市", LocalDate.of(2022, 4, 22), LocalDate.of(2026, 12, 31),
				"厅州会商聚焦绿色铝、三七等重点产业和乡村振兴，五年支持科技项目 279 项，并向村镇和企业选派科技特派员。", areas, null)));
		UUID ws = org("文山壮族苗族自治州科学技术局");
		UUID academy = org("云南省科学技术院");
		UUID alumina = org("文山绿色铝材氧化铝有限公司");
		UUID kust = org("昆明理工大学");
		task(a, "绿色铝产业科技支撑", "低品位铝土矿生产氧化铝技术攻关与示范", alumina, today.plusMonths(9),
				"ws-admin", "中试线完成调试，氧化铝回收率达到预期指标。", 65, TaskState.IN_PROGRESS);
		task(a, "绿色铝产业科技支撑", "赤泥综合利用技术评估", kust, LocalDate.of(2024, 9, 30),
				"yn-admin", "完成评估报告并通过专家论证。", 100, TaskState.DONE);
		task(a, "三七产业科技创新", "三七连作障碍防控技术集成推广", academy, today.plusMonths(6),
				"yn-admin", "在砚山、文山两地建立示范基地 2 个。", null, TaskState.IN_PROGRESS);
		task(a, "三七产业科技创新", "三七道地药材质量标准体系建设", ws, today.plusMonths(11), null, null, null, null);
		task(a, "科技助力乡村振兴", "向富宁县选派科技特派员服务村镇和企业", ws, today.plusMonths(2),
				"ws-admin", "已选派科技特派员 2 名，驻点开展技术指导。", 30, TaskState.IN_PROGRESS);
	}

	private void task(AgreementView agreement, AreaTemplate area, String title, UUID owner, LocalDate due,
			@Nullable String reporter, @Nullable String report, @Nullable Integer percent, @Nullable TaskState state) {
		task(agreement, area.chineseName(), title, owner, due, reporter, report, percent, state);
	}

	private void task(AgreementView agreement, String areaName, String title, UUID owner, LocalDate due,
			@Nullable String reporter, @Nullable String report, @Nullable Integer percent, @Nullable TaskState state) {
		UUID area = agreement.areas().stream().filter(a -> a.name().equals(areaName)).findFirst().orElseThrow().id();
		String editor = agreement.partyRegions().contains("500000") ? "sh-admin" : "yn-admin";
		AgreementView.Task task = actors.as(editor,
				() -> agreements.addTask(agreement.id(), new Agreements.NewTask(area, title, owner, due)));
		if (reporter != null && report != null) {
			actors.as(reporter, () -> agreements.report(agreement.id(), task.id(),
					new Agreements.ProgressReport(report, percent, null, state, List.of())));
		}
	}

	private UUID org(String name) {
		Set<OrganisationType> all = EnumSet.allOf(OrganisationType.class);
		return organisations.verified(all).stream().filter(o -> o.name().equals(name)).map(OrganisationView::id)
			.findFirst().orElseThrow(() -> new IllegalStateException("demo organisation missing: " + name));
	}
}
