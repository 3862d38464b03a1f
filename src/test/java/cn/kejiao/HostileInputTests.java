package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the OpenAPI document, driven with hostile values generated from the document itself — path
 * parameters, query parameters and their names, JSON bodies, multipart bodies — as a stranger, an enterprise and a
 * region admin: no answer is a 5xx, and every 4xx is a problem detail with a {@code code}. A new endpoint is tried
 * as soon as it is documented.
 */
@KejiaoIntegrationTest
class HostileInputTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Autowired
	cn.kejiao.platform.pdf.ChineseFonts fonts;

	/**
	 * Whether this machine can write PDFs. Where it cannot (no CJK font installed or shipped), the PDF operations'
	 * own 503 {@code pdf.no-font} is the environment's, not the input's; anywhere a font is found it is a failure.
	 */
	private boolean noFont;

	@Test
	void everyDocumentedOperationAnswersHostileInputWithAProblemAndNeverA5xx() throws Exception {
		JsonNode document = Http.api(port).get("/v3/api-docs").json();
		try {
			fonts.font();
		}
		catch (cn.kejiao.platform.KejiaoException ex) {
			noFont = true;
			System.out.println("Hostile input: no CJK font on this machine, the PDF operations' 503 pdf.no-font is let pass");
		}
		List<HostileRequests.Probe> probes = new ArrayList<>();
		int operations = 0;
		for (var path : document.get("paths").properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			for (var operation : path.getValue().properties()) {
				operations++;
				probes.addAll(new HostileRequests.Generator(document, path.getKey(), operation.getKey().toUpperCase(),
						operation.getValue()).probes());
			}
		}
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("anonymous", null);
		callers.put("enterprise", NewOrganisation.enterprise("532628").verified(port).api().token());
		callers.put("region-admin", personas.api("cq-admin").token());

		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicInteger sent = new AtomicInteger();
		Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		for (var caller : callers.entrySet()) {
			for (HostileRequests.Probe probe : probes) {
				pool.execute(() -> {
					sent.incrementAndGet();
					String failure = send(client, probe, caller.getValue(), statuses);
					if (failure != null) {
						failures.add(caller.getKey() + " " + failure);
					}
				});
			}
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("Hostile input: %d operations, %d probes, %d requests in %.1f s; statuses %s%n", operations,
				probes.size(), sent.get(), millis / 1000.0, statuses);

		assertThat(operations).as("documented operations").isGreaterThan(50);
		List<String> sorted = new ArrayList<>(failures);
		Collections.sort(sorted);
		assertThat(sorted).as("answers that are a 5xx or an error without a problem detail").isEmpty();
	}

	@Test
	void theClassesOfMalformedInputFirstReportedAreClientErrorsWithTheirOwnCodes() {
		Http anonymous = Http.api(port);
		Http admin = personas.api("admin");
		expect(anonymous.get("/api/v1/regions?=x"), 400, "request.malformed-parameters");
		expect(anonymous.get("/api/v1/search?a%01b=1"), 400, "request.malformed-parameters");
		expect(anonymous.get("/api/v1/search?q=a%ED%A0%80b"), 400, "request.malformed-parameters");
		expect(anonymous.get("/api/v1/search?page=2147483647&size=-5"), 400, "request.page-out-of-range");
		expect(anonymous.get("/api/v1/search?page=2147483647&size=3"), 400, "request.page-out-of-range");
		expect(admin.get("/api/v1/audit?page=2147483647&size=3"), 400, "request.page-out-of-range");
		expect(admin.get("/api/v1/audit?page=0&size=-3"), 400, "request.page-out-of-range");
		expect(admin.get("/api/v1/organisations?page=2147483647&size=3"), 400, "request.page-out-of-range");
		expect(anonymous.get("/api/v1/search?priceMax=1e30"), 400, "request.invalid-fields");
		expect(anonymous.get("/api/v1/search?q=a%00b"), 400, "request.invalid-character");
		expect(admin.get("/api/v1/audit?q=a%00b"), 400, "request.invalid-character");
		expect(anonymous.get("/api/v1/search?q=" + "a".repeat(9 * 1024)), 414, "request.too-long");
		expect(anonymous.post("/api/v1/auth/tokens", "{\"username\":\"a\\u0000\",\"password\":\"x\"}"), 400,
				"request.invalid-character");

		var search = anonymous.get("/api/v1/search?size=500");
		assertThat(search.status()).isEqualTo(200);
		assertThat(search.json().get("size").asInt()).as("a size above the maximum is lowered to it").isEqualTo(100);

		expect(anonymous.send("DELETE", "/api/v1/regions", null, null), 405, "request.method-not-allowed");
		expect(personas.api("ent-ws").send("PATCH", "/api/v1/me", "application/json", "{}"), 405,
				"request.method-not-allowed");
		expect(admin.get("/api/v1/no-such-thing"), 404, "request.not-found");
		expect(anonymous.get("/api/v1/no-such-thing"), 401, "auth.required");

		String truncated = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc";
		Http provider = personas.api("provider-jd");
		expect(provider.send("POST", "/api/v1/catalog/imports", "multipart/form-data; boundary=b", truncated), 400,
				"request.malformed-multipart");
		expect(provider.send("POST", "/api/v1/orders/" + UUID.randomUUID() + "/deliver", "multipart/form-data; boundary=b",
				truncated), 400, "request.malformed-multipart");
		expect(provider.upload("/api/v1/catalog/imports", Map.of(), "a\u0000b.csv", "x".getBytes()), 400,
				"request.invalid-character");
		expect(provider.upload("/api/v1/orders/" + UUID.randomUUID() + "/deliver", Map.of(), "a\u0000b.pdf", "x".getBytes()),
				400, "request.invalid-character");
	}

	@Test
	void pagesAnswerMalformedInputWithAReadablePage() {
		Http browser = Http.browser(port);
		var entry = browser.get("/catalog/entries/not-a-uuid");
		assertThat(entry.status()).isEqualTo(400);
		assertThat(entry.contentType()).startsWith("text/html");
		assertThat(entry.body()).contains("request.invalid-parameter").doesNotContain("Exception");

		var names = browser.get("/catalog?=x");
		assertThat(names.status()).isEqualTo(400);
		assertThat(names.contentType()).startsWith("text/html");
		assertThat(names.body()).contains("request.malformed-parameters");

		var api = browser.get("/api/v1/no-such-thing");
		assertThat(api.contentType()).as("the API answers a browser with a problem too").startsWith("application/problem+json");
		var longUrl = browser.get("/catalog?q=" + "a".repeat(20 * 1024));
		assertThat(longUrl.status()).isBetween(400, 499);
		assertThat(longUrl.body()).doesNotContain("Apache Tomcat").doesNotContain("HTTP Status");
	}

	private static void expect(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo(code);
	}

	private String send(HttpClient client, HostileRequests.Probe probe, String token, Map<Integer, AtomicInteger> statuses) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.target()))
				.timeout(Duration.ofSeconds(60))
				.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(probe.body()));
			if (probe.contentType() != null) {
				request.header("Content-Type", probe.contentType());
			}
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			if (HostileRequests.HTML_ONLY.equals(probe.what())) {
				request.header("Accept", "text/html");
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (status < 400) {
				return null;
			}
			if (status < 500 && type.startsWith("application/problem+json") && hasCode(response.body())) {
				return null;
			}
			if (noFont && status == 503 && response.body().contains("\"pdf.no-font\"")) {
				return null;
			}
			return probe + " -> " + status + " " + type + " " + HostileRequests.abbreviate(response.body());
		}
		catch (Exception ex) {
			return probe + " -> " + ex;
		}
	}

	private static boolean hasCode(String body) {
		try {
			JsonNode code = JSON.readTree(body).get("code");
			return code != null && code.isString() && !code.asString().isBlank();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
