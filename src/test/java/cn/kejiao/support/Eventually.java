package cn.kejiao.support;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for something that happens after the call that caused it returned: an event listener after commit, an
 * e-mail, a background import. It polls until the probe succeeds or the deadline passes, then fails with the
 * probe's last assertion error (or says it saw nothing), so the report shows what was still wrong.
 */
public final class Eventually {

	private static final Duration POLL = Duration.ofMillis(50);

	private Eventually() {
	}

	/**
	 * The first value the probe gives that is neither {@code null} nor {@code false}; a probe that throws an
	 * {@link AssertionError} is tried again too.
	 */
	public static <T> T await(Duration timeout, Supplier<T> probe) {
		long deadline = System.nanoTime() + timeout.toNanos();
		AssertionError last = null;
		while (true) {
			try {
				T value = probe.get();
				if (value != null && !Boolean.FALSE.equals(value)) {
					return value;
				}
				last = null;
			}
			catch (AssertionError ex) {
				last = ex;
			}
			if (System.nanoTime() - deadline > 0) {
				AssertionError failure = new AssertionError(last == null
						? "nothing arrived within " + timeout.toMillis() + " ms"
						: "still failing after " + timeout.toMillis() + " ms: " + last.getMessage(), last);
				throw failure;
			}
			pause();
		}
	}

	/** Runs the assertions until they pass. */
	public static void await(Duration timeout, Runnable assertions) {
		await(timeout, () -> {
			assertions.run();
			return Boolean.TRUE;
		});
	}

	private static void pause() {
		try {
			Thread.sleep(POLL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting", ex);
		}
	}
}
