package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightKind;
import cn.kejiao.insight.InsightReadModel;
import cn.kejiao.insight.KindFigures;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * Tasks flagged overdue by the sweep count in the statistics on the day flagged, by their owner's region; moving a
 * flagged task's due date clears its flag, and the figure with it. Each time the read model, refreshed from the marks
 * the steps left, equals a count over the tasks.
 */
@KejiaoIntegrationTest
class TaskOverdueFactsTests {

	@Autowired
	Personas personas;

	@Autowired
	Agreements agreements;

	@Autowired
	TaskOverdueSweep sweep;

	@Autowired
	InsightReadModel model;

	@Autowired
	InsightFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTaskFlaggedOverdueCountsOnTheDayFlaggedUntilItsDueDateIsMoved() {
		LocalDate today = agreements.today();
		AgreementView agreement = personas.as("sh-admin", () -> agreements.create(new Agreements.NewAgreement(
				AgreementKind.COOPERATION, "沪滇逾期统计 " + Markers.digits(6),
				List.of(new AgreementView.Party("310000", "上海市科委"), new AgreementView.Party("530000", "云南省科技厅")),
				today.minusMonths(3), "上海", null, null, null,
				List.of(new Agreements.NewArea(AreaTemplate.RESOURCE_SHARING, null, null)), null)));
		UUID area = agreement.areas().getFirst().id();
		UUID academy = personas.actor("provider-yn").organisationId();
		AgreementView.Task late = personas.as("sh-admin", () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area, "逾期的共享任务", academy, today.minusDays(2))));
		personas.as("sh-admin", () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area, "另一项逾期任务", academy, today.minusDays(1))));
		assertThat(sweep.flag(agreement.id())).isEqualTo(2);
		model.refresh();
		assertOverdueEqualsTheTasks(today);

		personas.as("sh-admin", () -> agreements.changeTask(agreement.id(), late.id(),
				new Agreements.NewTask(area, "逾期的共享任务", academy, today.plusDays(10))));
		model.refresh();
		assertOverdueEqualsTheTasks(today);
		assertThat(model.check(today.minusYears(1), today.plusMonths(1))).isEmpty();
	}

	private void assertOverdueEqualsTheTasks(LocalDate today) {
		for (String region : List.of("530000", "310000", InsightFigures.NATION)) {
			KindFigures found = figures.figures(region, today, today).stream()
				.filter(f -> f.kind() == InsightKind.TASKS_OVERDUE).findFirst().orElseThrow();
			long counted = jdbc.sql("""
					select count(*) from cooperation.agreement_task
					where (overdue_flagged_at at time zone 'Asia/Shanghai')::date = :today and owner_region like :p""")
				.param("today", today)
				.param("p", InsightFigures.NATION.equals(region) ? "%" : RegionCodes.likePattern(region))
				.query(Long.class).single();
			assertThat(found.served().count()).as(region).isEqualTo(counted);
			assertThat(found.inside().count()).as(region).isEqualTo(counted);
		}
	}
}
