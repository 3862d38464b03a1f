package cn.kejiao.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The Chromium the browser tests drive, found without downloading anything: {@code CHROME_PATH} (or the
 * system property {@code kejiao.chromium}) when set, else the system's {@code chromium} /
 * {@code chromium-browser} / {@code google-chrome}, else a browser Playwright installed earlier under
 * {@code PLAYWRIGHT_BROWSERS_PATH} or {@code ~/.cache/ms-playwright}. Where none is there the test is
 * skipped with a message that says how to get one; with {@code KEJIAO_REQUIRE_BROWSER=1} (set by
 * {@code .ci/run}) it fails instead, so CI never passes without having run the browser tests.
 */
public final class Browsers {

	static final String HOW_TO_GET_ONE = "No Chromium for the browser tests: install one (Debian/Ubuntu: apt-get install chromium), "
			+ "or let Playwright fetch its own (./mvnw exec:java -Dexec.classpathScope=test "
			+ "-Dexec.mainClass=com.microsoft.playwright.CLI -Dexec.args=\"install chromium\"), "
			+ "or set CHROME_PATH to a Chromium or Chrome executable";

	static final List<String> SYSTEM_CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium");

	private Browsers() {
	}

	/** The Chromium to drive, if the machine has one. */
	public static Optional<Path> chromium() {
		Map<String, String> env = System.getenv();
		return find(env, System.getProperty("kejiao.chromium"), SYSTEM_CHROMIUM, playwrightCaches(env));
	}

	/** Call at the start of each browser test: skipped (failed when a browser is required) without one. */
	public static Path require(Optional<Path> chromium) {
		return require(System.getenv(), chromium);
	}

	/** Starts the given Chromium headless. */
	public static Browser launch(Playwright playwright, Path chromium) {
		return playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(chromium)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	/** Playwright without a browser download of its own. */
	public static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	/** The browser to use, or a skipped (or, when required, failed) test. */
	static Path require(Map<String, String> env, Optional<Path> found) {
		if (found.isEmpty()) {
			if ("1".equals(env.get("KEJIAO_REQUIRE_BROWSER")) || "true".equalsIgnoreCase(env.get("KEJIAO_REQUIRE_BROWSER"))) {
				Assertions.fail(HOW_TO_GET_ONE + " (KEJIAO_REQUIRE_BROWSER is set, so this is a failure, not a skip)");
			}
			Assumptions.abort(HOW_TO_GET_ONE);
		}
		return found.get();
	}

	/**
	 * The first executable of: the property, {@code CHROME_PATH}, the system paths, a Chromium in the Playwright
	 * caches (newest revision first). A property or variable that names something missing is not silently
	 * replaced: it counts as "no browser".
	 */
	static Optional<Path> find(Map<String, String> env, String property, List<String> systemPaths, List<Path> playwrightCaches) {
		for (String named : new String[] { property, env.get("CHROME_PATH") }) {
			if (named != null && !named.isBlank()) {
				return executable(Path.of(named.strip()));
			}
		}
		for (String path : systemPaths) {
			Optional<Path> found = executable(Path.of(path));
			if (found.isPresent()) {
				return found;
			}
		}
		for (Path cache : playwrightCaches) {
			Optional<Path> found = inPlaywrightCache(cache);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	static List<Path> playwrightCaches(Map<String, String> env) {
		List<Path> caches = new ArrayList<>();
		String custom = env.get("PLAYWRIGHT_BROWSERS_PATH");
		if (custom != null && !custom.isBlank() && !"0".equals(custom)) {
			caches.add(Path.of(custom));
		}
		String home = env.getOrDefault("HOME", System.getProperty("user.home"));
		if (home != null) {
			caches.add(Path.of(home, ".cache", "ms-playwright"));
		}
		return caches;
	}

	private static Optional<Path> inPlaywrightCache(Path cache) {
		if (!Files.isDirectory(cache)) {
			return Optional.empty();
		}
		try (Stream<Path> revisions = Files.list(cache)) {
			return revisions.filter(dir -> dir.getFileName().toString().matches("chromium-\\d+"))
				.sorted(Comparator.comparing((Path dir) -> Integer.parseInt(dir.getFileName().toString().substring(9))).reversed())
				.flatMap(dir -> Stream.of(dir.resolve("chrome-linux/chrome"), dir.resolve("chrome-linux64/chrome")))
				.map(Browsers::executable).flatMap(Optional::stream).findFirst();
		}
		catch (java.io.IOException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Path> executable(Path path) {
		return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
	}
}
