package cn.kejiao.support;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every test of the shared context, the clock shows the system time again, whatever the test did to it. A
 * test that moved the clock forward told people things "in the future": once what it set going has been delivered,
 * those notices are brought back to the present, as time never runs backwards outside the tests, so that a later
 * test finds its own notice first among a persona's newest.
 */
final class ResetClock implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		MutableClock clock = application.getBean(MutableClock.class);
		if (!clock.ahead()) {
			clock.reset();
			return;
		}
		JdbcClient jdbc = application.getBean(JdbcClient.class);
		Instant until = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(until) && jdbc.sql(
				"select count(*) from platform.event_publication where completion_date is null and publication_date > now() - interval '1 minute'")
			.query(Long.class).single() > 0) {
			sleep();
		}
		clock.reset();
		jdbc.sql("update notification.notice set created_at = now() where created_at > now()").update();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
