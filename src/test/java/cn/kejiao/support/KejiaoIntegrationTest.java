package cn.kejiao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of all integration tests: the real application on a random port, on its own
 * embedded PostgreSQL in target/test-data (wiped at start), with the demo data loaded. Every test class
 * with exactly this annotation shares the context, so the database starts once per test run. The context's
 * clock is a {@link MutableClock}, reset to the system time after every test, and {@link Personas} and
 * {@link EventPublications} are beans.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kejiao.data-dir=target/test-data", "kejiao.embedded-db.clean=true", "kejiao.demo.enabled=true",
		"logging.file.name=target/test-data/logs/kejiao.log", "kejiao.security.max-failed-logins=5", "server.shutdown=immediate", "kejiao.demo.catalog-scale=small",
		"kejiao.demo.catalog-in-background=false", "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
		"kejiao.matching.embeddings.enabled=false",
		// the booking jobs (no-shows, reminders, waiting-list offers) run when a test calls them, not on a schedule
		"kejiao.booking.jobs=false", "kejiao.trading.jobs=false", "kejiao.cooperation.jobs=false", "kejiao.insight.jobs=false" })
@Import(SupportConfiguration.class)
@ExtendWith(ResetClock.class)
public @interface KejiaoIntegrationTest {
}
