package cn.kejiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * The demo events: the 沪滇 matchmaking session in 嘉定 held three weeks ago with its check-ins, presented items and
 * follow-ups; the roadshow open with places left; the full 三七 session with its waiting list; a second load adds
 * nothing.
 */
@KejiaoIntegrationTest
class CooperationEventDemoTests {

	@Autowired
	CooperationEventDemo demo;

	@Autowired
	Personas personas;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHeldSessionWithWhatItProducedAnOpenRoadshowAndAFullSessionWithAWaitingList() {
		JsonNode all = Http.api(personas.port()).get("/api/v1/events").json();
		JsonNode session = find(all, CooperationEventDemo.SESSION);
		assertThat(session.get("state").asString()).isEqualTo("HELD");
		assertThat(Instant.parse(session.get("endsAt").asString())).isBefore(Instant.now());
		assertThat(session.get("registered").asInt()).isEqualTo(7);
		assertThat(session.get("checkedIn").asInt()).as("six guests and a walk-in").isEqualTo(7);
		assertThat(session.get("organisers").findValuesAsString("regionCode")).containsExactly("310114", "530000", "532600");
		String id = session.get("id").asString();
		assertThat(Http.api(personas.port()).get("/api/v1/events/" + id + "/items").json().size()).isGreaterThanOrEqualTo(2);
		JsonNode produced = Http.api(personas.port()).get("/api/v1/events/" + id + "/follow-ups").json();
		assertThat(produced.get("followUps").findValuesAsString("kind")).contains("CONTRACT", "ORDER", "MATCH", "PROJECT");

		JsonNode open = Http.api(personas.port()).get("/api/v1/events?state=OPEN").json();
		JsonNode roadshow = find(open, CooperationEventDemo.ROADSHOW);
		assertThat(roadshow.get("registered").asInt()).isEqualTo(3);
		assertThat(roadshow.get("placesLeft").asInt()).isEqualTo(57);
		JsonNode workshop = find(open, CooperationEventDemo.WORKSHOP);
		assertThat(workshop.get("placesLeft").asInt()).isZero();
		assertThat(workshop.get("waiting").asInt()).isEqualTo(2);
		assertThat(personas.api("ent-jd").get("/api/v1/events/" + workshop.get("id").asString() + "/registrations/mine")
			.json().get("position").asInt()).isEqualTo(2);

		int before = jdbc.sql("select count(*) from cooperation.event").query(Integer.class).single();
		demo.load();
		assertThat(jdbc.sql("select count(*) from cooperation.event").query(Integer.class).single()).isEqualTo(before);
	}

	private static JsonNode find(JsonNode events, String title) {
		for (JsonNode event : events) {
			if (event.get("title").asString().equals(title)) {
				return event;
			}
		}
		throw new AssertionError("no event " + title + " in " + events);
	}
}
