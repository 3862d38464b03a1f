package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * The agreement pages as a browser posts them: the new-agreement form refused shows why and keeps what was typed;
 * an agreement created with its text (a PDF) offers it for download; a progress report carries its files, which the
 * parties download from the agreement's page.
 */
@KejiaoIntegrationTest
class AgreementPagesTests {

	private static final Pattern AGREEMENT = Pattern.compile("/agreements/([0-9a-f-]{36})");

	@Autowired
	Personas personas;

	@Test
	void aRefusedAgreementKeepsWhatWasTypedAndACreatedOneOffersItsText() {
		Http sh = personas.browser("sh-admin");
		String title = "沪渝页面协议 " + Markers.digits(6);
		String csrf = sh.csrf("/agreements/new");
		Http.Response refused = sh.send("POST", "/agreements", "multipart/form-data; boundary=b0",
				multipart(csrf, title, List.of("310000"), "不是日期"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("无法识别日期").contains("value=\"" + title + "\"");

		Http.Response created = sh.send("POST", "/agreements", "multipart/form-data; boundary=b0",
				multipart(csrf, title, List.of("310000", "500000"), "2025-01-01"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		Matcher id = AGREEMENT.matcher(created.location());
		assertThat(id.find()).isTrue();
		String page = sh.get("/agreements/" + id.group(1)).body();
		assertThat(page).contains(title, "协议文本：协议文本.pdf", "科技资源共享", "上海市 → 重庆市");
		assertThat(new String(sh.download("/agreements/" + id.group(1) + "/text"), StandardCharsets.UTF_8))
			.startsWith("%PDF-1.4");
		assertThat(personas.browser("yn-admin").get("/agreements/" + id.group(1) + "/text").status()).isEqualTo(404);
		String english = personas.browser("sh-admin").get("/agreements/" + id.group(1) + "?lang=en").body();
		assertThat(english).contains("Sharing of S&amp;T resources", "Live figures", "Service orders", "Client → serving side",
				"Add a task");
	}

	@Test
	void aProgressReportCarriesItsFilesToTheAgreementsPage() {
		Http api = personas.api("sh-admin");
		var agreement = api.post("/api/v1/agreements", Map.of("kind", "COOPERATION", "title", "附件测试 " + Markers.digits(6),
				"parties", List.of(Map.of("regionCode", "310000"), Map.of("regionCode", "500000")), "template", true)).json();
		String id = agreement.get("id").asString();
		String task = api.post("/api/v1/agreements/" + id + "/tasks", Map.of("areaId",
				agreement.get("areas").get(3).get("id").asString(), "title", "仪器共享清单", "ownerOrgId",
				personas.actor("cq-admin").organisationId().toString(), "dueOn", "2030-06-30")).json().get("id").asString();

		Http cq = personas.browser("cq-admin");
		String form = "/agreements/" + id + "/tasks/" + task + "/report";
		Http.Response sent = cq.upload(form, Map.of("_csrf", cq.csrf(form), "text", "清单已发布", "percent", "30",
				"state", "IN_PROGRESS"), "files", "共享清单.pdf", "%PDF-1.4 list".getBytes(StandardCharsets.UTF_8));
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		String page = personas.browser("sh-admin").get("/agreements/" + id).body();
		assertThat(page).contains("清单已发布", "进度 30%", "共享清单.pdf");
		Matcher file = Pattern.compile("/agreements/" + id + "/files/([0-9a-f-]{36})").matcher(page);
		assertThat(file.find()).isTrue();
		assertThat(personas.browser("sh-admin").download(file.group())).startsWith("%PDF".getBytes(StandardCharsets.UTF_8));

		Http.Response exe = cq.upload(form, Map.of("_csrf", cq.csrf(form), "text", "再报一次"), "files", "run.exe",
				new byte[] { 1, 2 });
		assertThat(exe.status()).isEqualTo(200);
		assertThat(exe.body()).contains("不接受文件", "再报一次");
	}

	@Test
	void anEditorChangesATaskFromItsPageAndARefusalKeepsWhatWasTyped() {
		Http api = personas.api("sh-admin");
		var agreement = api.post("/api/v1/agreements", Map.of("kind", "COOPERATION", "title", "任务修改测试 " + Markers.digits(6),
				"parties", List.of(Map.of("regionCode", "310000"), Map.of("regionCode", "500000")), "template", true)).json();
		String id = agreement.get("id").asString();
		String area = agreement.get("areas").get(3).get("id").asString();
		String owner = personas.actor("cq-admin").organisationId().toString();
		String task = api.post("/api/v1/agreements/" + id + "/tasks", Map.of("areaId", area, "title", "仪器共享清单",
				"ownerOrgId", owner, "dueOn", "2030-06-30")).json().get("id").asString();

		Http sh = personas.browser("sh-admin");
		String edit = "/agreements/" + id + "/tasks/" + task + "/edit";
		assertThat(sh.get("/agreements/" + id).body()).contains(edit);
		assertThat(sh.get(edit).body()).contains("仪器共享清单", "2030-06-30");
		Http.Response refused = sh.submitForm(edit, "/agreements/" + id + "/tasks/" + task,
				Map.of("area", area, "title", "仪器共享清单（第二批）", "owner", owner, "dueOn", ""));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("仪器共享清单（第二批）", "task-error");
		Http.Response saved = sh.submitForm(edit, "/agreements/" + id + "/tasks/" + task,
				Map.of("area", area, "title", "仪器共享清单（第二批）", "owner", owner, "dueOn", "2030-12-31"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(sh.get("/agreements/" + id).body()).contains("仪器共享清单（第二批）", "2030-12-31");
		assertThat(personas.browser("jd-admin").get(edit).status()).as("嘉定 reads the agreement of 上海, does not edit it")
			.isEqualTo(403);
	}

	@Test
	void aPrefectureAdminMayNameOneOfItsCountiesAsAParty() {
		assertThat(personas.browser("ws-admin").get("/agreements/new").body()).as("富宁县, a county of 文山")
			.contains("value=\"532628\"");
		assertThat(personas.browser("yn-admin").get("/agreements/new").body()).as("the province lists prefectures")
			.doesNotContain("value=\"532628\"").contains("value=\"532600\"");
	}

	/** The new-agreement form as a browser sends it, with the text attached. */
	private static String multipart(String csrf, String title, List<String> regions, String signedOn) {
		StringBuilder body = new StringBuilder();
		field(body, "_csrf", csrf);
		field(body, "kind", "FRAMEWORK");
		field(body, "title", title);
		for (String region : regions) {
			field(body, "region", region);
			field(body, "signatory", region.equals("310000") ? "上海市科委" : "重庆市科技局");
		}
		field(body, "signedOn", signedOn);
		field(body, "signedPlace", "上海");
		field(body, "template", "RESOURCE_SHARING");
		body.append("--b0\r\nContent-Disposition: form-data; name=\"text\"; filename=\"协议文本.pdf\"\r\n")
			.append("Content-Type: application/pdf\r\n\r\n%PDF-1.4 agreement\r\n--b0--\r\n");
		return body.toString();
	}

	private static void field(StringBuilder body, String name, String value) {
		body.append("--b0\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
			.append("\r\n");
	}
}
