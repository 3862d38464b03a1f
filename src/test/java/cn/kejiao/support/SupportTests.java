package cn.kejiao.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.platform.Actors;

/** The fixtures do what their names promise, in the shared context. */
@KejiaoIntegrationTest
class SupportTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	MutableClock mutableClock;

	@Autowired
	Personas personas;

	@Test
	void theApplicationReadsTheTestClockAndAdvancingItMovesTimeForward() {
		assertThat(clock).isSameAs(mutableClock);
		Instant before = clock.instant();
		mutableClock.advance(Duration.ofDays(3));
		assertThat(Duration.between(before, clock.instant())).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
		mutableClock.reset();
		assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void aPersonaActsInProcessAndOverHttp() {
		assertThat(personas.as("ent-ws", () -> Actors.require().username())).isEqualTo("ent-ws");
		assertThat(Actors.current()).isEmpty();
		assertThat(personas.api("ent-ws").get("/api/v1/me").json().get("username").asString()).isEqualTo("ent-ws");
		assertThat(personas.browser("ent-ws").get("/vouchers").status()).isEqualTo(200);
	}

	@Test
	void aNewOrganisationIsVerifiedAndItsUserSignsIn() {
		NewOrganisation.Registered registered = NewOrganisation.enterprise("532628").verified(port);
		var me = registered.api().get("/api/v1/me").json();
		assertThat(me.get("organisationId").asString()).isEqualTo(registered.id().toString());
	}

	@Test
	void aVoucherScenarioEndsWithAConfirmedOrder() {
		VoucherScenario story = VoucherScenario.on(port);
		String grant = story.grant(story.scheme("hu-dian"), "20000", null);
		String order = story.confirmedOrder(grant, "2000", "1000.00");
		assertThat(story.enterprise().get("/api/v1/orders/" + order).json().get("state").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void eventuallyReturnsTheFirstValueAndReportsTheLastFailure() {
		AtomicInteger calls = new AtomicInteger();
		assertThat(Eventually.await(Duration.ofSeconds(5), () -> calls.incrementAndGet() >= 3 ? "done" : null)).isEqualTo("done");
		assertThatThrownBy(() -> Eventually.await(Duration.ofMillis(200), () -> assertThat(1).as("one").isEqualTo(2)))
			.isInstanceOf(AssertionError.class).hasMessageContaining("still failing after 200 ms").hasMessageContaining("one");
	}
}
