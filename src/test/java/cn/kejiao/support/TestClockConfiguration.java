package cn.kejiao.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts the {@link MutableClock} in front of the application's own clock bean: being primary, it is the one every
 * {@code Clock} parameter receives, so production code needs no change for it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	@Bean
	Personas personas(cn.kejiao.account.Accounts accounts, cn.kejiao.organisation.Organisations organisations,
			org.springframework.core.env.Environment environment) {
		return new Personas(accounts, organisations, environment);
	}
}
