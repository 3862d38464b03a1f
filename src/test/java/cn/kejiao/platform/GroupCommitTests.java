package cn.kejiao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.database.GroupCommit;
import cn.kejiao.platform.database.GroupCommit.Result;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * Steps of many callers committed together: each caller gets its own outcome, after the commit; a batch that
 * fails as a whole costs no caller its step but the one at fault.
 */
@KejiaoIntegrationTest
class GroupCommitTests {

	/** A job: a row to insert; "refuse-…" is refused by a rule, "blocker" holds the worker until released. */
	record Job(String key, String value) {
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final List<List<String>> batches = new CopyOnWriteArrayList<>();
	final CountDownLatch release = new CountDownLatch(1);
	GroupCommit<Job, String> commits;

	@BeforeEach
	void table() {
		jdbc.execute("create table if not exists public.group_commit_test (value text primary key, key text not null)");
		jdbc.execute("truncate public.group_commit_test");
	}

	@AfterEach
	void close() {
		release.countDown();
		if (commits != null) {
			commits.close();
		}
	}

	GroupCommit<Job, String> commits(int workers) {
		commits = new GroupCommit<>("test-steps", transactions, workers, 64, Job::key, this::take);
		commits.start();
		return commits;
	}

	private List<Result<String>> take(List<Job> jobs) {
		batches.add(jobs.stream().map(Job::value).toList());
		List<Result<String>> results = new ArrayList<>();
		for (Job job : jobs) {
			if (job.value().equals("blocker")) {
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (job.value().startsWith("refuse")) {
				results.add(Result.refused(KejiaoException.conflict("test.refused", job.value())));
				continue;
			}
			// a value already there fails the whole batch (a primary key violation)
			jdbc.update("insert into public.group_commit_test (value, key) values (?, ?)", job.value(), job.key());
			results.add(Result.of(job.value() + " by " + Thread.currentThread().getName()));
		}
		return results;
	}

	private List<String> committed() {
		return jdbc.queryForList("select value from public.group_commit_test order by value", String.class);
	}

	@Test
	void manyCallersShareCommitsAndEachGetsItsOwnOutcome() throws Exception {
		GroupCommit<Job, String> steps = commits(2);
		List<Future<String>> futures = new ArrayList<>();
		try (ExecutorService callers = Executors.newFixedThreadPool(32)) {
			for (int i = 0; i < 400; i++) {
				String value = (i % 10 == 0 ? "refuse-" : "v-") + String.format("%03d", i);
				futures.add(callers.submit(() -> steps.submit(new Job("k-" + value, value))));
			}
		}
		int refused = 0;
		for (int i = 0; i < futures.size(); i++) {
			Future<String> future = futures.get(i);
			if (i % 10 == 0) {
				refused++;
				assertThatThrownBy(future::get).hasCauseInstanceOf(KejiaoException.class);
			}
			else {
				assertThat(future.get()).startsWith(String.format("v-%03d by test-steps-", i));
			}
		}
		assertThat(refused).isEqualTo(40);
		assertThat(committed()).hasSize(360).allMatch(value -> value.startsWith("v-"));
		long[] counts = steps.counts();
		assertThat(counts[1]).isEqualTo(400);
		assertThat(counts[0]).as("batches for 400 jobs of 32 callers").isLessThan(200);
	}

	@Test
	void aBatchThatFailsAsAWholeRunsItsJobsAloneAndOnlyTheFaultyOneFails() throws Exception {
		jdbc.update("insert into public.group_commit_test (value, key) values ('taken', 'x')");
		GroupCommit<Job, String> steps = commits(1);
		try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
			List<Future<String>> queued = behindABlocker(steps, callers, List.of("a", "b2", "taken", "c", "refuse-d"),
					value -> "k-" + value);
			release.countDown();
			assertThat(queued.get(0).get()).startsWith("blocker");
			assertThat(queued.get(1).get()).startsWith("a by");
			assertThat(queued.get(2).get()).startsWith("b2 by");
			assertThatThrownBy(queued.get(3)::get).hasCauseInstanceOf(DataAccessException.class);
			assertThat(queued.get(4).get()).startsWith("c by");
			assertThatThrownBy(queued.get(5)::get).cause().isInstanceOf(KejiaoException.class)
				.extracting(ex -> ((KejiaoException) ex).code()).isEqualTo("test.refused");
		}
		assertThat(batches.get(1)).as("the queued jobs were taken together").containsExactly("a", "b2", "taken", "c", "refuse-d");
		assertThat(batches.subList(2, batches.size())).as("then each alone")
			.containsExactly(List.of("a"), List.of("b2"), List.of("taken"), List.of("c"), List.of("refuse-d"));
		assertThat(committed()).containsExactly("a", "b2", "blocker", "c", "taken");
	}

	@Test
	void jobsWithTheSameKeyNeverShareABatch() throws Exception {
		GroupCommit<Job, String> steps = commits(1);
		try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
			List<Future<String>> queued = behindABlocker(steps, callers, List.of("one-1", "two-1", "one-2", "one-3", "two-2"),
					value -> value.substring(0, 3));
			release.countDown();
			for (Future<String> future : queued) {
				assertThat(future.get()).contains(" by test-steps-1");
			}
		}
		for (List<String> batch : batches) {
			List<String> keys = batch.stream().map(value -> value.substring(0, 3)).toList();
			assertThat(keys).doesNotHaveDuplicates();
		}
		assertThat(batches.get(1)).containsExactly("one-1", "two-1");
		assertThat(committed()).containsExactly("blocker", "one-1", "one-2", "one-3", "two-1", "two-2");
	}

	/**
	 * Holds the only worker with a job that waits for {@link #release}, then queues a job for each value behind
	 * it, one after the other; the jobs' futures, the blocker's first.
	 */
	private List<Future<String>> behindABlocker(GroupCommit<Job, String> steps, ExecutorService callers,
			List<String> values, Function<String, String> key) throws InterruptedException {
		List<Future<String>> futures = new ArrayList<>();
		futures.add(callers.submit(() -> steps.submit(new Job("b", "blocker"))));
		while (batches.isEmpty()) {
			Thread.sleep(5);
		}
		for (String value : values) {
			futures.add(callers.submit(() -> steps.submit(new Job(key.apply(value), value))));
			while (steps.waiting() < futures.size() - 1) {
				Thread.sleep(5);
			}
		}
		return futures;
	}

	@Test
	void aCallerInATransactionRunsItsJobInThatTransaction() {
		GroupCommit<Job, String> steps = commits(1);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(steps.submit(new Job("k", "inside"))).isEqualTo("inside by " + Thread.currentThread().getName());
			status.setRollbackOnly();
		});
		assertThat(committed()).isEmpty();
		assertThat(steps.counts()[0]).isZero();
	}

	@Test
	void afterCloseJobsRunOnTheCallersThread() {
		GroupCommit<Job, String> steps = commits(2);
		assertThat(steps.submit(new Job("k", "before"))).startsWith("before by test-steps-");
		steps.close();
		assertThat(steps.submit(new Job("k", "after"))).isEqualTo("after by " + Thread.currentThread().getName());
		assertThat(committed()).containsExactly("after", "before");
	}
}
