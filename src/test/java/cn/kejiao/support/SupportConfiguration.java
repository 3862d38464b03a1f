package cn.kejiao.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.kejiao.account.Accounts;
import cn.kejiao.organisation.Organisations;

/** The fixtures that live in the shared test context. */
@TestConfiguration(proxyBeanMethods = false)
class SupportConfiguration {

	/**
	 * In front of the application's own clock bean: being primary, it is the one every {@code Clock} parameter
	 * receives, so production code needs no change for it.
	 */
	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	@Bean
	Personas personas(Accounts accounts, Organisations organisations, Environment environment) {
		return new Personas(accounts, organisations, environment);
	}

	@Bean
	EventPublications eventPublications(JdbcTemplate jdbc) {
		return new EventPublications(jdbc);
	}
}
