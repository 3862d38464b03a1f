package cn.kejiao.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * A later deadline is published as {@link ChallengeDeadlineExtended}, and the notification module tells each
 * applicant of it; the notices and the challenge's announcement are in the reader's language.
 */
@KejiaoIntegrationTest
@EnableScenarios
class ChallengeNoticeTests {

	@LocalServerPort
	int port;

	@Autowired
	Challenges challenges;

	@Autowired
	ChallengeApplications applications;

	@Autowired
	Personas personas;

	@Test
	void theApplicantsOfAChallengeAreToldOfALaterDeadlineEachInTheirLanguage(Scenario scenario) {
		String title = "电驱系统 NVH 噪声抑制攻关 " + Markers.unique();
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		ChallengeView challenge = personas.as("jd-admin", () -> challenges.publish(new ChallengeForm(title,
				"电驱系统高速工况啸叫明显，征集电磁与结构联合优化的降噪方案。", List.of(new Target("阶次噪声", "下降 6 dB")),
				Money.ofYuan("300000", "bounty"), List.of(), List.of(), List.of(), today.plusDays(30).toString(), 7)));
		ApplicationView applied = personas.as("provider-jd", () -> applications.apply(challenge.id(), "嘉定检测 NVH 团队",
				"以阶次分析定位噪声源，优化定子斜极与壳体模态。", null, null));

		scenario.stimulate(() -> personas.as("jd-admin", () -> challenges.extend(challenge.id(), today.plusDays(45).toString(),
				"应揭榜单位要求补充台架试验")))
			.andWaitForStateChange(() -> noticeTitles("provider-jd", "en"), titles -> titles.stream().anyMatch(t -> t.contains(title)))
			.andVerifyEvents(events -> assertThat(events).contains(ChallengeDeadlineExtended.class)
				.matching(e -> e.challengeId().equals(challenge.id()) && e.applicantOrgIds().equals(List.of(applied.applicantOrgId()))));

		assertThat(noticeTitles("provider-jd", "en")).contains("The deadline of the challenge \"" + title + "\" was extended");
		assertThat(noticeTitles("provider-jd", "zh")).contains("榜单“" + title + "”延长了揭榜截止时间");
		assertThat(personas.api("provider-jd").language("zh").get("/api/v1/notifications").body())
			.contains("原因：应揭榜单位要求补充台架试验").contains(today.plusDays(45) + " 23:59");
	}

	@Test
	void theAnnouncementOfALaterDeadlineIsShownInTheReadersLanguage() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		ChallengeView challenge = personas.as("jd-admin", () -> challenges.publish(new ChallengeForm("轮毂电机密封可靠性攻关",
				"轮毂电机涉水工况密封失效，征集长寿命密封结构与验证方法。", List.of(new Target("涉水试验", "500 小时无渗漏")),
				Money.ofYuan("200000", "bounty"), List.of(), List.of(), List.of(), today.plusDays(20).toString(), 7)));
		personas.as("jd-admin", () -> challenges.extend(challenge.id(), today.plusDays(25).toString(), "等待台架排期"));
		String path = "/api/v1/challenges/" + challenge.id();
		assertThat(Http.api(port).language("en").get(path).json().get("announcements").get(0).asString())
			.isEqualTo("The deadline was moved from " + today.plusDays(20) + " 23:59 to " + today.plusDays(25)
					+ " 23:59. Reason: 等待台架排期");
		assertThat(Http.api(port).language("zh").get(path).json().get("announcements").get(0).asString())
			.isEqualTo("揭榜截止时间由 " + today.plusDays(20) + " 23:59 延长至 " + today.plusDays(25) + " 23:59。原因：等待台架排期");
	}

	private List<String> noticeTitles(String username, String language) {
		return personas.api(username).language(language).get("/api/v1/notifications").json().findValuesAsString("title");
	}
}
