package cn.kejiao.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, so that time-dependent rules can be tested; a step run with
 * {@link TimeShift#at} sees it shifted on its own thread.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return TimeShift.shifting(Clock.systemUTC());
	}
}
