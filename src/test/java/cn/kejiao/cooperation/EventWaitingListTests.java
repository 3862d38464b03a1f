package cn.kejiao.cooperation;

import static cn.kejiao.support.Mails.body;
import static cn.kejiao.support.Mails.recipients;
import static cn.kejiao.support.Mails.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import cn.kejiao.account.Accounts;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * A cancellation frees a place: the first on the waiting list is admitted and told, in the application and by
 * e-mail; the others move up one; someone waiting who gives up their place frees none, and the rest still move up.
 */
@KejiaoIntegrationTest
class EventWaitingListTests {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@Autowired
	Personas personas;

	@Autowired
	Accounts accounts;

	@Test
	void aCancellationMovesTheFirstWaitingUpAndTellsThem() throws Exception {
		String title = "沪滇 成果路演（候补）";
		String eventId = EventFixture.openEvent(personas.api("jd-admin"), title, 2, "310114");
		String registrations = "/api/v1/events/" + eventId + "/registrations";
		List<EventFixture.Person> people = EventFixture.people(accounts, personas, 5);
		JsonNode first = register(people.get(0), registrations, 201);
		register(people.get(1), registrations, 201);
		JsonNode waitingOne = register(people.get(2), registrations, 409);
		JsonNode waitingTwo = register(people.get(3), registrations, 409);
		JsonNode waitingThree = register(people.get(4), registrations, 409);
		assertThat(waitingOne.get("position").asInt()).isEqualTo(1);
		assertThat(waitingTwo.get("position").asInt()).isEqualTo(2);
		assertThat(waitingThree.get("position").asInt()).isEqualTo(3);
		assertThat(people.get(0).api().post(registrations, Map.of()).code()).isEqualTo("event.already-registered");

		// someone else may not cancel the registration
		Http.Response foreign = people.get(1).api().post(registrations + "/" + first.get("id").asString() + "/cancel", Map.of());
		assertThat(foreign.status()).isEqualTo(404);

		Http.Response cancelled = people.get(0).api().post(registrations + "/" + first.get("id").asString() + "/cancel", Map.of());
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");

		JsonNode moved = people.get(2).api().get(registrations + "/mine").json();
		assertThat(moved.get("state").asString()).isEqualTo("ADMITTED");
		assertThat(moved.get("position").isNull()).isTrue();
		assertThat(people.get(3).api().get(registrations + "/mine").json().get("position").asInt()).isEqualTo(1);
		assertThat(people.get(4).api().get(registrations + "/mine").json().get("position").asInt()).isEqualTo(2);

		// told in the application and by e-mail, once
		JsonNode notice = Eventually.await(Duration.ofSeconds(10), () -> {
			for (JsonNode n : people.get(2).api().get("/api/v1/notifications").json()) {
				if (n.get("title").asString().contains(title)) {
					return n;
				}
			}
			return null;
		});
		assertThat(notice.get("title").asString()).contains("递补");
		assertThat(notice.get("link").asString()).isEqualTo("/events/" + eventId);
		MimeMessage mail = Eventually.await(Duration.ofSeconds(10), () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains(people.get(2).email())).filter(m -> subject(m).contains(title))
			.findFirst().orElse(null));
		assertThat(body(mail)).contains("嘉定科技城会议中心");
		assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipients(m).contains(people.get(3).email())))
			.as("the one still waiting is not told").isEmpty();

		// the second waiting gives up: no place freed, the last moves up
		Http.Response gaveUp = people.get(3).api().post(registrations + "/" + waitingTwo.get("registration").get("id").asString()
				+ "/cancel", Map.of());
		assertThat(gaveUp.status()).isEqualTo(200);
		assertThat(people.get(4).api().get(registrations + "/mine").json().get("position").asInt()).isEqualTo(1);
		JsonNode event = people.get(4).api().get("/api/v1/events/" + eventId).json();
		assertThat(event.get("registered").asInt()).isEqualTo(2);
		assertThat(event.get("waiting").asInt()).isEqualTo(1);

		// and may register again after cancelling: at the end of the line
		JsonNode again = register(people.get(0), registrations, 409);
		assertThat(again.get("position").asInt()).isEqualTo(2);
	}

	@Test
	void cancellingAnEventTellsEveryoneAdmittedOrWaitingAndNobodyWhoHadGivenUp() throws Exception {
		String title = "三七产业技术路演（取消）";
		Http jd = personas.api("jd-admin");
		String eventId = EventFixture.openEvent(jd, title, 1, "310114");
		String registrations = "/api/v1/events/" + eventId + "/registrations";
		List<EventFixture.Person> people = EventFixture.people(accounts, personas, 3);
		register(people.get(0), registrations, 201);
		register(people.get(1), registrations, 409);
		JsonNode gaveUp = register(people.get(2), registrations, 409);
		assertThat(people.get(2).api().post(registrations + "/" + gaveUp.get("registration").get("id").asString()
				+ "/cancel", Map.of()).status()).isEqualTo(200);

		Http.Response cancelled = jd.post("/api/v1/events/" + eventId + "/state", Map.of("state", "CANCELLED"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");

		for (EventFixture.Person told : people.subList(0, 2)) {
			JsonNode notice = Eventually.await(Duration.ofSeconds(10), () -> {
				for (JsonNode n : told.api().get("/api/v1/notifications").json()) {
					if (n.get("title").asString().contains(title)) {
						return n;
					}
				}
				return null;
			});
			assertThat(notice.get("title").asString()).startsWith("活动已取消");
			MimeMessage mail = Eventually.await(Duration.ofSeconds(10), () -> Arrays.stream(MAIL.getReceivedMessages())
				.filter(m -> recipients(m).contains(told.email())).filter(m -> subject(m).contains(title))
				.findFirst().orElse(null));
			assertThat(body(mail)).contains("嘉定科技城会议中心");
		}
		assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipients(m).contains(people.get(2).email())))
			.as("who had given up is not told").isEmpty();
		assertThat(people.get(2).api().get("/api/v1/notifications").json().valueStream()
			.filter(n -> n.get("title").asString().contains(title))).isEmpty();
	}

	private static JsonNode register(EventFixture.Person person, String path, int status) {
		Http.Response answer = person.api().post(path, Map.of("contact", "021-59990000", "note", "希望对接"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		return answer.json();
	}
}
