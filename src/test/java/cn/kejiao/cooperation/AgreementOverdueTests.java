package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.support.Eventually;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * A task whose due date passed while open is flagged once, however many sweeps run and however they overlap (as on
 * several nodes): its owner organisation's members and the parties' admins are each told once; a task done in time
 * or suspended is not flagged.
 */
@KejiaoIntegrationTest
class AgreementOverdueTests {

	@Autowired
	Personas personas;

	@Autowired
	Agreements agreements;

	@Autowired
	TaskOverdueSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOverdueTaskIsFlaggedOnceToItsOwnerAndThePartiesAdminsEvenWhenSweepsOverlap() throws Exception {
		AgreementView agreement = personas.as("sh-admin", () -> agreements.create(new Agreements.NewAgreement(
				AgreementKind.COOPERATION, "沪滇逾期测试 " + Markers.digits(6),
				List.of(new AgreementView.Party("310000", "上海市科委"), new AgreementView.Party("530000", "云南省科技厅")),
				LocalDate.of(2024, 1, 1), "上海", null, null, null,
				List.of(new Agreements.NewArea(AreaTemplate.RESOURCE_SHARING, null, null)), null)));
		UUID area = agreement.areas().getFirst().id();
		UUID academy = personas.actor("provider-yn").organisationId();
		LocalDate yesterday = agreements.today().minusDays(1);
		AgreementView.Task late = personas.as("sh-admin", () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area, "逾期的任务", academy, yesterday)));
		AgreementView.Task done = personas.as("sh-admin", () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area, "按时完成的任务", academy, yesterday)));
		personas.as("provider-yn", () -> agreements.report(agreement.id(), done.id(),
				new Agreements.ProgressReport("完成", 100, null, TaskState.DONE, List.of())));
		AgreementView.Task later = personas.as("sh-admin", () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area, "未到期的任务", academy, agreements.today().plusDays(1))));

		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> sweeps = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sweeps.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return sweep.flag(agreement.id());
			}));
		}
		start.countDown();
		int flagged = 0;
		for (CompletableFuture<Integer> s : sweeps) {
			flagged += s.get();
		}
		flagged += sweep.flag(agreement.id());
		assertThat(flagged).as("flagged once across overlapping sweeps").isEqualTo(1);

		AgreementView after = personas.as("sh-admin", () -> agreements.get(agreement.id()));
		assertThat(after.task(late.id()).overdueFlaggedAt()).isNotNull();
		assertThat(after.task(done.id()).overdueFlaggedAt()).isNull();
		assertThat(after.task(later.id()).overdueFlaggedAt()).isNull();

		UUID owner = personas.actor("provider-yn").userId();
		UUID shAdmin = personas.actor("sh-admin").userId();
		UUID ynAdmin = personas.actor("yn-admin").userId();
		Map<UUID, Long> perUser = Eventually.await(Duration.ofSeconds(15), () -> {
			Map<UUID, Long> counts = noticesPerUser(late.id());
			assertThat(counts).containsKeys(owner, shAdmin, ynAdmin);
			return counts;
		});
		assertThat(perUser.values()).as("each told once").allMatch(n -> n == 1);
		assertThat(noticesPerUser(done.id())).isEmpty();
		sweep.flag(agreement.id());
		Thread.sleep(300);
		assertThat(noticesPerUser(late.id())).isEqualTo(perUser);
		assertThat(jdbc.sql("select message from notification.notice where user_id = :u and link like :l")
			.param("u", owner).param("l", "%" + late.id()).query(String.class).single())
			.isEqualTo("agreement-task-overdue");
		assertThat(jdbc.sql("select message from notification.notice where user_id = :u and link like :l")
			.param("u", ynAdmin).param("l", "%" + late.id()).query(String.class).single())
			.isEqualTo("agreement-task-overdue-party");
		assertThat(jdbc.sql("select title from notification.notice where user_id = :u and link like :l")
			.param("u", owner).param("l", "%" + late.id()).query(String.class).single())
			.isEqualTo("任务“逾期的任务”已逾期");
		assertThat(jdbc.sql("select body from notification.notice where user_id = :u and link like :l")
			.param("u", ynAdmin).param("l", "%" + late.id()).query(String.class).single())
			.contains("逾期的任务", "云南省科学技术院", yesterday.toString());
	}

	private Map<UUID, Long> noticesPerUser(UUID taskId) {
		Map<UUID, Long> counts = new java.util.HashMap<>();
		jdbc.sql("select user_id, count(*) from notification.notice where link like :l group by user_id")
			.param("l", "%#task-" + taskId).query(rs -> {
				counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
			});
		return counts;
	}

	@Test
	void aTaskWhoseDueDateIsMovedIsWatchedAfreshAndFlaggedAgainOnceTheNewDatePasses() throws Exception {
		AgreementView agreement = personas.as("sh-admin", () -> agreements.create(new Agreements.NewAgreement(
				AgreementKind.COOPERATION, "沪滇延期测试 " + Markers.digits(6),
				List.of(new AgreementView.Party("310000", "上海市科委"), new AgreementView.Party("530000", "云南省科技厅")),
				LocalDate.of(2024, 1, 1), "上海", null, null, null,
				List.of(new Agreements.NewArea(AreaTemplate.RESOURCE_SHARING, null, null)), null)));
		UUID area = agreement.areas().getFirst().id();
		UUID academy = personas.actor("provider-yn").organisationId();
		LocalDate today = agreements.today();
		AgreementView.Task task = personas.as("sh-admin", () -> agreements.addTask(agreement.id(),
				new Agreements.NewTask(area, "延期的任务", academy, today.minusDays(3))));
		assertThat(sweep.flag(agreement.id())).isEqualTo(1);

		// the parties agree a new date: no longer overdue, and not flagged until that date passes
		AgreementView.Task moved = personas.as("yn-admin", () -> agreements.changeTask(agreement.id(), task.id(),
				new Agreements.NewTask(area, "延期的任务（第二阶段）", academy, today.plusDays(30))));
		assertThat(moved.overdueFlaggedAt()).isNull();
		assertThat(moved.overdueOn(today)).isFalse();
		assertThat(moved.title()).isEqualTo("延期的任务（第二阶段）");
		assertThat(sweep.flag(agreement.id())).isZero();

		// the new date passes too: flagged again, once, and told again
		personas.as("yn-admin", () -> agreements.changeTask(agreement.id(), task.id(),
				new Agreements.NewTask(area, "延期的任务（第二阶段）", academy, today.minusDays(1))));
		assertThat(sweep.flag(agreement.id()) + sweep.flag(agreement.id())).isEqualTo(1);
		UUID owner = personas.actor("provider-yn").userId();
		assertThat(Eventually.await(Duration.ofSeconds(15), () -> {
			long told = jdbc.sql("select count(*) from notification.notice where user_id = :u and link like :l")
				.param("u", owner).param("l", "%" + task.id()).query(Long.class).single();
			return told == 2 ? told : null;
		})).isEqualTo(2);

		// a reader who does not govern a party may not change it
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> personas.as("jd-admin", () -> agreements.changeTask(
				agreement.id(), task.id(), new Agreements.NewTask(area, "x", academy, today.plusDays(9)))))
			.isInstanceOfSatisfying(cn.kejiao.platform.KejiaoException.class,
					e -> assertThat(e.code()).isEqualTo("agreement.not-editor"));
	}

}
