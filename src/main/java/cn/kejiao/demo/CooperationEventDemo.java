package cn.kejiao.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.cooperation.EventFollowUps;
import cn.kejiao.cooperation.EventFollowUps.FollowUpKind;
import cn.kejiao.cooperation.ProjectQuery;
import cn.kejiao.cooperation.ProjectStage;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.cooperation.EventFollowUps.ItemKind;
import cn.kejiao.cooperation.EventForm;
import cn.kejiao.cooperation.EventKind;
import cn.kejiao.cooperation.EventRegistrationView;
import cn.kejiao.cooperation.EventRegistrations;
import cn.kejiao.cooperation.EventState;
import cn.kejiao.cooperation.EventView;
import cn.kejiao.cooperation.Events;
import cn.kejiao.demand.DemandView;
import cn.kejiao.demand.Demands;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.TimeShift;
import cn.kejiao.trading.ContractView;
import cn.kejiao.trading.Contracts;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.ServiceOrders;

/**
 * Events of 沪滇 cooperation, through the facades as their organisers and guests would: a 科技入滇 matchmaking session
 * in 嘉定 three weeks ago, replayed at the time it happened ({@link TimeShift}) — registrations, check-ins at the door,
 * the demands and achievements presented, and its follow-ups (a confirmed match, a service order, a contract); an
 * upcoming roadshow open for registration with places left; and a small 三七 working session that is full, with a
 * waiting list. Once: a later start finds the session and does nothing.
 */
@Component
class CooperationEventDemo {

	static final String SESSION = "科技入滇 沪滇科技成果对接会（嘉定）";
	static final String ROADSHOW = "沪滇科技成果路演 · 新能源汽车与新材料专场";
	static final String WORKSHOP = "文山三七产业技术对接小组会";

	private static final Logger log = LoggerFactory.getLogger(CooperationEventDemo.class);

	private final Events events;
	private final EventRegistrations registrations;
	private final EventFollowUps followUps;
	private final Demands demands;
	private final Catalog catalog;
	private final ServiceOrders orders;
	private final Contracts contracts;
	private final Projects projects;
	private final DemoActors actors;
	private final Clock clock;

	CooperationEventDemo(Events events, EventRegistrations registrations, EventFollowUps followUps, Demands demands,
			Catalog catalog, ServiceOrders orders, Contracts contracts, Projects projects, DemoActors actors,
			Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.followUps = followUps;
		this.demands = demands;
		this.catalog = catalog;
		this.orders = orders;
		this.contracts = contracts;
		this.projects = projects;
		this.actors = actors;
		this.clock = clock;
	}

	void load() {
		if (actors.as("jd-admin", () -> events.list(null, null)).stream().anyMatch(e -> e.title().equals(SESSION))) {
			return;
		}
		try {
			session();
			upcoming();
			log.info("Demo cooperation events loaded");
		}
		catch (RuntimeException ex) {
			log.warn("Demo cooperation events not loaded completely", ex);
		}
	}

