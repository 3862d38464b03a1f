package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.cooperation.AgreementKind;
import cn.kejiao.cooperation.AgreementView;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.AreaTemplate;
import cn.kejiao.cooperation.EventForm;
import cn.kejiao.cooperation.EventKind;
import cn.kejiao.cooperation.EventRegistrationView;
import cn.kejiao.cooperation.EventRegistrations;
import cn.kejiao.cooperation.EventState;
import cn.kejiao.cooperation.EventView;
import cn.kejiao.cooperation.Events;
import cn.kejiao.cooperation.ProjectStage;
import cn.kejiao.cooperation.ProjectView;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.cooperation.TaskState;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * Cooperation as its people do it through the facades: tasks of a 沪滇 agreement reported done (one reopened),
 * a 文山 project funded by 文山 and 云南 started and accepted, events of 文山 opened, cancelled or left as drafts, and
 * people registering and cancelling. The read model's tasks, projects, events and registrations, for each side of
 * several regions and periods, equal counts over the cooperation tables; the read model checks clean; the
 * drill-down lists the same records.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CooperationFactsTests {

	static final List<String> REGIONS = List.of(InsightFigures.NATION, "310000", "530000", "532600", "530100",
			"650000");

	@Autowired
	Personas personas;

	@Autowired
	Agreements agreements;

	@Autowired
	Projects projects;

	@Autowired
	Events events;

	@Autowired
	EventRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InsightReadModel model;

	@Autowired
	InsightFigures figures;

	@Autowired
	CooperationSource source;

	LocalDate today;

	@BeforeAll
	void cooperationTakesPlace() {
		today = LocalDate.now(ChinaTime.ZONE);
		AgreementView agreement = personas.as("sh-admin", () -> agreements.create(new Agreements.NewAgreement(
				AgreementKind.COOPERATION, "沪滇统计测试 " + Markers.digits(6),
				List.of(new AgreementView.Party("310000", "上海市科委"), new AgreementView.Party("530000", "云南省科技厅")),
				today.minusMonths(2), "上海", null, null, null,
				List.of(new Agreements.NewArea(AreaTemplate.RESOURCE_SHARING, null, null)), null)));
		UUID area = agreement.areas().getFirst().id();
		UUID academy = personas.actor("provider-yn").organisationId();
		AgreementView.Task done = personas.as("sh-admin", () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area, "共享平台对接", academy, today.plusDays(30))));
		AgreementView.Task reopened = personas.as("sh-admin", () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area, "联合培训", academy, today.plusDays(30))));
		personas.as("provider-yn", () -> agreements.report(agreement.id(), done.id(),
				new Agreements.ProgressReport("已完成对接", 100, null, TaskState.DONE, List.of())));
		personas.as("provider-yn", () -> agreements.report(agreement.id(), reopened.id(),
				new Agreements.ProgressReport("培训完成", 100, null, TaskState.DONE, List.of())));
		personas.as("provider-yn", () -> agreements.report(agreement.id(), reopened.id(),
				new Agreements.ProgressReport("还需补一期", 80, null, TaskState.IN_PROGRESS, List.of())));

		ProjectView project = personas.as("ws-admin", () -> projects.create(new Projects.NewProject(null,
				"三七深加工统计测试 " + Markers.digits(4),
				List.of(new Projects.Funding("532600", Money.ofYuan("1200000", "a")),
						new Projects.Funding("530000", Money.ofYuan("800000", "a"))),
				personas.actor("ent-ws").organisationId(), List.of(), "", "测试项目", today.minusMonths(1),
				today.plusMonths(12), null, null)));
		personas.as("ws-admin", () -> projects.changeStage(project.id(), ProjectStage.IN_PROGRESS, "开工"));
		personas.as("ws-admin", () -> projects.changeStage(project.id(), ProjectStage.ACCEPTED, "验收通过"));

		EventView held = event("文山成果路演", true);
		EventView cancelled = event("文山对接会（取消）", true);
		event("文山论坛（草稿）", false);
		personas.as("ent-ws", () -> registrations.register(held.id(), new EventRegistrations.Registration(null, null, null)));
		EventRegistrationView leaving = personas.as("provider-jd",
				() -> registrations.register(held.id(), new EventRegistrations.Registration(null, null, null)));
		personas.as("provider-yn",
				() -> registrations.register(held.id(), new EventRegistrations.Registration(null, null, null)));
		personas.as("provider-jd", () -> registrations.cancel(held.id(), leaving.id()));
		personas.as("ws-admin", () -> events.move(cancelled.id(), EventState.CANCELLED));
		model.refresh();
	}

	private EventView event(String title, boolean open) {
		Instant starts = Instant.now().plus(Duration.ofDays(5));
		return personas.as("ws-admin", () -> events.create(new EventForm(EventKind.ROADSHOW, title + Markers.digits(4),
				"统计测试", starts, starts.plus(Duration.ofHours(3)), "文山市", null, List.of("532600"), List.of(), 50,
				null, null), open));
	}

	@Test
	void tasksDoneAndOverdueEqualTheTasksByTheirOwnersRegion() {
		IndependentCounts done = IndependentCounts.of(jdbc, InsightKind.TASKS_DONE, """
				select t.id::text, (r.done at time zone 'Asia/Shanghai')::date, t.owner_region, t.owner_region, 1, 0
				from cooperation.agreement_task t
				join lateral (select min(d.reported_at) as done from cooperation.agreement_task_report d
				              where d.task_id = t.id and d.state = 'DONE'
				                and d.reported_at > coalesce((select max(o.reported_at) from cooperation.agreement_task_report o
				                                              where o.task_id = t.id and o.state <> 'DONE'), '-infinity')) r
				  on true
				where t.state = 'DONE'""");
		assertThat(done.facts()).filteredOn(f -> f.day().equals(today)).isNotEmpty();
		IndependentCounts overdue = IndependentCounts.of(jdbc, InsightKind.TASKS_OVERDUE, """
				select id::text, (overdue_flagged_at at time zone 'Asia/Shanghai')::date, owner_region, owner_region, 1, 0
				from cooperation.agreement_task where overdue_flagged_at is not null""");
		for (IndependentCounts counts : List.of(done, overdue)) {
			compare(counts, "530000", "310000");
		}
	}

	@Test
	void projectsStartedPerFunderAndAcceptedEqualTheProjects() {
		IndependentCounts started = IndependentCounts.of(jdbc, InsightKind.PROJECTS_STARTED, """
				select p.number, (p.created_at at time zone 'Asia/Shanghai')::date, p.lead_region, f.region_code, 1,
				       f.amount_fen
				from cooperation.project p join cooperation.project_funder f on f.project_id = p.id""");
		assertThat(started.facts()).filteredOn(f -> f.day().equals(today) && f.serving().equals("530000"))
			.anyMatch(f -> f.valueFen() == 80_000_000);
		IndependentCounts accepted = IndependentCounts.of(jdbc, InsightKind.PROJECTS_ACCEPTED, """
				select number, (updated_at at time zone 'Asia/Shanghai')::date, lead_region, lead_region, 1, 0
				from cooperation.project where stage = 'ACCEPTED'""");
		assertThat(accepted.facts()).filteredOn(f -> f.day().equals(today)).isNotEmpty();
		compare(started, "532600", "530000");
		compare(accepted, "532600", "530000");
	}

	@Test
	void eventsHeldAndRegistrationsEqualThePublishedEventsAndAdmittedPlaces() {
		IndependentCounts held = IndependentCounts.of(jdbc, InsightKind.EVENTS_HELD, """
				select e.id::text, (e.starts_at at time zone 'Asia/Shanghai')::date, o.region_code, o.region_code, 1, 0
				from cooperation.event e
				join cooperation.event_organiser o on o.event_id = e.id
				  and o.position = (select min(position) from cooperation.event_organiser f where f.event_id = e.id)
				where e.state not in ('DRAFT', 'CANCELLED')""");
		assertThat(held.facts()).filteredOn(f -> f.day().equals(today.plusDays(5)) && f.served().equals("532600"))
			.hasSizeGreaterThanOrEqualTo(1);
		IndependentCounts registered = IndependentCounts.of(jdbc, InsightKind.EVENT_REGISTRATIONS, """
				select r.id::text, (r.registered_at at time zone 'Asia/Shanghai')::date, u.region_code, o.region_code,
				       1, 0
				from cooperation.event_registration r join account.user_account u on u.id = r.user_id
				join cooperation.event_organiser o on o.event_id = r.event_id
				  and o.position = (select min(position) from cooperation.event_organiser f where f.event_id = r.event_id)
				where r.state = 'ADMITTED'""");
		assertThat(registered.facts()).filteredOn(f -> f.day().equals(today) && f.serving().equals("532600"))
			.as("文山's enterprise and 云南's academy; the one who cancelled left").hasSizeGreaterThanOrEqualTo(2);
		compare(held, "532600", "530000");
		compare(registered, "532600", "310000");
	}

	@Test
	void theReadModelAnswersAsTheModulesDo() {
		assertThat(model.check(today.minusYears(1), today.plusMonths(3))).isEmpty();
	}

	private void compare(IndependentCounts counts, String... drilled) {
		for (LocalDate[] period : List.of(new LocalDate[] { today.minusYears(1), today.plusMonths(3) },
				new LocalDate[] { today.minusYears(1), today.minusDays(1) },
				new LocalDate[] { today, today.plusDays(5) })) {
			for (String region : REGIONS) {
				counts.assertFigures(figures, region, period[0], period[1]);
			}
			for (String region : drilled) {
				counts.assertRows(source, region, period[0], period[1]);
			}
		}
	}
}
