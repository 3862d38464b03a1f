package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.account.Accounts;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * The events API as organisers, people and outsiders meet it: EVENT_FULL with the waiting-list position, who may
 * create, read and move an event, the states registration depends on, check-in, and the follow-ups counted and valued
 * per kind.
 */
@KejiaoIntegrationTest
class EventApiTests {

	@Autowired
	Personas personas;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFullEventAnswersEventFullWithThePositionAndCountsTheWaiting() {
		String id = EventFixture.openEvent(personas.api("jd-admin"), "成果路演（满员）", 1, "310114");
		Http.Response first = personas.api("ent-jd").post("/api/v1/events/" + id + "/registrations", Map.of());
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("state").asString()).isEqualTo("ADMITTED");
		assertThat(first.json().get("organisation").asString()).isNotBlank();
		Http.Response full = personas.api("ent-ws").post("/api/v1/events/" + id + "/registrations",
				Map.of("organisation", "文山铝业", "contact", "0876-1234567", "note", "想了解氧化铝技术"));
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.code()).isEqualTo("EVENT_FULL");
		assertThat(full.json().get("position").asInt()).isEqualTo(1);
		assertThat(full.json().get("detail").asString()).contains("1");
		Http.Response english = personas.api("provider-jd").language("en").post("/api/v1/events/" + id + "/registrations", Map.of());
		assertThat(english.code()).isEqualTo("EVENT_FULL");
		assertThat(english.json().get("position").asInt()).isEqualTo(2);
		assertThat(english.json().get("detail").asString()).contains("waiting list, number 2");
		JsonNode event = Http.api(personas.port()).get("/api/v1/events/" + id).json();
		assertThat(event.get("capacity").asInt()).isEqualTo(1);
		assertThat(event.get("registered").asInt()).isEqualTo(1);
		assertThat(event.get("waiting").asInt()).isEqualTo(2);
		assertThat(Http.api(personas.port()).get("/api/v1/events?state=OPEN").json().findValuesAsString("id")).contains(id);
	}

	@Test
	void organisersManageOthersReadAndOutsidersOfADraftSeeNothing() {
		Http jd = personas.api("jd-admin");
		Map<String, Object> body = EventFixture.body("科技入滇 对接会（草稿）", 50, "310114", "532600");
		Http.Response draft = jd.post("/api/v1/events", body);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		String id = draft.json().get("id").asString();
		assertThat(draft.json().get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.json().get("agenda").size()).isEqualTo(2);
		// a draft: its organisers (and admins above them) see it, nobody else
		assertThat(personas.api("ws-admin").get("/api/v1/events/" + id).status()).isEqualTo(200);
		assertThat(personas.api("sh-admin").get("/api/v1/events/" + id).status()).isEqualTo(200);
		assertThat(personas.api("cq-admin").get("/api/v1/events/" + id).code()).isEqualTo("event.not-found");
		assertThat(personas.api("ent-jd").get("/api/v1/events/" + id).status()).isEqualTo(404);
		assertThat(Http.api(personas.port()).get("/api/v1/events").json().findValuesAsString("id")).doesNotContain(id);
		assertThat(personas.api("ent-jd").post("/api/v1/events/" + id + "/registrations", Map.of()).status()).isEqualTo(404);

		// creating: admins only, their own region among the organisers
		assertThat(personas.api("ent-jd").post("/api/v1/events", body).code()).isEqualTo("event.admins-only");
		Http.Response notOwn = personas.api("cq-admin").post("/api/v1/events", body);
		assertThat(notOwn.status()).isEqualTo(400);
		assertThat(notOwn.code()).isEqualTo("event.organiser-own-region");
		Map<String, Object> backwards = EventFixture.body("倒序", 10, "310114");
		backwards.put("endsAt", LocalDateTime.now(ChinaTime.ZONE).plusDays(1).toString());
		assertThat(jd.post("/api/v1/events", backwards).code()).isEqualTo("event.end-before-start");

		// published: everyone reads it; a co-organiser moves it, an outsider admin may not
		assertThat(personas.api("cq-admin").post("/api/v1/events/" + id + "/state", Map.of("state", "OPEN")).code())
			.isEqualTo("event.not-found");
		Http.Response opened = personas.api("ws-admin").post("/api/v1/events/" + id + "/state", Map.of("state", "OPEN"));
		assertThat(opened.json().get("state").asString()).as(opened.body()).isEqualTo("OPEN");
		assertThat(personas.api("cq-admin").get("/api/v1/events/" + id).json().get("manageable").asBoolean()).isFalse();
		assertThat(personas.api("cq-admin").post("/api/v1/events/" + id + "/state", Map.of("state", "CLOSED")).code())
			.isEqualTo("event.organisers-only");
		assertThat(personas.api("cq-admin").get("/api/v1/events/" + id + "/registrations").status()).isEqualTo(403);
		assertThat(jd.post("/api/v1/events/" + id + "/state", Map.of("state", "HELD")).code()).isEqualTo("event.not-started");

		// registration follows the state
		assertThat(jd.post("/api/v1/events/" + id + "/state", Map.of("state", "CLOSED")).status()).isEqualTo(200);
		assertThat(personas.api("ent-jd").post("/api/v1/events/" + id + "/registrations", Map.of()).code())
			.isEqualTo("event.registration-closed");
		assertThat(Http.api(personas.port()).get("/api/v1/events?state=OPEN").json().findValuesAsString("id")).doesNotContain(id);
		assertThat(jd.post("/api/v1/events/" + id + "/state", Map.of("state", "DRAFT")).code()).isEqualTo("event.state-step");
		assertThat(jd.post("/api/v1/events/" + id + "/state", Map.of("state", "CANCELLED")).json().get("state").asString())
			.isEqualTo("CANCELLED");
	}

	@Test
	void theOrganiserChecksInThoseWithAPlaceAndRecordsWalkIns() throws Exception {
		Http jd = personas.api("jd-admin");
		String id = EventFixture.openEvent(jd, "沪滇 对接会（签到）", 1, "310114");
		List<EventFixture.Person> people = EventFixture.people(accounts, personas, 2);
		String admitted = people.get(0).api().post("/api/v1/events/" + id + "/registrations", Map.of()).json().get("id").asString();
		String waiting = people.get(1).api().post("/api/v1/events/" + id + "/registrations", Map.of()).json()
			.get("registration").get("id").asString();
		String base = "/api/v1/events/" + id + "/registrations/";
		assertThat(people.get(0).api().post(base + admitted + "/check-in", Map.of()).code()).isEqualTo("event.organisers-only");
		assertThat(jd.post(base + waiting + "/check-in", Map.of()).code()).isEqualTo("event.check-in-not-admitted");
		Http.Response checked = jd.post(base + admitted + "/check-in", Map.of());
		assertThat(checked.status()).as(checked.body()).isEqualTo(200);
		assertThat(checked.json().get("checkedInBy").asString()).isEqualTo("jd-admin");
		assertThat(jd.post(base + UUID.randomUUID() + "/check-in", Map.of()).status()).isEqualTo(404);
		Http.Response walkIn = jd.post("/api/v1/events/" + id + "/walk-ins", Map.of("name", "李工", "organisation", "富宁县农业企业"));
		assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
		assertThat(walkIn.json().get("state").asString()).isEqualTo("WALK_IN");
		JsonNode event = jd.get("/api/v1/events/" + id).json();
		assertThat(event.get("checkedIn").asInt()).isEqualTo(2);
		assertThat(event.get("registered").asInt()).as("a walk-in holds no place").isEqualTo(1);
		List<String> found = jd.get("/api/v1/events/" + id + "/registrations?name=" + people.get(1).username()).json()
			.findValuesAsString("id");
		assertThat(found).containsExactly(waiting);
	}

	@Test
	void followUpsAreLinkedBackAndCountedPerKind() {
		Http jd = personas.api("jd-admin");
		String id = EventFixture.openEvent(jd, "科技入滇 对接会（成效）", 100, "310114", "532600");
		String followUps = "/api/v1/events/" + id + "/follow-ups";
		JsonNode contract = null;
		for (JsonNode c : jd.get("/api/v1/contracts?size=100").json().get("items")) {
			if (c.get("title").asString().equals("新能源汽车零部件可靠性检测技术服务")) {
				contract = c;
			}
		}
		assertThat(contract).isNotNull();
		Http.Response linked = jd.post(followUps, Map.of("kind", "CONTRACT", "id", contract.get("id").asString(),
				"note", "对接会上达成意向"));
		assertThat(linked.status()).as(linked.body()).isEqualTo(201);
		assertThat(jd.post(followUps, Map.of("kind", "CONTRACT", "id", contract.get("id").asString())).code())
			.isEqualTo("event.follow-up-duplicate");
		UUID demand = jdbc.sql("select id from demand.demand where state = 'OPEN' order by created_at limit 1").query(UUID.class).single();
		UUID achievement = jdbc.sql("""
				select id from catalog.entry where type = 'ACHIEVEMENT' and state = 'PUBLISHED' order by title limit 1""")
			.query(UUID.class).single();
		Http.Response match = jd.post(followUps, Map.of("kind", "MATCH", "id", demand, "achievementId", achievement));
		assertThat(match.status()).as(match.body()).isEqualTo(201);
		assertThat(match.json().get("title").asString()).contains("↔");
		Http.Response presented = jd.post("/api/v1/events/" + id + "/items", Map.of("kind", "ACHIEVEMENT", "id", achievement));
		assertThat(presented.status()).as(presented.body()).isEqualTo(201);
		assertThat(jd.post("/api/v1/events/" + id + "/items", Map.of("kind", "ACHIEVEMENT", "id", demand)).status())
			.isEqualTo(404);
		assertThat(jd.post(followUps, Map.of("kind", "PROJECT", "id", UUID.randomUUID())).code())
			.isEqualTo("project.not-found");
		// 文山, an organiser, links one of its funded projects: kept with its number, title and funding
		Http ws = personas.api("ws-admin");
		JsonNode project = ws.get("/api/v1/projects").json().get("items").get(0);
		JsonNode full = ws.get("/api/v1/projects/" + project.get("id").asString()).json();
		assertThat(personas.browser("ws-admin").get("/events/" + id + "/console").body()).as("offered by name")
			.contains(full.get("number").asString() + " " + full.get("title").asString());
		Http.Response funded = ws.post(followUps, Map.of("kind", "PROJECT", "id", project.get("id").asString()));
		assertThat(funded.status()).as(funded.body()).isEqualTo(201);
		assertThat(funded.json().get("title").asString()).contains(full.get("number").asString(),
				full.get("title").asString());
		assertThat(funded.json().get("parties").asString()).contains(full.get("lead").get("name").asString());
		assertThat(jd.post(followUps, Map.of("kind", "ORDER", "id", UUID.randomUUID())).code()).isEqualTo("order.not-found");
		assertThat(personas.api("cq-admin").post(followUps, Map.of("kind", "PROJECT", "id", UUID.randomUUID())).code())
			.isEqualTo("event.organisers-only");

		JsonNode produced = Http.api(personas.port()).get(followUps).json();
		assertThat(produced.get("followUps").size()).isEqualTo(3);
		for (JsonNode kind : produced.get("produced")) {
			switch (kind.get("kind").asString()) {
				case "CONTRACT" -> {
					assertThat(kind.get("count").asInt()).isEqualTo(1);
					assertThat(kind.get("value").asString()).isEqualTo(contract.get("value").asString());
				}
				case "MATCH" -> assertThat(kind.get("count").asInt()).isEqualTo(1);
				case "PROJECT" -> {
					assertThat(kind.get("count").asInt()).isEqualTo(1);
					assertThat(kind.get("value").asString()).isEqualTo(full.get("funding").asString());
				}
				default -> assertThat(kind.get("count").asInt()).isZero();
			}
		}
		assertThat(Http.api(personas.port()).get("/api/v1/events/" + id + "/items").json().get(0).get("kind").asString())
			.isEqualTo("ACHIEVEMENT");
	}

	@Test
	void anEventWhoseRegistrationOpensLaterSaysWhenAndTakesNoRegistrationBefore() {
		Http jd = personas.browser("jd-admin");
		LocalDateTime start = LocalDateTime.now(ChinaTime.ZONE).plusDays(30).withHour(9).withMinute(0).withSecond(0).withNano(0);
		String title = "长三角 成果路演（预告）" + UUID.randomUUID().toString().substring(0, 6);
		Http.Response created = jd.submitForm("/events/new", "/events", Map.of("kind", "ROADSHOW", "title", title,
				"startsAt", start.toString(), "endsAt", start.plusHours(8).toString(), "place", "嘉定科技城会议中心",
				"capacity", "50", "registrationOpensAt", start.minusDays(10).toString(),
				"registrationClosesAt", start.minusDays(1).toString(), "open", "on"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String id = created.location().replaceAll(".*/events/([0-9a-f-]{36}).*", "$1");
		String page = personas.browser("ent-ws").get("/events/" + id).body();
		assertThat(page).contains("报名开始", start.minusDays(10).toLocalDate().toString());
		assertThat(personas.api("ent-ws").post("/api/v1/events/" + id + "/registrations", Map.of()).code())
			.as("not open yet").isEqualTo("event.registration-closed");
	}
}
