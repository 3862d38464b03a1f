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

/** Guessing passwords locks the account for a while, even for the right password, and is audited. */
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
	void aLockedAccountsTokenStopsWorkingAtOnceThoughTokensAreRemembered() {
		String username = newUser();
		Http signedIn = Http.as(port, username, PASSWORD);
		// twice: the second call is answered from the short memory of recently seen tokens
		assertThat(signedIn.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(signedIn.get("/api/v1/me").status()).isEqualTo(200);
		Http api = Http.api(port);
		for (int i = 0; i < 5; i++) {
			api.post("/api/v1/auth/tokens", Map.of("username", username, "password", "wrong-" + i));
		}
		var refused = signedIn.get("/api/v1/me");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("auth.token-invalid");
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
