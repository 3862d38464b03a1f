package cn.kejiao.platform.database;

import cn.kejiao.platform.TimeShift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the steps of many requests together: each caller hands its job over and waits; a few worker threads
 * take what has queued up meanwhile and run it as one batch in one transaction, so that many steps share a
 * commit and the round trips of doing them one at a time. A caller learns its outcome only after the commit,
 * so what it was told happened is on disk.
 * <p>
 * A batch is all-or-nothing in the database, while each job's outcome is its own: the batch function says
 * for each job what came of it, and refuses a job (a business rule, say) only before writing anything for it.
 * Should the batch fail as a whole (a deadlock, a lost connection, a refusal it found only after writing), every
 * job of it runs again alone, in a transaction of its own, so one bad job never takes the others with it.
 * <p>
 * Two jobs with the same key (on the same order, say) never share a batch. A caller already in a transaction
 * runs its job at once in that transaction. The workers run between the application context's start and stop
 * (a {@link SmartLifecycle}, stopped after the web server has finished its requests); before the start and
 * after the stop, and for a caller running at another time ({@link TimeShift}), jobs run on their callers' threads.
 * @param <J> a job
 * @param <R> what a job gives its caller
 */
public final class GroupCommit<J, R> implements SmartLifecycle, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** The outcome of one job: a value, or the exception its caller gets. */
	public record Result<R>(@Nullable R value, @Nullable RuntimeException error) {

		public static <R> Result<R> of(R value) {
			return new Result<>(value, null);
		}

		public static <R> Result<R> refused(RuntimeException error) {
			return new Result<>(null, error);
		}
	}

	private record Pending<J, R>(J job, CompletableFuture<R> result) {
	}

	private final String name;
	private final TransactionTemplate transactions;
	private final Function<J, Object> key;
	private final Function<List<J>, List<Result<R>>> batch;
	private final int maxBatch;
	private final int workerCount;
	private final LinkedBlockingQueue<Pending<J, R>> queue = new LinkedBlockingQueue<>();
	private final List<Thread> workers = new ArrayList<>();
	private final LongAdder batches = new LongAdder();
	private final LongAdder jobs = new LongAdder();
	private volatile boolean open;

	/**
	 * @param name names the worker threads
	 * @param workers how many batches may run at once
	 * @param maxBatch the most jobs in one batch
	 * @param key what two jobs must not share to be in one batch
	 * @param batch runs jobs in the current transaction; returns an outcome for each, in the order given
	 */
	public GroupCommit(String name, PlatformTransactionManager transactionManager, int workers, int maxBatch,
			Function<J, Object> key, Function<List<J>, List<Result<R>>> batch) {
		if (workers < 1 || maxBatch < 1) {
			throw new IllegalArgumentException("at least one worker and one job per batch");
		}
		this.name = name;
		this.transactions = new TransactionTemplate(transactionManager);
		this.key = key;
		this.batch = batch;
		this.maxBatch = maxBatch;
		this.workerCount = workers;
	}

	/** Starts the workers; until then jobs run on their callers' threads. */
	@Override
	public synchronized void start() {
		if (open) {
			return;
		}
		workers.clear();
		open = true;
		for (int i = 1; i <= workerCount; i++) {
			Thread worker = new Thread(this::work, name + "-" + i);
			worker.setDaemon(true);
			workers.add(worker);
			worker.start();
		}
	}

	@Override
	public boolean isRunning() {
		return open;
	}

	/** Started before the web server takes requests and stopped after it has finished them. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@Override
	public void stop() {
		close();
	}

	/** Runs the job with others and returns its value once committed, or throws what refused it. */
	public R submit(J job) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return unwrap(batch.apply(List.of(job)).getFirst());
		}
		Pending<J, R> pending = new Pending<>(job, new CompletableFuture<>());
		// a step replayed at another time (TimeShift) keeps its time only on its own thread
		if (open && TimeShift.current().isZero()) {
			queue.add(pending);
			// closed meanwhile, and no worker took it: it runs here
			if (open || !queue.remove(pending)) {
				return await(pending.result());
			}
		}
		return unwrap(Objects.requireNonNull(transactions.execute(status -> batch.apply(List.of(job)))).getFirst());
	}

	/** Jobs waiting for a worker. */
	public int waiting() {
		return queue.size();
	}

	/** Batches run and jobs in them since the start: jobs ÷ batches is the mean batch size. */
	public long[] counts() {
		return new long[] { batches.sum(), jobs.sum() };
	}

	/** Runs what has queued up, then stops the workers; later jobs run on their callers' threads. */
	@Override
	public synchronized void close() {
		if (!open) {
			return;
		}
		open = false;
		for (Thread worker : workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		log.info("{}: {} jobs in {} batches", name, jobs.sum(), batches.sum());
	}

	private void work() {
		List<Pending<J, R>> deferred = new ArrayList<>();
		while (open || !queue.isEmpty() || !deferred.isEmpty()) {
			List<Pending<J, R>> next = new ArrayList<>(deferred);
			deferred.clear();
			try {
				if (next.isEmpty()) {
					Pending<J, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					next.add(first);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			Set<Object> keys = new HashSet<>();
			List<Pending<J, R>> taken = new ArrayList<>();
			for (Pending<J, R> pending : next) {
				(keys.add(key.apply(pending.job())) ? taken : deferred).add(pending);
			}
			Pending<J, R> more;
			while (taken.size() < maxBatch && (more = queue.poll()) != null) {
				(keys.add(key.apply(more.job())) ? taken : deferred).add(more);
			}
			run(taken);
		}
	}

	private void run(List<Pending<J, R>> taken) {
		List<J> jobsOfBatch = taken.stream().map(Pending::job).toList();
		List<Result<R>> results;
		try {
			results = Objects.requireNonNull(transactions.execute(status -> {
				List<Result<R>> outcomes = batch.apply(jobsOfBatch);
				if (outcomes.size() != jobsOfBatch.size()) {
					throw new IllegalStateException(outcomes.size() + " outcomes for " + jobsOfBatch.size() + " jobs");
				}
				return outcomes;
			}));
		}
		catch (Throwable ex) {
			if (taken.size() == 1) {
				taken.getFirst().result().completeExceptionally(ex);
				return;
			}
			log.debug("A batch of {} failed as a whole; each job runs again alone", taken.size(), ex);
			taken.forEach(pending -> run(List.of(pending)));
			return;
		}
		batches.increment();
		jobs.add(taken.size());
		for (int i = 0; i < taken.size(); i++) {
			Result<R> result = results.get(i);
			if (result.error() != null) {
				taken.get(i).result().completeExceptionally(result.error());
			}
			else {
				taken.get(i).result().complete(result.value());
			}
		}
	}

	private static <R> R await(CompletableFuture<R> result) {
		try {
			return result.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private static <R> R unwrap(Result<R> result) {
		if (result.error() != null) {
			throw result.error();
		}
		return result.value();
	}
}
