package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.support.Eventually;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/**
 * Overdue milestones are flagged once, however often and on however many nodes the sweep runs, and the lead
 * organisation and the funding regions' admins are told once.
 */
@KejiaoIntegrationTest
class ProjectMilestoneSweepTests {

	@Autowired
	Personas personas;

	@Autowired
	Projects projects;

	@Autowired
	ProjectMilestones milestones;

	@Autowired
	ProjectMilestoneSweep sweep;

	@Autowired
	JdbcClient jdbc;

	ProjectFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new ProjectFixture(personas, projects, milestones);
	}

	@Test
	void anOverdueMilestoneIsFlaggedOnceBySweepsRunTwiceAndConcurrently() throws Exception {
		sweep.flagOverdue();
		ProjectView project = fixture.wenshan("逾期节点标记测试", "绿色铝");
		ProjectView.MilestoneView late = fixture.milestone(project.id(), "逾期的中期报告", LocalDate.now().minusDays(2));
		ProjectView.MilestoneView future = fixture.milestone(project.id(), "未到期节点", LocalDate.now().plusDays(30));

		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Callable<Integer> run = () -> {
				start.await();
				return sweep.flagOverdue();
			};
			runs.add(pool.submit(run));
		}
		start.countDown();
		int flagged = 0;
		for (Future<Integer> run : runs) {
			flagged += run.get();
		}
		pool.shutdown();
		assertThat(flagged).as("flagged by the concurrent sweeps together").isGreaterThanOrEqualTo(1);
		assertThat(sweep.flagOverdue()).as("a later sweep flags nothing again").isZero();

		ProjectView seen = personas.as("ws-admin", () -> projects.get(project.id()));
		assertThat(seen.milestones()).filteredOn(m -> m.id().equals(late.id())).singleElement()
			.satisfies(m -> assertThat(m.flaggedAt()).isNotNull());
		assertThat(seen.milestones()).filteredOn(m -> m.id().equals(future.id())).singleElement()
			.satisfies(m -> assertThat(m.flaggedAt()).isNull());

		String link = "/projects/" + project.id();
		Eventually.await(Duration.ofSeconds(15), () -> {
			assertThat(notices(link, "project-milestone-overdue", "ent-ws")).isEqualTo(1);
			assertThat(notices(link, "project-milestone-overdue-admin", "ws-admin")).isEqualTo(1);
		});
		sweep.flagOverdue();
		assertThat(notices(link, "project-milestone-overdue", "ent-ws")).isEqualTo(1);
		assertThat(notices(link, "project-milestone-overdue-admin", "ws-admin")).isEqualTo(1);
	}

	private long notices(String link, String message, String username) {
		return jdbc.sql("""
				select count(*) from notification.notice n join account.user_account u on u.id = n.user_id
				where n.link = :link and n.message = :message and u.username = :username""")
			.param("link", link).param("message", message).param("username", username).query(Long.class).single();
	}
}
