package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The same searches against a real OpenSearch node as against the embedded index: the distribution on
 * Maven Central (copied to target/opensearch by the build) is unpacked, started as an unprivileged user on a
 * free port with a JDK 17–21 from /usr/lib/jvm, and Kejiao runs with the Elasticsearch backend pointed at it.
 */
@EnabledOnOs(OS.LINUX)
class OpenSearchBackendTests {

	static final String VERSION = "2.19.1";

	static Path home;

	static Process node;

	static int httpPort;

	static ConfigurableApplicationContext app;

	static Path appDir;

	@BeforeAll
	static void startOpenSearchAndKejiao() throws Exception {
		Path distribution = Path.of("target/opensearch/opensearch-" + VERSION + ".zip");
		Path analysisCommon = Path.of("target/opensearch/analysis-common-" + VERSION + ".jar");
		assumeTrue(Files.exists(distribution) && Files.exists(analysisCommon),
				"the OpenSearch distribution is copied to target/opensearch by the Maven build");
		Optional<Path> jdk = jdkForOpenSearch();
		assumeTrue(jdk.isPresent(), "OpenSearch " + VERSION + " needs a JDK 17 to 21 under /usr/lib/jvm");

		home = Files.createTempDirectory("kejiao-opensearch");
		unzip(distribution, home);
		Path root = home.resolve("opensearch-" + VERSION);
		// the minimal distribution lacks the standard analysis module (whitespace tokenizer, lowercase filter)
		Path module = Files.createDirectories(root.resolve("modules/analysis-common"));
		Files.copy(analysisCommon, module.resolve(analysisCommon.getFileName()));
		Files.writeString(module.resolve("plugin-descriptor.properties"), """
				description=Adds "built in" analyzers to OpenSearch.
				version=%1$s
				name=analysis-common
				classname=org.opensearch.analysis.common.CommonAnalysisPlugin
				java.version=11
				opensearch.version=%1$s
				""".formatted(VERSION));
		httpPort = freePort();
		Files.writeString(root.resolve("config/opensearch.yml"), """
				cluster.name: kejiao-test
				discovery.type: single-node
				network.host: 127.0.0.1
				http.port: %d
				transport.port: %d
				path.data: %s
				path.logs: %s
				""".formatted(httpPort, freePort(), root.resolve("data"), root.resolve("logs")));
		openUp(home);

		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// OpenSearch refuses to run as root
			command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
		}
		command.add(root.resolve("bin/opensearch").toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolve("opensearch.out").toFile());
		builder.environment().put("OPENSEARCH_JAVA_HOME", jdk.get().toString());
		builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms384m -Xmx384m");
		builder.environment().remove("JAVA_HOME");
		node = builder.start();
		awaitHealthy(Duration.ofMinutes(3));

		appDir = Files.createTempDirectory("kejiao-opensearch-app");
		app = new SpringApplicationBuilder(KejiaoApplication.class).run("--kejiao.data-dir=" + appDir, "--server.port=0",
				"--spring.main.banner-mode=off", "--logging.file.name=" + appDir.resolve("kejiao.log"),
				"--kejiao.demo.enabled=true", "--kejiao.demo.catalog-scale=small", "--kejiao.demo.catalog-in-background=false",
				"--spring.jpa.properties.hibernate.search.backend.type=elasticsearch",
				"--spring.jpa.properties.hibernate.search.backend.uris=http://127.0.0.1:" + httpPort);
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.close();
		}
		if (node != null) {
			node.destroy();
			if (!node.waitFor(30, TimeUnit.SECONDS)) {
				node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		for (Path dir : new Path[] { home, appDir }) {
			if (dir != null) {
				try (Stream<Path> files = Files.walk(dir)) {
					files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
				}
			}
		}
	}

	@Test
	void searchesAnswerAsOnTheEmbeddedIndex() {
		JsonNode cluster = get("/" + "_cat/indices?format=json");
		assertThat(cluster.toString()).as("Kejiao's index is on the cluster").contains("catalog-entry");

		JsonNode simplified = search("q=开放共享&size=100");
		JsonNode traditional = search("q=開放共享&size=100");
		assertThat(simplified.get("total").asLong()).isPositive().isEqualTo(traditional.get("total").asLong());

		assertThat(search("q=ＸＲＤ").get("total").asLong()).isPositive().isEqualTo(search("q=xrd").get("total").asLong());
		assertThat(search("q=SEM&type=instrument").get("hits").get(0).get("title").asString())
			.isIn("场发射扫描电子显微镜", "場發射掃描電子顯微鏡");
		assertThat(search("q=低品位铝土矿").get("hits").get(0).get("title").asString()).isEqualTo("低品位铝土矿生产氧化铝技术");

		JsonNode yunnan = search("region=530000&size=100");
		assertThat(yunnan.get("total").asLong()).isPositive();
		assertThat(yunnan.get("hits").findValuesAsString("regionCode")).allMatch(code -> code.startsWith("53"));
		long byType = 0;
		for (JsonNode count : yunnan.get("facets").get("type")) {
			byType += count.asLong();
		}
		assertThat(byType).as("type facet counts add up to the total").isEqualTo(yunnan.get("total").asLong());

		// a change is searchable as soon as the request that made it has returned
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		Http provider = Http.as(port, "provider-jd");
		String title = "太赫兹时域光谱仪" + System.nanoTime() % 100_000;
		String id = provider.post("/api/v1/catalog/instruments", Map.of("title", title)).json().get("id").asString();
		provider.post("/api/v1/catalog/instruments/" + id + "/publish", Map.of());
		assertThat(search("q=" + title).get("hits").get(0).get("id").asString()).isEqualTo(id);
		provider.post("/api/v1/catalog/instruments/" + id + "/withdraw", Map.of());
		assertThat(search("q=" + title).get("hits").findValuesAsString("id")).doesNotContain(id);
	}

	private static JsonNode search(String parameters) {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		var response = Http.api(port).get("/api/v1/search?" + parameters.replace(" ", "%20"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode get(String path) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitHealthy(Duration timeout) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!node.isAlive()) {
				throw new IllegalStateException("OpenSearch stopped: " + tail());
			}
			try {
				HttpResponse<String> response = client.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("OpenSearch did not become healthy: " + tail());
	}

	private static String tail() throws IOException {
		List<String> lines = Files.readAllLines(home.resolve("opensearch.out"));
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/** A JDK OpenSearch 2.19 runs on: 17 to 21 (it needs the security manager, gone from 24 on). */
	static Optional<Path> jdkForOpenSearch() throws IOException {
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> dirs = Files.list(jvms)) {
			return dirs.filter(dir -> Files.isExecutable(dir.resolve("bin/java")) && Files.exists(dir.resolve("release")))
				.filter(dir -> {
					try {
						String release = Files.readString(dir.resolve("release"));
						var matcher = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
						if (!matcher.find()) {
							return false;
						}
						int major = Integer.parseInt(matcher.group(1));
						return major >= 17 && major <= 21;
					}
					catch (IOException ex) {
						return false;
					}
				})
				.sorted().findFirst();
		}
	}

	private static void unzip(Path zip, Path target) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("bad entry " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/** Readable and writable by the unprivileged user the node runs as; scripts executable. */
	private static void openUp(Path dir) throws IOException, InterruptedException {
		Process chmod = new ProcessBuilder("chmod", "-R", "a+rwX", dir.toString()).inheritIO().start();
		assertThat(chmod.waitFor()).isZero();
		try (Stream<Path> scripts = Files.list(dir.resolve("opensearch-" + VERSION + "/bin"))) {
			scripts.forEach(script -> script.toFile().setExecutable(true, false));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
