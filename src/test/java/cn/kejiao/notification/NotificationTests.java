package cn.kejiao.notification;

import static cn.kejiao.support.Mails.body;
import static cn.kejiao.support.Mails.recipients;
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

import cn.kejiao.support.EventPublications;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The owners of a demand's strongest matches are told when it opens — in the application and by e-mail, over
 * a real SMTP server — and never twice for the same pair.
 */
@KejiaoIntegrationTest
class NotificationTests {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	@Autowired
	Personas personas;

	@Autowired
	EventPublications events;

	@Test
	void theOwnerOfAStrongMatchIsToldOnceInTheApplicationAndByEmail() throws Exception {
		String marker = Markers.unique();
		Http enterprise = personas.api("ent-ws");
		Http owner = personas.api("provider-yn");
		int before = notices(owner).size();
		var created = enterprise.post("/api/v1/demands", Map.of("title", "低品位铝土矿生产氧化铝 " + marker,
				"description", "寻求低品位铝土矿选矿脱硅、拜耳法强化溶出生产氧化铝的中试技术，赤泥综合利用。",
				"keywords", List.of("低品位铝土矿", "氧化铝", "拜耳法"), "modes", List.of("LICENCE"), "open", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String demand = created.json().get("id").asString();

		JsonNode told = Eventually.await(TEN_SECONDS, () -> {
			for (JsonNode notice : notices(owner)) {
				if (notice.get("link").asString().equals("/demands/" + demand)) {
					return notice;
				}
			}
			return null;
		});
		assertThat(told.get("body").asString()).contains("低品位铝土矿生产氧化铝技术").contains(marker);
		MimeMessage email = Eventually.await(TEN_SECONDS, () -> Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> body(m).contains(marker))
			.filter(m -> recipients(m).contains("provider-yn@demo.kejiao.cn")).findFirst().orElse(null));
		assertThat(email.getSubject()).contains("技术需求");
		assertThat(body(email)).contains("/demands/" + demand);

		// reopening tells nobody again
		long published = events.mentioning(demand);
		enterprise.post("/api/v1/demands/" + demand + "/in-talks", Map.of());
		enterprise.post("/api/v1/demands/" + demand + "/open", Map.of());
		assertThat(events.mentioning(demand)).as("reopening publishes the demand again").isGreaterThan(published);
		events.awaitHandled(TEN_SECONDS, demand);
		long aboutThisDemand = notices(owner).stream().filter(n -> n.get("link").asString().equals("/demands/" + demand)).count();
		assertThat(aboutThisDemand).isEqualTo(1);
		assertThat(notices(owner).size()).isGreaterThan(before);

		// a notice is read once, and only by its user
		String id = told.get("id").asString();
		assertThat(enterprise.post("/api/v1/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(owner.post("/api/v1/notifications/" + id + "/read", Map.of()).status()).isEqualTo(204);
	}

	private static List<JsonNode> notices(Http http) {
		List<JsonNode> notices = new java.util.ArrayList<>();
		http.get("/api/v1/notifications").json().forEach(notices::add);
		return notices;
	}


}
