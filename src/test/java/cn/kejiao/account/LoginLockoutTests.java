package cn.kejiao.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.kejiao.organisation.CreditCode;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;

/** Guessing passwords locks the account for a while, even for the right password, and is audited. */
@KejiaoIntegrationTest
class LoginLockoutTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

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
		var right = api.post("/api/v1/auth/tokens", Map.of("username", username, "password", "Str0ng-pass!"));
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.code()).isEqualTo("auth.locked");

		Http browser = Http.browser(port);
		var login = browser.login(username, "Str0ng-pass!");
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).endsWith("/login?error=locked");
		assertThat(browser.get("/login?error=locked").body()).contains("账号已临时锁定");

		assertThat(Http.as(port, "admin").get("/api/v1/audit?action=account.locked&q=" + username).json().get("total")
			.asLong()).isEqualTo(1);

		jdbc.update("update account.user_account set locked_until = now() - interval '1 second' where username = ?", username);
		assertThat(api.post("/api/v1/auth/tokens", Map.of("username", username, "password", "Str0ng-pass!")).status())
			.isEqualTo(201);
	}

	@Test
	void aLockedAccountsTokenStopsWorkingAtOnceThoughTokensAreRemembered() {
		String username = newUser();
		Http signedIn = Http.as(port, username, "Str0ng-pass!");
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
			assertThat(api.post("/api/v1/auth/tokens", Map.of("username", username, "password", "Str0ng-pass!")).status())
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
		assertThat(Http.api(port).post("/api/v1/auth/tokens", Map.of("username", username, "password", "Str0ng-pass!"))
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
		String first17 = "91310114MA" + String.format("%06d", (int) (Math.random() * 1_000_000)) + "0";
		var weak = Http.api(port).post("/api/v1/registrations", Map.of("organisation",
				Map.of("name", "弱密码测试公司", "type", "ENTERPRISE", "regionCode", "310114", "creditCode",
						first17 + CreditCode.checkCharacter(first17), "contactName", "王工", "contactPhone", "021-12345678",
						"contactEmail", "w@example.cn"),
				"user", Map.of("username", "weak" + System.nanoTime() % 100000, "password", "12345678", "displayName", "王工",
						"email", "w@example.cn")));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.code()).isEqualTo("account.password-weak");
	}

	private String newUser() {
		String first17 = "91310114MA" + String.format("%06d", (int) (Math.random() * 1_000_000)) + "0";
		String username = "lock" + System.nanoTime() % 10_000_000;
		var response = Http.api(port).post("/api/v1/registrations", Map.of("organisation",
				Map.of("name", "锁定测试公司" + username, "type", "ENTERPRISE", "regionCode", "310114", "creditCode",
						first17 + CreditCode.checkCharacter(first17), "contactName", "王工", "contactPhone", "021-12345678",
						"contactEmail", "w@example.cn"),
				"user", Map.of("username", username, "password", "Str0ng-pass!", "displayName", "王工", "email",
						"w@example.cn")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return username;
	}
}
