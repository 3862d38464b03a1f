package cn.kejiao.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import cn.kejiao.organisation.CreditCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the auction benchmark sets up through the HTTP API, as its users would: enterprises that register with their
 * first user and are verified by the platform admin with no public-notice period, a bearer token for each user.
 */
final class AuctionPreparation {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PASSWORD = "Bench-bid-2026";

	/** Regions the bidders come from: 嘉定, 文山, 昆明 五华, 重庆 渝北. */
	static final List<String> REGIONS = List.of("310114", "532600", "530102", "500112");

	/** A bidding organisation, its user and the user's token. */
	record Bidder(UUID organisationId, String username, String token) {
	}

	/** A request's answer. */
	record Answer(int status, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}
	}

	private final String base;

	AuctionPreparation(String base) {
		this.base = base;
	}

	/** A token of a user (a demo persona or a registered bidder). */
	String token(String username, String password) throws IOException {
		return expect(201, "POST", "/api/v1/auth/tokens", null, Map.of("username", username, "password", password))
			.get("token").asString();
	}

	/** The id of the caller's organisation, from GET /api/v1/me. */
	UUID organisationOf(String token) throws IOException {
		return UUID.fromString(expect(200, "GET", "/api/v1/me", token, null).get("organisationId").asString());
	}

	/**
	 * {@code count} enterprises, each registered with its first user through POST /api/v1/registrations, verified by
	 * the platform admin with no notice period (POST /api/v1/organisations/{id}/decision, noticeDays 0), and a token
	 * for each user; a few at a time.
	 */
	List<Bidder> verifiedBidders(int count, String adminToken, String runMarker) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Bidder>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit(() -> verifiedBidder(n, adminToken, runMarker)));
			}
			List<Bidder> bidders = new ArrayList<>();
			for (Future<Bidder> future : futures) {
				bidders.add(future.get());
			}
			return bidders;
		}
	}

	private Bidder verifiedBidder(int n, String adminToken, String runMarker) throws IOException {
		String region = REGIONS.get(n % REGIONS.size());
		String username = "bidder-" + runMarker + "-" + (n + 1);
		Map<String, Object> organisation = new LinkedHashMap<>();
		organisation.put("name", "竞买压测企业" + runMarker + "-" + (n + 1) + "有限公司");
		organisation.put("type", "ENTERPRISE");
		organisation.put("regionCode", region);
		organisation.put("creditCode", creditCode(region));
		organisation.put("contactName", "王工");
		organisation.put("contactPhone", "021-5995" + String.format("%04d", n));
		organisation.put("contactEmail", username + "@example.cn");
		organisation.put("qualifications", List.of());
		Map<String, Object> user = Map.of("username", username, "password", PASSWORD, "displayName", "王工" + (n + 1),
				"email", username + "@example.cn");
		JsonNode registered = expect(201, "POST", "/api/v1/registrations", null,
				Map.of("organisation", organisation, "user", user, "acceptTerms", true));
		UUID id = UUID.fromString(registered.get("id").asString());
		JsonNode decided = expect(200, "POST", "/api/v1/organisations/" + id + "/decision", adminToken,
				Map.of("verdict", "APPROVE", "noticeDays", 0));
		if (!"VERIFIED".equals(decided.get("status").asString())) {
			throw new IllegalStateException("not verified at once: " + decided);
		}
		return new Bidder(id, username, token(username, PASSWORD));
	}

	/** A valid unified social credit code (check character included) of an enterprise in the region. */
	static String creditCode(String region) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		String first17 = "91" + region + "MA" + digits + "0";
		return first17 + CreditCode.checkCharacter(first17);
	}

	/** The answer's JSON when its status is the expected one; otherwise an error with the answer. */
	JsonNode expect(int status, String method, String path, @Nullable String token, @Nullable Object body)
			throws IOException {
		Answer answer = send(method, path, token, body == null ? null : JSON.writeValueAsString(body));
		if (answer.status() != status) {
			throw new IllegalStateException(method + " " + path + ": " + answer.status() + " " + answer.body());
		}
		return answer.body().isEmpty() ? JSON.nullNode() : answer.json();
	}

	/** A request on a kept-alive connection, with its status whatever it is. */
	Answer send(String method, String path, @Nullable String token, @Nullable String json) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
		connection.setRequestMethod(method);
		if (token != null) {
			connection.setRequestProperty("Authorization", "Bearer " + token);
		}
		if (json != null) {
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			try (var body = connection.getOutputStream()) {
				body.write(json.getBytes(StandardCharsets.UTF_8));
			}
		}
		int status = connection.getResponseCode();
		try (var answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
			return new Answer(status, answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8));
		}
	}
}
