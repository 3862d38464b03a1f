package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.account.Accounts;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * A hundred people register at once over HTTP for twenty places: exactly twenty are admitted (the answers and an
 * independent SQL count agree), the other eighty get 409 EVENT_FULL with waiting-list positions 1..80 without gap or
 * repeat, and those positions follow the order in which the registrations took the event's lock (their arrival
 * numbers): everyone admitted arrived before everyone waiting.
 */
@KejiaoIntegrationTest
class EventRegistrationConcurrencyTests {

	@Autowired
	Personas personas;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBurstOfAHundredForTwentyPlacesAdmitsTwentyAndQueuesEightyInArrivalOrder() throws Exception {
		String eventId = EventFixture.openEvent(personas.api("jd-admin"), "科技入滇 对接会（并发）", 20, "310114", "532600");
		List<EventFixture.Person> people = EventFixture.people(accounts, personas, 100);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Http.Response>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (EventFixture.Person person : people) {
				answers.add(pool.submit(() -> {
					start.await();
					return person.api().post("/api/v1/events/" + eventId + "/registrations",
							Map.of("organisation", "上海嘉定企业", "note", "并发报名"));
				}));
			}
			start.countDown();
		}
		int admitted = 0;
		Map<UUID, Integer> answeredPositions = new HashMap<>();
		for (Future<Http.Response> future : answers) {
			Http.Response answer = future.get();
			if (answer.status() == 201) {
				admitted++;
				assertThat(answer.json().get("state").asString()).isEqualTo("ADMITTED");
				continue;
			}
			assertThat(answer.status()).as(answer.body()).isEqualTo(409);
			assertThat(answer.code()).isEqualTo("EVENT_FULL");
			JsonNode registration = answer.json().get("registration");
			assertThat(registration.get("state").asString()).isEqualTo("WAITING");
			int position = answer.json().get("position").asInt();
			assertThat(registration.get("position").asInt()).isEqualTo(position);
			answeredPositions.put(UUID.fromString(registration.get("id").asString()), position);
		}
		assertThat(admitted).as("201 answers").isEqualTo(20);
		assertThat(answeredPositions.values()).as("positions answered, gapless")
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 80).boxed().toList());

		UUID event = UUID.fromString(eventId);
		assertThat(jdbc.sql("select count(*) from cooperation.event_registration where event_id = :e and state = 'ADMITTED'")
			.param("e", event).query(Integer.class).single()).as("admitted, by SQL").isEqualTo(20);
		assertThat(jdbc.sql("select count(*) from cooperation.event_registration where event_id = :e and state = 'WAITING'")
			.param("e", event).query(Integer.class).single()).as("waiting, by SQL").isEqualTo(80);
		assertThat(jdbc.sql("select count(distinct user_id) from cooperation.event_registration where event_id = :e")
			.param("e", event).query(Integer.class).single()).as("one registration per person").isEqualTo(100);
		// arrival order is lock order: the admitted took the lock first, and the waiting positions follow arrival
		long lastAdmitted = jdbc.sql("select max(arrival) from cooperation.event_registration where event_id = :e and state = 'ADMITTED'")
			.param("e", event).query(Long.class).single();
		List<UUID> waitingByArrival = jdbc.sql("""
				select id from cooperation.event_registration where event_id = :e and state = 'WAITING' order by arrival""")
			.param("e", event).query(UUID.class).list();
		long firstWaiting = jdbc.sql("select min(arrival) from cooperation.event_registration where event_id = :e and state = 'WAITING'")
			.param("e", event).query(Long.class).single();
		assertThat(lastAdmitted).isLessThan(firstWaiting);
		for (int i = 0; i < waitingByArrival.size(); i++) {
			assertThat(answeredPositions.get(waitingByArrival.get(i))).as("position of the %d-th to arrive among the waiting", i + 1)
				.isEqualTo(i + 1);
		}
		List<java.sql.Timestamp> registeredAt = jdbc.sql("""
				select registered_at from cooperation.event_registration where event_id = :e order by arrival""")
			.param("e", event).query(java.sql.Timestamp.class).list();
		assertThat(registeredAt).as("registration times follow arrival").isSorted();

		JsonNode view = personas.api("ent-ws").get("/api/v1/events/" + eventId).json();
		assertThat(view.get("capacity").asInt()).isEqualTo(20);
		assertThat(view.get("registered").asInt()).isEqualTo(20);
		assertThat(view.get("waiting").asInt()).isEqualTo(80);
		assertThat(view.get("placesLeft").asInt()).isZero();
	}
}
