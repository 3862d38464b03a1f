package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * Agreements over the API: a region admin creates one between its region and another with the template's areas,
 * lists it, reads it with its areas, tasks and figures; its tasks are added by the parties' admins and reported on
 * by their owners; a region outside the agreement is told it does not exist; a reader who may not edit is refused;
 * what is wrong in a request is named by a stable code.
 */
@KejiaoIntegrationTest
class AgreementApiTests {

	@Autowired
	Personas personas;

	@Autowired
	AgreementFigures figures;

	private JsonNode createShanghaiYunnan(String title) {
		Http.Response created = personas.api("sh-admin").post("/api/v1/agreements", Map.of("kind", "COOPERATION",
				"title", title, "parties", List.of(Map.of("regionCode", "310000", "signatory", "上海市科委"),
						Map.of("regionCode", "530000", "signatory", "云南省科技厅")),
				"signedOn", "2024-03-01", "signedPlace", "昆明", "termStart", "2024-03-01", "termEnd", "2027-02-28",
				"template", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	@Test
	void anAdminCreatesAnAgreementWithTheTemplateAndEveryPartyReadsItsAreasTasksAndFigures() {
		String title = "沪滇科技合作协议 " + Markers.digits(6);
		JsonNode agreement = createShanghaiYunnan(title);
		String id = agreement.get("id").asString();
		assertThat(agreement.get("areas")).hasSize(7);
		assertThat(agreement.get("areas").get(0).get("name").asString()).isEqualTo("科技创新中心建设");
		JsonNode sharing = agreement.get("areas").get(3);
		assertThat(sharing.get("name").asString()).isEqualTo("科技资源共享");
		assertThat(sharing.get("figureKinds").toString()).contains("SERVICE_ORDERS", "VOUCHER_SPENDING",
				"INSTRUMENT_BOOKINGS");
		// three kinds, two directions each, as the modules count them since the term began
		assertThat(sharing.get("figures")).hasSize(6);
		Map<String, Long> measured = new java.util.HashMap<>();
		figures.between(List.of("310000", "530000"), java.util.EnumSet.of(FigureKind.SERVICE_ORDERS,
				FigureKind.VOUCHER_SPENDING, FigureKind.INSTRUMENT_BOOKINGS), LocalDate.parse("2024-03-01"),
				LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))
			.forEach(f -> measured.put(f.kind() + " " + f.servedParty() + ">" + f.servingParty(), f.count()));
		for (JsonNode figure : sharing.get("figures")) {
			String key = figure.get("kind").asString() + " " + figure.get("servedParty").asString() + ">"
					+ figure.get("servingParty").asString();
			assertThat(figure.get("count").asLong()).as(key).isEqualTo(measured.getOrDefault(key, 0L));
		}

		String academy = personas.actor("provider-yn").organisationId().toString();
		Http.Response task = personas.api("yn-admin").post("/api/v1/agreements/" + id + "/tasks", Map.of("areaId",
				sharing.get("id").asString(), "title", "云南大型仪器接入共享平台", "ownerOrgId", academy, "dueOn",
				LocalDate.now().plusMonths(3).toString()));
		assertThat(task.status()).as(task.body()).isEqualTo(201);
		assertThat(task.json().get("state").asString()).isEqualTo("PLANNED");
		String taskId = task.json().get("id").asString();

		assertThat(items(personas.api("sh-admin").get("/api/v1/agreements?size=100"))).contains(title);
		assertThat(items(personas.api("yn-admin").get("/api/v1/agreements?size=100"))).contains(title);
		assertThat(items(personas.api("ws-admin").get("/api/v1/agreements?size=100")))
			.as("a region within a party reads it").contains(title);
		assertThat(items(personas.api("provider-yn").get("/api/v1/agreements?size=100")))
			.as("the owner of a task reads it").contains(title);
		assertThat(items(personas.api("cq-admin").get("/api/v1/agreements?size=100"))).doesNotContain(title);
		JsonNode first = personas.api("sh-admin").get("/api/v1/agreements?size=100").json().get("items").get(0);
		assertThat(first.has("id") && first.has("title") && first.has("parties")).isTrue();

		Http.Response report = personas.api("provider-yn").post("/api/v1/agreements/" + id + "/tasks/" + taskId + "/progress",
				Map.of("text", "首批 20 台仪器完成接入", "percent", 40));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		assertThat(report.json().get("state").asString()).isEqualTo("IN_PROGRESS");
		assertThat(report.json().get("percent").asInt()).isEqualTo(40);

		Http.Response withFile = personas.api("provider-yn").upload("/api/v1/agreements/" + id + "/tasks/" + taskId
				+ "/progress", Map.of("text", "第二批仪器接入，附清单", "percent", "60"), "files", "仪器清单.pdf",
				"%PDF-1.4 list".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(withFile.status()).as(withFile.body()).isEqualTo(201);
		assertThat(withFile.json().get("percent").asInt()).isEqualTo(60);
		assertThat(withFile.json().get("reports").toString()).contains("仪器清单.pdf");
		Http.Response exe = personas.api("provider-yn").upload("/api/v1/agreements/" + id + "/tasks/" + taskId
				+ "/progress", Map.of("text", "再报一次"), "files", "run.exe", new byte[] { 1, 2 });
		assertThat(exe.status()).isEqualTo(400);
		assertThat(exe.code()).startsWith("agreement.file");

		Http.Response changed = personas.api("sh-admin").put("/api/v1/agreements/" + id + "/tasks/" + taskId,
				Map.of("areaId", sharing.get("id").asString(), "title", "云南大型仪器接入共享平台", "ownerOrgId", academy,
						"dueOn", LocalDate.now().plusMonths(6).toString()));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("dueOn").asString()).isEqualTo(LocalDate.now().plusMonths(6).toString());
		assertThat(personas.api("provider-yn").put("/api/v1/agreements/" + id + "/tasks/" + taskId,
				Map.of("areaId", sharing.get("id").asString(), "title", "x", "ownerOrgId", academy, "dueOn", "2030-01-01"))
			.code()).as("the owner reports; the parties' admins change the task").isEqualTo("agreement.not-editor");

		JsonNode read = personas.api("sh-admin").get("/api/v1/agreements/" + id).json();
		JsonNode readTask = read.get("areas").get(3).get("tasks").get(0);
		assertThat(readTask.get("title").asString()).isEqualTo("云南大型仪器接入共享平台");
		assertThat(readTask.get("reports").findValuesAsString("text")).as("latest first")
			.containsExactly("第二批仪器接入，附清单", "首批 20 台仪器完成接入");
		assertThat(personas.api("sh-admin").get("/api/v1/agreements/" + id + "/tasks").json()).hasSize(1);

		Http.Response figures = personas.api("yn-admin").get("/api/v1/agreements/" + id + "/figures?from=2024-03-01&to=2024-12-31");
		assertThat(figures.status()).isEqualTo(200);
		assertThat(figures.json().get("from").asString()).isEqualTo("2024-03-01");
		assertThat(figures.json().get("areas")).hasSize(7);
		assertThat(personas.api("yn-admin").get("/api/v1/agreements/" + id + "/figures").json().get("from").asString())
			.as("by default from the term's start").isEqualTo("2024-03-01");
	}

	@Test
	void aRegionOutsideTheAgreementCannotReadItOrItsTasksAndAReaderWhoMayNotEditIsRefused() {
		JsonNode agreement = createShanghaiYunnan("沪滇协议 " + Markers.digits(6));
		String id = agreement.get("id").asString();
		String area = agreement.get("areas").get(0).get("id").asString();
		for (String outsider : List.of("cq-admin", "ent-jd", "provider-jd")) {
			for (String path : List.of("", "/tasks", "/figures")) {
				Http.Response response = personas.api(outsider).get("/api/v1/agreements/" + id + path);
				assertThat(response.status()).as(outsider + " " + path).isEqualTo(404);
				assertThat(response.code()).isEqualTo("agreement.not-found");
			}
		}
		for (String page : List.of("", "/tasks/new", "/text")) {
			assertThat(personas.browser("cq-admin").get("/agreements/" + id + page).status()).as("page " + page)
				.isEqualTo(404);
		}
		String someTask = personas.api("sh-admin").post("/api/v1/agreements/" + id + "/tasks", Map.of("areaId", area,
				"title", "上海的任务", "ownerOrgId", personas.actor("sh-admin").organisationId().toString(), "dueOn",
				"2030-01-01")).json().get("id").asString();
		assertThat(personas.browser("cq-admin").get("/agreements/" + id + "/tasks/" + someTask + "/report").status())
			.isEqualTo(404);
		assertThat(personas.api("cq-admin").get("/api/v1/agreements/" + id + "/tasks").body()).doesNotContain("上海的任务");
		Http.Response outsiderTask = personas.api("cq-admin").post("/api/v1/agreements/" + id + "/tasks",
				Map.of("areaId", area, "title", "x", "ownerOrgId", personas.actor("cq-admin").organisationId().toString(),
						"dueOn", "2030-01-01"));
		assertThat(outsiderTask.status()).isEqualTo(404);

		// 嘉定 lies within 上海, a party: its admin reads the agreement but does not govern a party
		assertThat(personas.api("jd-admin").get("/api/v1/agreements/" + id).status()).isEqualTo(200);
		Http.Response refused = personas.api("jd-admin").post("/api/v1/agreements/" + id + "/tasks",
				Map.of("areaId", area, "title", "嘉定的任务", "ownerOrgId",
						personas.actor("jd-admin").organisationId().toString(), "dueOn", "2030-01-01"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("agreement.not-editor");

		Http.Response created = personas.api("cq-admin").post("/api/v1/agreements", Map.of("kind", "COOPERATION",
				"title", "不涉及重庆的协议", "parties", List.of(Map.of("regionCode", "310000"), Map.of("regionCode", "530000"))));
		assertThat(created.status()).isEqualTo(403);
		assertThat(created.code()).isEqualTo("agreement.not-party");
		Http.Response enterprise = personas.api("ent-jd").post("/api/v1/agreements", Map.of());
		assertThat(enterprise.status()).isEqualTo(403);
		assertThat(enterprise.code()).isEqualTo("agreement.not-party");
	}

	@Test
	void whatIsWrongInARequestIsNamedByAStableCode() {
		Http sh = personas.api("sh-admin");
		assertThat(sh.post("/api/v1/agreements", Map.of("title", "x", "parties",
				List.of(Map.of("regionCode", "310000"), Map.of("regionCode", "500000")))).code())
			.isEqualTo("agreement.kind-required");
		assertThat(sh.post("/api/v1/agreements", Map.of("kind", "FRAMEWORK", "parties",
				List.of(Map.of("regionCode", "310000"), Map.of("regionCode", "500000")))).code())
			.isEqualTo("agreement.title-required");
		Http.Response one = sh.post("/api/v1/agreements", Map.of("kind", "FRAMEWORK", "title", "只有一方",
				"parties", List.of(Map.of("regionCode", "310000"), Map.of("regionCode", "310000"))));
		assertThat(one.status()).isEqualTo(400);
		assertThat(one.code()).isEqualTo("agreement.parties-required");
		assertThat(sh.post("/api/v1/agreements", Map.of("kind", "FRAMEWORK", "title", "t",
				"parties", List.of(Map.of("regionCode", "310000"), Map.of("regionCode", "999999")))).code())
			.isEqualTo("agreement.party-region-unknown");
		assertThat(sh.post("/api/v1/agreements", Map.of("kind", "FRAMEWORK", "title", "t", "termStart", "2025-01-01",
				"termEnd", "2024-01-01", "parties", List.of(Map.of("regionCode", "310000"), Map.of("regionCode", "500000"))))
			.code()).isEqualTo("agreement.term-invalid");

		JsonNode agreement = createShanghaiYunnan("校验 " + Markers.digits(6));
		String id = agreement.get("id").asString();
		String area = agreement.get("areas").get(0).get("id").asString();
		assertThat(sh.post("/api/v1/agreements/" + id + "/tasks", Map.of("areaId", area, "title", "任务",
				"dueOn", "2030-01-01")).code()).isEqualTo("agreement.task-owner-required");
		assertThat(sh.post("/api/v1/agreements/" + id + "/tasks", Map.of("areaId", area, "title", "任务",
				"ownerOrgId", personas.actor("sh-admin").organisationId().toString())).code())
			.isEqualTo("agreement.task-due-required");
		assertThat(sh.post("/api/v1/agreements/" + id + "/tasks", Map.of("areaId", id, "title", "任务",
				"ownerOrgId", personas.actor("sh-admin").organisationId().toString(), "dueOn", "2030-01-01")).code())
			.isEqualTo("agreement.area-not-found");
		String taskId = sh.post("/api/v1/agreements/" + id + "/tasks", Map.of("areaId", area, "title", "任务",
				"ownerOrgId", personas.actor("provider-yn").organisationId().toString(), "dueOn", "2030-01-01"))
			.json().get("id").asString();
		Http.Response percent = personas.api("provider-yn").post("/api/v1/agreements/" + id + "/tasks/" + taskId + "/progress",
				Map.of("text", "进展", "percent", 140));
		assertThat(percent.status()).isEqualTo(400);
		assertThat(percent.code()).isEqualTo("agreement.report-percent");
		assertThat(personas.api("provider-yn").post("/api/v1/agreements/" + id + "/tasks/" + taskId + "/progress",
				Map.of("text", "暂停", "state", "SUSPENDED")).code()).isEqualTo("agreement.suspend-editors-only");
		assertThat(personas.api("jd-admin").post("/api/v1/agreements/" + id + "/tasks/" + taskId + "/progress",
				Map.of("text", "进展")).code()).isEqualTo("agreement.not-task-owner");
		assertThat(sh.get("/api/v1/agreements/" + id + "/figures?from=2025-01-01&to=2024-01-01").code())
			.isEqualTo("agreement.period-invalid");
	}

	private static List<String> items(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		response.json().get("items").forEach(item -> titles.add(item.get("title").asString()));
		return titles;
	}
}
