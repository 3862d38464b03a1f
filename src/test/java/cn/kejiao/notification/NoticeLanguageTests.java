package cn.kejiao.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;
import cn.kejiao.support.KejiaoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** A notice is worded when it is read, in the reader's language; the e-mail and the stored text are Chinese. */
@KejiaoIntegrationTest
class NoticeLanguageTests {

	@Autowired
	Notifications notifications;

	@Autowired
	Personas personas;

	@Test
	void oneNoticeReadsInChineseAndInEnglish() {
		String marker = Markers.unique();
		var organisation = personas.actor("ent-ws").organisationId();
		notifications.tell(new Notice(organisation, "challenge", "challenge-result-published",
				List.of("三七种植 " + marker, "2026-12-31 17:00"), "/challenges/" + marker, null));

		JsonNode chinese = find(personas.api("ent-ws").language("zh-CN"), marker);
		JsonNode english = find(personas.api("ent-ws").language("en"), marker);

		assertThat(chinese.get("title").asString()).isEqualTo("榜单“三七种植 " + marker + "”的揭榜结果已公示");
		assertThat(chinese.get("body").asString()).contains("2026-12-31 17:00");
		assertThat(english.get("title").asString()).isEqualTo("The result of the challenge \"三七种植 " + marker + "\" is published");
		assertThat(english.get("body").asString()).contains("challenge's page").contains("2026-12-31 17:00");
	}

	private static JsonNode find(Http http, String marker) {
		for (JsonNode notice : http.get("/api/v1/notifications").json()) {
			if (notice.get("link").asString().endsWith(marker)) {
				return notice;
			}
		}
		throw new AssertionError("no notice about " + marker);
	}
}
