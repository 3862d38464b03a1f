package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Response;

import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * Every page each persona uses, opened in Chromium at desktop width and at 390 px: each answers 200, logs no
 * console error (a Content-Security-Policy violation, a script error, a missing resource), shows a heading,
 * does not scroll sideways on a phone, and squeezes no table cell or label to a column a character wide. Detail pages are reached by following the first item of their list.
 */
@KejiaoIntegrationTest
class PageSweepJourneyTests extends JourneyTest {

	static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("", List.of("/", "/catalog", "/catalog?q=电子显微镜", "/demands", "/challenges", "/notices", "/regions", "/zones",
				"/login", "/register", "/terms", "/privacy", "/password/forgot", "/instruments/free", "/listings", "/auctions", "/insight"));
		PAGES.put("ent-ws", List.of("/", "/orders", "/vouchers", "/notifications", "/demands", "/demands/new", "/challenges", "/me", "/me/password", "/bookings",
				"/bookings/feed", "/instruments/free?zone=yrd", "/auctions/mine", "/inquiries", "/contracts", "/contracts/new", "/agreements"));
		PAGES.put("provider-jd", List.of("/", "/orders", "/catalog/mine", "/bookings/console", "/notifications", "/me", "/sharing-figures",
				"/listings/mine", "/listings/new", "/auctions/selling", "/contracts"));
		PAGES.put("yn-admin", List.of("/", "/admin/vouchers", "/admin/organisations", "/admin/audit", "/admin/catalog", "/settlements",
				"/notices", "/admin/users", "/sharing-figures", "/contracts/registrations", "/auctions/console", "/inquiries", "/agreements", "/agreements/new", "/insight"));
		PAGES.put("expert-sh", List.of("/", "/challenges", "/notifications", "/reviews", "/challenges/mine"));
		PAGES.put("admin", List.of("/", "/admin/organisations", "/admin/audit", "/zones", "/admin/users", "/admin/booking/holidays",
				"/auctions/console", "/agreements", "/insight"));
	}

	/** Lists whose first item is opened too. */
	static final List<String> LISTS = List.of("/orders", "/demands", "/challenges", "/catalog?q=电子显微镜", "/admin/organisations",
			"/listings", "/auctions", "/contracts", "/inquiries", "/agreements");

	static final Pattern ITEM = Pattern.compile("^/(orders|demands|challenges|catalog/entries|admin/organisations)/[0-9a-f-]{36}$");

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "ent-ws", "provider-jd", "yn-admin", "expert-sh", "admin" })
	void everyPageOfThePersonaWorksOnADeskAndOnAPhone(String persona) {
		if (!persona.isEmpty()) {
			signIn(persona);
		}
		List<String> paths = new ArrayList<>();
		for (String path : PAGES.get(persona)) {
			paths.add(path);
			if (LISTS.contains(path)) {
				page.navigate(url(path));
				String prefix = path.startsWith("/catalog") ? "/catalog/entries" : path;
				Object first = page.evaluate("p => { const a = [...document.querySelectorAll('main a[href]')]"
						+ ".map(a => a.getAttribute('href')).find(h => h.startsWith(p + '/') && /[0-9a-f-]{36}$/.test(h)); return a || null; }",
						prefix);
				if (first != null) {
					paths.add((String) first);
				}
			}
		}
		List<String> problems = new ArrayList<>();
		for (String path : paths) {
			for (int width : new int[] { 1280, 390 }) {
				page.setViewportSize(width, width == 390 ? 844 : 900);
				Response response = page.navigate(url(path));
				if (response == null || response.status() != 200) {
					problems.add(path + " @" + width + ": status " + (response == null ? "none" : response.status()));
					continue;
				}
				if (page.locator("main h1, main h2").count() == 0) {
					problems.add(path + " @" + width + ": no heading");
				}
				Object squeezed = page.evaluate("() => { for (const c of document.querySelectorAll('main td, main th, main label, main dd')) {"
						+ " const t = c.textContent.trim(); const r = c.getBoundingClientRect();"
						+ " if (t.length >= 4 && r.width > 0 && r.width < 40 && r.height > 60) return c.tagName.toLowerCase() + ' \"' + t.slice(0, 20) + '\" ' + Math.round(r.width) + 'px wide'; }"
						+ " return null; }");
				if (squeezed != null) {
					problems.add(path + " @" + width + ": text squeezed to a column: " + squeezed);
				}
				int scroll = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
				if (scroll > width) {
					problems.add(path + " @" + width + ": " + scroll + " px wide, scrolls sideways: " + widest());
				}
			}
		}
		assertThat(problems).as("pages of %s", persona.isEmpty() ? "a visitor" : persona).isEmpty();
		assertThat(paths.stream().filter(path -> ITEM.matcher(path).matches())).as("detail pages reached").isNotEmpty();
	}

	/** The element that sticks out furthest, to say what to fix. */
	private String widest() {
		return (String) page.evaluate("() => { let w = null, r = 0; for (const e of document.querySelectorAll('main *')) {"
				+ " const right = e.getBoundingClientRect().right; if (right > r && !e.closest('.table-wrap')) { r = right; w = e; } }"
				+ " return w ? w.tagName.toLowerCase() + (w.id ? '#' + w.id : '') + (w.className ? '.' + String(w.className).split(' ').join('.') : '') + ' ' + Math.round(r) : ''; }");
	}

}
