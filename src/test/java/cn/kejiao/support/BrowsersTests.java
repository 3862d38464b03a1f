package cn.kejiao.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Where the browser tests find Chromium, and what happens on a machine that has none. */
class BrowsersTests {

	@TempDir
	Path dir;

	@Test
	void withoutAnyChromiumTheBrowserTestIsSkippedWithAMessageSayingHowToGetOne() {
		Map<String, String> env = Map.of("HOME", dir.toString());
		assertThat(Browsers.find(env, null, List.of(dir.resolve("usr/bin/chromium").toString()), Browsers.playwrightCaches(env)))
			.isEmpty();
		// the property names a missing path: no browser, whatever the machine has
		assertThatThrownBy(() -> Browsers.require(env, Browsers.find(env, dir.resolve("missing/chromium").toString(),
				Browsers.SYSTEM_CHROMIUM, Browsers.playwrightCaches(env))))
			.isInstanceOf(TestAbortedException.class)
			.hasMessageContaining("apt-get install chromium")
			.hasMessageContaining("install chromium\"");
	}

	@Test
	void onCiAMissingBrowserFailsInsteadOfSkipping() {
		Map<String, String> env = Map.of("HOME", dir.toString(), "KEJIAO_REQUIRE_BROWSER", "1");
		assertThatThrownBy(() -> Browsers.require(env, Browsers.find(env, dir.resolve("missing/chromium").toString(),
				Browsers.SYSTEM_CHROMIUM, Browsers.playwrightCaches(env))))
			.isInstanceOf(AssertionFailedError.class)
			.hasMessageContaining("KEJIAO_REQUIRE_BROWSER");
	}

	@Test
	void chromePathComesFirstThenTheSystemChromiumThenOnePlaywrightInstalled() throws Exception {
		Path system = executable(dir.resolve("usr/bin/chromium"));
		Path named = executable(dir.resolve("opt/chrome/chrome"));
		Path older = executable(dir.resolve("home/.cache/ms-playwright/chromium-1100/chrome-linux/chrome"));
		Path newer = executable(dir.resolve("home/.cache/ms-playwright/chromium-1200/chrome-linux/chrome"));
		Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
		List<Path> caches = Browsers.playwrightCaches(env);

		assertThat(Browsers.find(Map.of("CHROME_PATH", named.toString()), null, List.of(system.toString()), caches)).contains(named);
		assertThat(Browsers.find(env, null, List.of(system.toString()), caches)).contains(system);
		assertThat(Browsers.find(env, null, List.of(dir.resolve("nothing").toString()), caches)).contains(newer);
		assertThat(older).exists();
		// a file that cannot be executed is no browser
		Files.setPosixFilePermissions(newer, PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(Browsers.find(env, null, List.of(), caches)).contains(older);
	}

	private static Path executable(Path path) throws Exception {
		Files.createDirectories(path.getParent());
		Files.writeString(path, "#!/bin/sh\n");
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
		return path;
	}
}
