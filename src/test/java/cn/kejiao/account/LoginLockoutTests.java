package cn.kejiao.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewOrganisation;

/**
 * Guessing passwords from one address locks that address out of the name for a while, even for the right
 * password, and is audited; the user signing in from elsewhere is not stopped, and a name nobody has is answered
 * exactly as one that exists.
 */
@KejiaoIntegrationTest
class LoginLockoutTests {

	private static final String PASSWORD = NewOrganisation.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Value("${kejiao.security.lock-duration}")
	Duration lockDuration;

	@Test
	void fiveWrongPasswordsLockTheAccountAgainstTheRightOne() {
		String username = newUser();
		Http api = Http.api(port);
		for (int i = 0; i < 4; i++) {
			assertThat(api.post("/api/v1/auth/tokens", Map.of("username", username, "password", "wrong-" + i)).code())
				.isEqualTo("auth.bad-credentials");
		}
		assertThat(api.post("/api/v1/auth/tokens", Map.of("username", username, "password", "wrong-4")).code())
			.isEqualTo("auth.locked");
		var right = api.post("/api/v1/auth/tokens", Map.of("username", username, "password", PASSWORD));
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.code()).isEqualTo("auth.locked");

		Http browser = Http.browser(port);
		var login = browser.login(username, PASSWORD);
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).endsWith("/login?error=locked");
		assertThat(browser.get("/login?error=locked").body()).contains("账号已临时锁定");

		assertThat(Http.as(port, "admin").get("/api/v1/audit?action=account.locked&q=" + username).json().get("total")
			.asLong()).isEqualTo(1);

		clock.advance(lockDuration.plusSeconds(1));
		assertThat(api.post("/api/v1/auth/tokens", Map.of("username", username, "password", PASSWORD)).status())
			.isEqualTo(201);
	}

	@Test
	void aStrangersGuessesFromOneAddressDoNotStopTheUserSigningInFromAnother() {
		String username = newUser();
		Http stranger = Http.apiFrom(port, "127.0.0.2");
		for (int i = 0; i < 6; i++) {
			stranger.post("/api/v1/auth/tokens", Map.of("username", username, "password", "wrong-" + i));
		}
		assertThat(stranger.post("/api/v1/auth/tokens", Map.of("username", username, "password", PASSWORD)).code())
			.as("the guessing address is locked out of the name, even with the right password").isEqualTo("auth.locked");

		var user = Http.apiFrom(port, "127.0.0.4").post("/api/v1/auth/tokens", Map.of("username", username, "password",
				PASSWORD));
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		Http browser = Http.browser(port);
		assertThat(browser.login(username, PASSWORD).location()).doesNotContain("error");
		assertThat(Http.as(port, username, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void nobodyCanLockTheAdminOut() {
		Http stranger = Http.apiFrom(port, "127.0.0.3");
		for (int i = 0; i < 8; i++) {
			stranger.post("/api/v1/auth/tokens", Map.of("username", "admin", "password", "guess-" + i));
		}
		assertThat(stranger.post("/api/v1/auth/tokens", Map.of("username", "admin", "password", "kejiao-demo")).code())
			.isEqualTo("auth.locked");
		assertThat(Http.as(port, "admin").get("/api/v1/me").json().get("username").asString()).isEqualTo("admin");
	}

	@Test
	void aTokenStaysValidWhileStrangersGuessTheUsersPassword() {
		String username = newUser();
		Http signedIn = Http.as(port, username, PASSWORD);
		assertThat(signedIn.get("/api/v1/me").status()).isEqualTo(200);
		Http stranger = Http.apiFrom(port, "127.0.0.5");
		for (int i = 0; i < 6; i++) {
			stranger.post("/api/v1/auth/tokens", Map.of("username", username, "password", "wrong-" + i));
		}
		assertThat(signedIn.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aNameNobodyHasIsAnsweredExactlyAsOneThatExists() {
		String known = newUser();
		String unknown = "nobody" + known.substring(1);
		List<String> knownAnswers = new ArrayList<>();
		List<String> unknownAnswers = new ArrayList<>();
		Http api = Http.apiFrom(port, "127.0.0.6");
		for (int i = 0; i < 7; i++) {
			knownAnswers.add(answer(api.post("/api/v1/auth/tokens", Map.of("username", known, "password", "wrong-" + i))));
			unknownAnswers.add(answer(api.post("/api/v1/auth/tokens", Map.of("username", unknown, "password", "wrong-" + i))));
		}
		assertThat(knownAnswers).containsExactlyElementsOf(unknownAnswers);
		assertThat(knownAnswers.getFirst()).contains("auth.bad-credentials");
		assertThat(knownAnswers.getLast()).contains("auth.locked");


		assertThat(Http.browser(port).login(unknown, "wrong").location())
			.isEqualTo(Http.browser(port).login(known, "wrong").location());
	}

	@Test
	void aNameNobodyHasTakesAsLongToRefuseAsOneThatExists() {
		String known = newUser();
		String unknown = "nobody" + known.substring(1);
		// alternating, from addresses that never reach the limit, so the machine's load falls on both alike
		long[] knownNanos = new long[4];
		long[] unknownNanos = new long[4];
		for (int i = 0; i < 4; i++) {
			Http api = Http.apiFrom(port, "127.0.1." + (10 + i));
			knownNanos[i] = timed(() -> api.post("/api/v1/auth/tokens", Map.of("username", known, "password", "x")));
			unknownNanos[i] = timed(() -> api.post("/api/v1/auth/tokens", Map.of("username", unknown, "password", "x")));
		}
		java.util.Arrays.sort(knownNanos);
		java.util.Arrays.sort(unknownNanos);
		double ratio = (double) unknownNanos[1] / knownNanos[1];
		assertThat(ratio).as("median time of an unknown name over a known one").isBetween(0.33, 3.0);
	}

	private static long timed(Runnable call) {
		long start = System.nanoTime();
		call.run();
		return System.nanoTime() - start;
	}

	/** What a client can read of a refusal: status, code, the message and the media type. */
	private static String answer(Http.Response response) {
		return response.status() + " " + response.code() + " " + response.json().get("detail").asString() + " "
				+ response.contentType();
	}

	@Test
	void aSuccessfulLoginForgetsEarlierFailures() {
		String username = newUser();
		Http api = Http.api(port);
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				api.post("/api/v1/auth/tokens", Map.of("username", username, "password", "wrong"));
			}
			assertThat(api.post("/api/v1/auth/tokens", Map.of("username", username, "password", PASSWORD)).status())
				.isEqualTo(201);
		}
	}

	@Test
	void parallelGuessesCannotSlipPastTheLimit() throws Exception {
		String username = newUser();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> guesses = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				int n = i;
				guesses.add(() -> Http.api(port).post("/api/v1/auth/tokens", Map.of("username", username, "password", "g" + n))
					.code());
			}
			List<String> codes = new ArrayList<>();
			for (var future : pool.invokeAll(guesses)) {
				codes.add(future.get());
			}
			assertThat(codes.stream().filter("auth.bad-credentials"::equals).count()).isLessThanOrEqualTo(4);
		}
		finally {
			pool.shutdown();
		}
		assertThat(Http.api(port).post("/api/v1/auth/tokens", Map.of("username", username, "password", PASSWORD))
			.code()).isEqualTo("auth.locked");
	}

	@Test
	void passwordsAreStoredOnlyAsStrongHashes() {
		String hash = jdbc.queryForObject("select password_hash from account.user_account where username = 'ent-ws'",
				String.class);
		assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain("kejiao-demo");
	}

	@Test
	void weakPasswordsAreRefusedAtRegistration() {
		var weak = Http.api(port).post("/api/v1/registrations",
				NewOrganisation.enterprise("310114").password("12345678").body());
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.code()).isEqualTo("account.password-weak");
	}

	private String newUser() {
		return NewOrganisation.enterprise("310114").pending(port).username();
	}
}
