package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Kejiao and its database are killed (kill -9, both) in the middle of a stream of accepts and confirms, then
 * started again on the same data: every step the clients were told had succeeded is there, no order is half
 * way between two states (its state and its money agree), and the ledger verifies.
 */
class CrashRecoveryTests {

	@TempDir
	Path dataDir;

	@Test
	void everyAcknowledgedStepSurvivesAKillAndNothingIsHalfDone() throws Exception {
		int port = freePort();
		Process app = start(port);
		Http enterprise = Http.as(port, "ent-ws");
		Http provider = Http.as(port, "provider-jd");
		String grant = null;
		for (JsonNode each : enterprise.get("/api/v1/voucher-grants").json()) {
			if (each.get("schemeName").asString().startsWith("云南省科技创新券")) {
				grant = each.get("id").asString();
			}
		}
		String providerOrg = provider.get("/api/v1/me").json().get("organisationId").asString();
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			String id = enterprise.post("/api/v1/orders", Map.of("providerOrgId", providerOrg, "description", "崩溃测试 " + i,
					"serviceKind", "检验检测")).json().get("id").asString();
			provider.post("/api/v1/orders/" + id + "/quote", Map.of("amount", "200.00"));
			orders.add(id);
		}

		Set<String> accepted = ConcurrentHashMap.newKeySet();
		Set<String> confirmed = ConcurrentHashMap.newKeySet();
		AtomicInteger acknowledged = new AtomicInteger();
		String voucherGrant = grant;
		ExecutorService clients = Executors.newFixedThreadPool(8);
		for (String order : orders) {
			clients.submit(() -> {
				try {
					var accept = enterprise.sendWith("POST", "/api/v1/orders/" + order + "/accept",
							"{\"quotedAmount\":\"200.00\",\"grantId\":\"" + voucherGrant + "\",\"voucherAmount\":\"100.00\"}", "Idempotency-Key", "crash-" + order);
					if (accept.status() != 200) {
						return;
					}
					accepted.add(order);
					acknowledged.incrementAndGet();
					if (provider.post("/api/v1/orders/" + order + "/deliver", Map.of("note", "报告")).status() != 200) {
						return;
					}
					if (enterprise.post("/api/v1/orders/" + order + "/confirm", Map.of()).status() == 200) {
						confirmed.add(order);
						acknowledged.incrementAndGet();
					}
				}
				catch (RuntimeException connectionLost) {
					// the server is gone: this step was not acknowledged
				}
			});
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (acknowledged.get() < 50 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		// kill -9 the application and its database, as a power cut would
		long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().strip());
		app.destroyForcibly();
		ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
		app.waitFor(30, TimeUnit.SECONDS);
		clients.shutdownNow();
		clients.awaitTermination(30, TimeUnit.SECONDS);
		assertThat(accepted).as("steps acknowledged before the kill").isNotEmpty();
		assertThat(accepted.size()).as("the kill came in the middle of the stream").isLessThan(orders.size());

		Process again = start(port);
		try {
			Http admin = Http.as(port, "admin");
			Http reader = Http.as(port, "ent-ws");
			for (String order : orders) {
				JsonNode view = reader.get("/api/v1/orders/" + order).json();
				String state = view.get("state").asString();
				if (confirmed.contains(order)) {
					assertThat(state).as(order).isEqualTo("CONFIRMED");
				}
				else if (accepted.contains(order)) {
					assertThat(state).as(order).isIn("ACCEPTED", "DELIVERED", "CONFIRMED");
				}
				List<String> kinds = new ArrayList<>();
				admin.get("/api/v1/voucher-ledger/transfers?reference=order:" + order).json()
					.forEach(t -> kinds.add(t.get("kind").asString()));
				switch (state) {
					case "QUOTED" -> assertThat(kinds).as(order).isEmpty();
					case "ACCEPTED", "DELIVERED" -> assertThat(kinds).as(order).containsExactly("HOLD");
					case "CONFIRMED" -> assertThat(kinds).as(order).containsExactly("HOLD", "POST");
					default -> throw new AssertionError(order + " in state " + state);
				}
			}
			JsonNode verification = admin.get("/api/v1/voucher-ledger/verification").json();
			assertThat(verification.get("violations").size()).as(verification.toString()).isZero();
		}
		finally {
			again.destroy();
			again.waitFor(60, TimeUnit.SECONDS);
		}
	}

	private Process start(int port) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				KejiaoApplication.class.getName(), "--kejiao.data-dir=" + dataDir, "--server.port=" + port,
				"--kejiao.demo.enabled=true", "--kejiao.demo.catalog-scale=small", "--kejiao.demo.catalog-in-background=false",
				"--spring.main.banner-mode=off", "--logging.file.name=" + dataDir.resolve("kejiao.log"))
			.redirectErrorStream(true).redirectOutput(dataDir.resolve("out-" + System.nanoTime() + ".log").toFile()).start();
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Kejiao stopped while starting; see " + dataDir);
			}
			try {
				if (Http.api(port).get("/actuator/health").status() == 200) {
					return process;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Kejiao did not start");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