	/** The matchmaking session in 嘉定, 21 days ago, replayed from its announcement to its follow-ups. */
	private void session() {
		LocalDate day = LocalDate.now(clock.withZone(ChinaTime.ZONE)).minusDays(21);
		Instant start = day.atTime(LocalTime.of(9, 0)).atZone(ChinaTime.ZONE).toInstant();
		Instant end = day.atTime(LocalTime.of(17, 30)).atZone(ChinaTime.ZONE).toInstant();
		EventView event = TimeShift.at(start.minus(Duration.ofDays(14)), clock, () -> actors.as("jd-admin",
				() -> events.create(new EventForm(EventKind.MATCHMAKING, SESSION,
						"“科技入滇”沪滇科技合作系列活动之一：文山州绿色铝、三七等产业链发布技术需求，上海高校院所与检测机构路演科技成果，现场一对一对接。",
						start, end, "上海市嘉定区 嘉定科技城会议中心 二楼多功能厅", null, List.of("310114", "530000", "532600"),
						List.of(new EventForm.AgendaItem("09:00", "开幕致辞", "嘉定区科委、文山州科技局"),
								new EventForm.AgendaItem("09:30", "文山州产业技术需求发布：绿色铝、三七", "文山州科技局"),
								new EventForm.AgendaItem("10:30", "科技成果路演（6 项）", "同济大学、云南省科学技术院等"),
								new EventForm.AgendaItem("14:00", "一对一对接洽谈", ""),
								new EventForm.AgendaItem("16:30", "签约仪式", "")),
						120, null, start.minus(Duration.ofDays(1))), true)));
		UUID id = event.id();
		List<String> guests = List.of("ent-ws", "provider-yn", "expert-sh", "provider-jd", "ent-jd", "yn-admin", "expert-cq",
				"expert-tj");
		for (int i = 0; i < guests.size(); i++) {
			String guest = guests.get(i);
			TimeShift.at(start.minus(Duration.ofDays(10 - i)), clock, () -> actors.as(guest,
					() -> registrations.register(id, new EventRegistrations.Registration(null, null, "希望参加一对一对接"))));
		}
		// one guest could not come and gave the place up
		TimeShift.at(start.minus(Duration.ofDays(2)), clock, () -> actors.as("expert-tj",
				() -> registrations.mine(id).map(r -> registrations.cancel(id, r.id())).orElse(null)));
		List<EventRegistrationView> registered = actors.as("jd-admin", () -> registrations.list(id, null));
		TimeShift.at(start.minus(Duration.ofMinutes(30)), clock, () -> actors.as("jd-admin", () -> {
			registered.stream().filter(r -> !List.of("expert-cq", "expert-tj").contains(r.username()))
				.forEach(r -> registrations.checkIn(id, r.id()));
			return registrations.walkIn(id, "李建国", "富宁县农业科技有限公司");
		}));
		TimeShift.at(end.plus(Duration.ofHours(1)), clock, () -> actors.as("jd-admin", () -> {
			events.move(id, EventState.HELD);
			presented(id);
			return null;
		}));
		TimeShift.at(end.plus(Duration.ofDays(3)), clock, () -> actors.as("jd-admin", () -> {
			followUps(id);
			return null;
		}));
		// 文山, an organiser too, links the 三七 project funded after the session
		TimeShift.at(end.plus(Duration.ofDays(5)), clock, () -> actors.as("ws-admin", () -> {
			projects.portfolio(new ProjectQuery(null, ProjectStage.APPROVED, null, "三七新品种", false)).items().stream()
				.findFirst().ifPresent(project -> quietly(() -> followUps.record(id, FollowUpKind.PROJECT, project.id(),
						null, "对接会上昆明理工大学与云南省科学技术院达成联合申报意向，获文山州立项")));
			return null;
		}));
	}

	private void presented(UUID id) {
		for (DemandView demand : wsDemands()) {
			quietly(() -> followUps.present(id, ItemKind.DEMAND, demand.id(), "文山州科技局发布"));
		}
		for (EntryView achievement : achievements()) {
			quietly(() -> followUps.present(id, ItemKind.ACHIEVEMENT, achievement.id(), "现场路演"));
		}
	}

