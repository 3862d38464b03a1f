package cn.kejiao.cooperation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.NewUser;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Role;
import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/** Events and people to register for them, made through the API and the account facade as each test needs. */
final class EventFixture {

	static final String PASSWORD = "Event-pass-2026";

	/** A person: their username, e-mail and an API client signed in as them. */
	record Person(String username, String email, Http api) {
	}

	private EventFixture() {
	}

	/** An event that {@code admin} creates with the given places, open for registration, starting in ten days. */
	static String openEvent(Http admin, String title, int capacity, String... organisers) {
		Map<String, Object> body = body(title, capacity, organisers);
		body.put("open", true);
		Http.Response created = admin.post("/api/v1/events", body);
		if (created.status() != 201) {
			throw new AssertionError(created.status() + " " + created.body());
		}
		return created.json().get("id").asString();
	}

	static Map<String, Object> body(String title, int capacity, String... organisers) {
		LocalDateTime start = LocalDateTime.now(ChinaTime.ZONE).plusDays(10).withHour(9).withMinute(0).withSecond(0).withNano(0);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "MATCHMAKING");
		body.put("title", title);
		body.put("summary", "沪滇科技成果对接");
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(8).toString());
		body.put("place", "上海市嘉定区 嘉定科技城会议中心");
		body.put("organisers", List.of(organisers));
		body.put("capacity", capacity);
		body.put("agenda", List.of(Map.of("time", "09:00", "title", "开幕致辞", "speaker", "嘉定区科委"),
				Map.of("time", "10:00", "title", "成果路演", "speaker", "")));
		return body;
	}

	/** {@code count} people of the ent-jd's organisation, each with an account of their own and a token. */
	static List<Person> people(Accounts accounts, Personas personas, int count) throws Exception {
		UUID organisation = accounts.find("ent-jd").orElseThrow().organisationId();
		String marker = Markers.digits(6);
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Person>> made = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String username = "visitor-" + marker + "-" + i;
				made.add(pool.submit(() -> {
					String email = username + "@example.cn";
					accounts.createUser(new NewUser(username, PASSWORD, "参会者" + username.substring(username.lastIndexOf('-') + 1),
							email, ""), organisation, "310114", Set.of(Role.ENTERPRISE));
					return new Person(username, email, Http.as(personas.port(), username, PASSWORD));
				}));
			}
			List<Person> people = new ArrayList<>();
			for (Future<Person> person : made) {
				people.add(person.get());
			}
			return people;
		}
	}

	static Instant soon(Duration after) {
		return Instant.now().plus(after);
	}
}
