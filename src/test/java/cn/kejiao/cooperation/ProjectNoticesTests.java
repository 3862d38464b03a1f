package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.support.Eventually;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/** The lead organisation hears of its milestone's acceptance or return, in its language, with the remarks. */
@KejiaoIntegrationTest
class ProjectNoticesTests {

	@Autowired
	Personas personas;

	@Autowired
	Projects projects;

	@Autowired
	ProjectMilestones milestones;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLeadIsToldWhenItsMilestoneIsSentBackAndWhenItIsAccepted() {
		ProjectFixture fixture = new ProjectFixture(personas, projects, milestones);
		ProjectView project = fixture.wenshan("通知测试项目", "三七");
		ProjectView.MilestoneView m = fixture.delivered(project.id(), "样品检测");
		personas.as("ws-admin", () -> milestones.decide(project.id(), m.id(), false, "缺少检测报告"));
		personas.as("ent-ws", () -> milestones.deliver(project.id(), m.id(), "补交检测报告"));
		personas.as("ws-admin", () -> milestones.decide(project.id(), m.id(), true, "同意"));
		String link = "/projects/" + project.id();
		Eventually.await(Duration.ofSeconds(15), () -> {
			assertThat(body(link, "project-milestone-rejected")).contains("样品检测", "缺少检测报告");
			assertThat(body(link, "project-milestone-accepted")).contains("样品检测", "同意");
		});
		var english = personas.api("ent-ws").language("en").get("/api/v1/notifications");
		assertThat(english.body()).contains("was not accepted");
	}

	private String body(String link, String message) {
		return String.join("|", jdbc.sql("""
				select n.body from notification.notice n join account.user_account u on u.id = n.user_id
				where n.link = :link and n.message = :message and u.username = 'ent-ws'""")
			.param("link", link).param("message", message).query(String.class).list());
	}
}