	private void followUps(UUID id) {
		Optional<DemandView> sanqi = wsDemands().stream().filter(d -> d.title().contains("三七")).findFirst()
			.or(() -> wsDemands().stream().findFirst());
		Optional<EntryView> extraction = achievements().stream().filter(a -> a.title().contains("三七")).findFirst()
			.or(() -> achievements().stream().findFirst());
		if (sanqi.isPresent() && extraction.isPresent()) {
			quietly(() -> followUps.record(id, FollowUpKind.MATCH, sanqi.get().id(), extraction.get().id(),
					"对接会上洽谈，双方确认合作意向"));
		}
		Optional<OrderView> order = orders.orders(Actors.require(), null).stream()
			.filter(o -> o.enterpriseRegion().startsWith("53") && o.providerRegion().startsWith("31")).findFirst();
		order.ifPresent(o -> quietly(() -> followUps.record(id, FollowUpKind.ORDER, o.id(), null, "对接会后文山企业向嘉定检测机构下单")));
		Optional<ContractView> contract = contracts.list(Paging.of(0, 100, 100)).getContent().stream()
			.filter(c -> c.buyer().regionCode().startsWith("53") && c.seller().regionCode().startsWith("31")).findFirst();
		contract.ifPresent(c -> quietly(() -> followUps.record(id, FollowUpKind.CONTRACT, c.id(), null, "对接会签约仪式上签署")));
	}

	/** A link the organiser may not make (an item it cannot read) is left out; the rest of the demo goes on. */
	private static void quietly(java.util.function.Supplier<?> step) {
		try {
			step.get();
		}
		catch (cn.kejiao.platform.KejiaoException ex) {
			log.info("Demo event link left out: {}", ex.code());
		}
	}

	private List<DemandView> wsDemands() {
		return actors.as("ent-ws", () -> demands.list(Actors.require(), null, null, null, true)).stream().limit(2).toList();
	}

	private List<EntryView> achievements() {
		return java.util.stream.Stream.of("provider-yn", "expert-sh")
			.flatMap(owner -> actors.as(owner, () -> catalog.mine(EntryType.ACHIEVEMENT)).stream())
			.filter(e -> e.state().isPublic()).limit(3).toList();
	}

	/** A roadshow in two weeks, open with places left; a small working session that is full, with a waiting list. */
	private void upcoming() {
		LocalDate day = LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(14);
		Instant start = day.atTime(LocalTime.of(14, 0)).atZone(ChinaTime.ZONE).toInstant();
		UUID roadshow = actors.as("sh-admin", () -> events.create(new EventForm(EventKind.ROADSHOW, ROADSHOW,
				"上海高校院所与企业面向云南的科技成果路演，线下与线上同步。每项成果路演 8 分钟、问答 5 分钟。",
				start, start.plus(Duration.ofHours(3)), "上海市嘉定区 同济大学嘉定校区 汽车学院报告厅",
				"https://meeting.example.cn/kejiao-roadshow", List.of("310000", "530000"),
				List.of(new EventForm.AgendaItem("14:00", "开场与规则说明", "上海市科委"),
						new EventForm.AgendaItem("14:10", "汽车零部件电磁兼容快速预测评估方法", "嘉定检测机构"),
						new EventForm.AgendaItem("14:25", "车用轻量化铝合金激光-电弧复合焊接工艺", "同济大学"),
						new EventForm.AgendaItem("15:30", "自由对接", "")),
				60, null, start.minus(Duration.ofDays(1))), true)).id();
		for (String guest : List.of("ent-ws", "provider-yn", "ent-jd")) {
			actors.as(guest, () -> registrations.register(roadshow, new EventRegistrations.Registration(null, null, "")));
		}
		Instant workshop = day.plusDays(3).atTime(LocalTime.of(9, 30)).atZone(ChinaTime.ZONE).toInstant();
		UUID full = actors.as("ws-admin", () -> events.create(new EventForm(EventKind.MATCHMAKING, WORKSHOP,
				"三七种植、加工企业与科研机构小范围座谈，名额有限。", workshop, workshop.plus(Duration.ofHours(3)),
				"云南省文山州 文山三七产业园 会议室", null, List.of("532600"), List.of(), 3, null, null), true)).id();
		for (String guest : List.of("ent-ws", "provider-yn", "expert-cq", "expert-sh", "ent-jd")) {
			actors.as(guest, () -> registrations.register(full, new EventRegistrations.Registration(null, null, "")));
		}
	}
}
