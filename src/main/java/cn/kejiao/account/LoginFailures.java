package cn.kejiao.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrong passwords, counted per typed username and client address together ({@code account.login_failure}):
 * after {@code max-failed-logins} in a row from one address, that address is locked out of that name for
 * {@code lock-duration} — whether the name exists or not, so that the answers are the same for both — while
 * the same user signing in from any other address is not affected. The count stays after the lock ends (the
 * next wrong password locks again) until a successful sign-in from that address clears it. In PostgreSQL, so
 * that every application node sees the same counts.
 */
@Component
class LoginFailures {

	/** What a wrong password did: whether the address is now locked out, and whether that lock is new. */
	record Outcome(boolean locked, boolean newLock, int failures) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final int maxFailures;
	private final Duration lockDuration;

	LoginFailures(JdbcClient jdbc, Clock clock, @Value("${kejiao.security.max-failed-logins:5}") int maxFailures,
			@Value("${kejiao.security.lock-duration:PT15M}") Duration lockDuration) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
	}

	Duration lockDuration() {
		return lockDuration;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public boolean isLocked(String username, String source, Instant now) {
		return jdbc.sql("""
				select count(*) from account.login_failure
				where username = :name and source = :source and locked_until > :now""")
			.param("name", username).param("source", source).param("now", Timestamp.from(now))
			.query(Long.class).single() > 0;
	}

	/**
	 * Counts a wrong password atomically (concurrent guesses cannot slip past the limit) and locks once the
	 * limit is reached. A lock is new on the guess that reaches the limit, or on the first one after a lock
	 * ended; a guess that raced past an existing lock is not a new one.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Outcome fail(String username, String source, Instant now) {
		record Counted(int failures, Instant lockedUntil) {
		}
		Counted counted = jdbc.sql("""
				insert into account.login_failure (username, source, failures, last_failure_at)
				values (:name, :source, 1, :now)
				on conflict (username, source) do update
				set failures = login_failure.failures + 1, last_failure_at = excluded.last_failure_at
				returning failures, locked_until""")
			.param("name", username).param("source", source).param("now", Timestamp.from(now))
			.query((rs, n) -> new Counted(rs.getInt(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
		if (counted.failures() < maxFailures) {
			return new Outcome(false, false, counted.failures());
		}
		jdbc.sql("update account.login_failure set locked_until = :until where username = :name and source = :source")
			.param("until", Timestamp.from(now.plus(lockDuration))).param("name", username).param("source", source)
			.update();
		boolean relockAfterExpiry = counted.lockedUntil() != null && !counted.lockedUntil().isAfter(now);
		return new Outcome(true, counted.failures() == maxFailures || relockAfterExpiry, counted.failures());
	}

	/** A successful sign-in from the address forgets its failures. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username, String source) {
		jdbc.sql("delete from account.login_failure where username = :name and source = :source")
			.param("name", username).param("source", source).update();
	}

	/** The addresses now locked out of the name, with when each lock ends. */
	@Transactional(readOnly = true)
	public java.util.List<Lock> locks(String username, Instant now) {
		return jdbc.sql("""
				select source, failures, locked_until from account.login_failure
				where username = :name and locked_until > :now order by locked_until desc""")
			.param("name", username).param("now", Timestamp.from(now))
			.query((rs, n) -> new Lock(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant())).list();
	}

	/** Forgets every failure and lock of the name, from every address: an admin unlocked it or its password was reset. */
	@Transactional
	public int forget(String username) {
		return jdbc.sql("delete from account.login_failure where username = :name").param("name", username).update();
	}

	/** An address locked out of a name until a time. */
	record Lock(String source, int failures, Instant lockedUntil) {
	}

	/** Counts a day old whose lock (if any) has ended are forgotten, so guessed names do not pile up. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
	@Transactional
	public void forgetOld() {
		Instant now = clock.instant();
		jdbc.sql("""
				delete from account.login_failure
				where last_failure_at < :dayAgo and (locked_until is null or locked_until < :now)""")
			.param("dayAgo", Timestamp.from(now.minus(Duration.ofDays(1)))).param("now", Timestamp.from(now)).update();
	}
}
