package cn.kejiao.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The base of every browser journey: a real Chromium against the running application, one fresh browser
 * context per test (zh-CN, desktop width), and a watch on the console. Any console error — a blocked inline
 * script or style (Content-Security-Policy), a script error, a resource that answered 404 (such as
 * {@code /favicon.ico}) — fails the test after it ran, unless the test declared that it opens an error page
 * on purpose ({@link #expectErrorPages()}).
 *
 * <p>Subclasses carry {@code @KejiaoIntegrationTest}, so they share the one application context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JourneyTest {

	/** The password of every demo persona. */
	protected static final String DEMO_PASSWORD = "kejiao-demo";

	private static final Pattern ERROR_STATUS = Pattern.compile("status of (400|403|404|409)");

	@LocalServerPort
	protected int port;

	private Optional<java.nio.file.Path> chromium;
	private Playwright playwright;
	private Browser browser;
	protected BrowserContext context;
	protected Page page;
	private final List<String> consoleErrors = new ArrayList<>();
	private boolean errorPagesExpected;

	@BeforeAll
	void launchBrowser() {
		chromium = Browsers.chromium();
		if (chromium.isPresent()) {
			playwright = Browsers.playwright();
			browser = Browsers.launch(playwright, chromium.get());
		}
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openContext() {
		Browsers.require(chromium);
		consoleErrors.clear();
		errorPagesExpected = false;
		context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
		watch(page);
	}

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
			context = null;
		}
		List<String> errors = consoleErrors.stream()
			.filter(error -> !(errorPagesExpected && ERROR_STATUS.matcher(error).find()))
			.toList();
		assertThat(errors).as("console errors in the browser").isEmpty();
	}

	/** Watches another page (a popup, a second tab) for console errors too. */
	protected void watch(Page another) {
		another.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				consoleErrors.add(message.text() + " @ " + another.url());
			}
		});
		another.onPageError(error -> consoleErrors.add("page error: " + error + " @ " + another.url()));
	}

	/** The test opens a 400/403/404/409 page on purpose: the browser's "failed to load" line is not an error then. */
	protected void expectErrorPages() {
		errorPagesExpected = true;
	}

	/** A new browser context as another person (its own cookies), watched like the first. */
	protected Page newPerson() {
		BrowserContext other = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
		other.setDefaultTimeout(15_000);
		Page another = other.newPage();
		watch(another);
		return another;
	}

	/** Signs in on the login page as a demo persona and waits to leave it. */
	protected void signIn(String username) {
		signIn(username, DEMO_PASSWORD);
	}

	protected void signIn(String username, String password) {
		signIn(page, username, password);
	}

	protected void signIn(Page on, String username, String password) {
		on.navigate(url("/login"));
		on.locator("#username").fill(username);
		on.locator("#password").fill(password);
		on.locator("main button[type=submit]").click();
		on.waitForURL(address -> !address.contains("/login"));
	}

	protected void signOut() {
		page.locator("form[action='/logout'] button").click();
		page.waitForURL(url("/login?logout"));
	}

	/** Phone width (390 × 844). */
	protected void phone() {
		page.setViewportSize(390, 844);
	}

	/** The page does not scroll sideways at the current width. */
	protected void assertNoSidewaysScroll() {
		int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
		int viewport = ((Number) page.evaluate("window.innerWidth")).intValue();
		assertThat(width).as("page width at %d px: %s", viewport, page.url()).isLessThanOrEqualTo(viewport);
	}

	/** Waits until the page shows the text somewhere in main. */
	protected void assertMainShows(String text) {
		assertThat(page.locator("main")).containsText(text);
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}
}
