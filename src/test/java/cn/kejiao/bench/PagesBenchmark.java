package cn.kejiao.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.kejiao.KejiaoApplication;

/**
 * bench/pages: the pages people use, each fetched through the whole web stack (security, session, Thymeleaf)
 * as the persona who uses it, signed in through the login form like a browser. After a warm-up, each page is
 * fetched {@code --rounds} times one after another; prints a Markdown table of p50, p95 and the slowest
 * answer per page, and whether every p95 is within the target (300 ms).
 */
public final class PagesBenchmark {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	static final Pattern ENTRY_LINK = Pattern.compile("href=\"/catalog/entries/([0-9a-f-]{36})\"");

	static final long TARGET_MS = 300;

	/** Lists whose first item is benchmarked too. */
	static final Map<String, String> DETAIL_OF = Map.of("/orders", "/orders", "/demands", "/demands", "/challenges", "/challenges");

	public static void main(String[] args) throws Exception {
		int rounds = intArg(args, "--rounds", 100);
		int warmup = intArg(args, "--warmup", 30);
		String scale = stringArg(args, "--catalog", "full");
		Path dataDir = Files.createTempDirectory("kejiao-pages-bench");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(KejiaoApplication.class)
			.run("--kejiao.data-dir=" + dataDir, "--kejiao.demo.enabled=true", "--kejiao.demo.catalog-scale=" + scale,
					"--kejiao.demo.catalog-in-background=false", "--server.port=0", "--spring.main.banner-mode=off",
					"--logging.level.root=warn", "--kejiao.matching.embeddings.enabled=false");
		List<String> rows = new ArrayList<>();
		boolean allWithin = true;
		try {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			Map<String, List<String>> pages = new LinkedHashMap<>();
			String anyEntry = firstEntry(base);
			pages.put("", List.of("/", "/catalog", "/catalog?q=" + enc("电子显微镜"), "/catalog?q=" + enc("检测") + "&type=SERVICE&page=1",
					"/catalog/entries/" + anyEntry, "/demands", "/challenges", "/notices", "/regions", "/zones"));
			pages.put("ent-ws", List.of("/", "/orders", "/vouchers", "/notifications", "/demands", "/challenges", "/me"));
			pages.put("provider-jd", List.of("/", "/orders", "/catalog/mine", "/notifications"));
			pages.put("yn-admin", List.of("/", "/admin/vouchers", "/admin/organisations", "/admin/audit", "/admin/catalog", "/settlements", "/admin/users"));
			pages.put("expert-sh", List.of("/", "/challenges", "/reviews", "/challenges/mine"));
			rows.add("| persona | page | status | p50 ms | p95 ms | max ms | within " + TARGET_MS + " ms |");
			rows.add("|---|---|---|---:|---:|---:|---|");
			for (var persona : pages.entrySet()) {
				HttpClient client = HttpClient.newBuilder()
					.cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NEVER)
					.connectTimeout(Duration.ofSeconds(5))
					.build();
				if (!persona.getKey().isEmpty()) {
					signIn(client, base, persona.getKey());
				}
				List<String> paths = new ArrayList<>();
				for (String path : persona.getValue()) {
					paths.add(path);
					// the first item a list links to is opened too: /orders → /orders/{id}
					if (DETAIL_OF.containsKey(path)) {
						Matcher item = Pattern.compile("href=\"(" + DETAIL_OF.get(path) + "/[0-9a-f-]{36})\"")
							.matcher(get(client, base + path).body());
						if (item.find()) {
							paths.add(item.group(1));
						}
					}
				}
				for (String path : paths) {
					int status = 0;
					for (int i = 0; i < warmup; i++) {
						status = get(client, base + path).statusCode();
					}
					long[] nanos = new long[rounds];
					for (int i = 0; i < rounds; i++) {
						long start = System.nanoTime();
						status = get(client, base + path).statusCode();
						nanos[i] = System.nanoTime() - start;
					}
					Arrays.sort(nanos);
					double p50 = nanos[rounds / 2] / 1e6;
					double p95 = nanos[(int) Math.ceil(rounds * 0.95) - 1] / 1e6;
					double max = nanos[rounds - 1] / 1e6;
					boolean within = status == 200 && p95 <= TARGET_MS;
					allWithin &= within;
					rows.add(String.format(Locale.ROOT, "| %s | `%s` | %d | %.1f | %.1f | %.1f | %s |",
							persona.getKey().isEmpty() ? "anonymous" : persona.getKey(), shorten(path), status, p50, p95, max,
							within ? "yes" : "**no**"));
				}
			}
		}
		finally {
			app.close();
		}
		System.out.println();
		System.out.printf("Pages with a session, %d sequential fetches each after %d warm-up fetches, %d cores:%n%n", rounds, warmup,
				Runtime.getRuntime().availableProcessors());
		rows.forEach(System.out::println);
		System.out.println();
		System.out.println(allWithin ? "Every page: p95 within " + TARGET_MS + " ms." : "Some pages are over " + TARGET_MS + " ms at p95.");
	}

	static void signIn(HttpClient client, String base, String username) throws Exception {
		String login = get(client, base + "/login").body();
		Matcher csrf = CSRF.matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + enc(username) + "&password=" + enc("kejiao-demo") + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + answer.statusCode() + " " + location);
		}
	}

	static String firstEntry(String base) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Matcher link = ENTRY_LINK.matcher(get(client, base + "/catalog?q=" + enc("检测")).body());
		if (!link.find()) {
			throw new IllegalStateException("the catalog search shows no entry");
		}
		return link.group(1);
	}

	static HttpResponse<String> get(HttpClient client, String url) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "zh-CN").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static String shorten(String path) {
		String decoded = java.net.URLDecoder.decode(path, StandardCharsets.UTF_8);
		return decoded.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static int intArg(String[] args, String name, int otherwise) {
		String value = stringArg(args, name, null);
		return value == null ? otherwise : Integer.parseInt(value);
	}

	static String stringArg(String[] args, String name, String otherwise) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return otherwise;
	}
}
