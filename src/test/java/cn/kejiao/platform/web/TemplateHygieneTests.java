package cn.kejiao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The site's Content-Security-Policy ({@code script-src 'self'}) blocks inline scripts and inline event
 * handlers, so a page that uses one silently does nothing when clicked. No template may hold one: no
 * {@code onclick=}/{@code th:onchange=}/{@code hx-on…} attribute, no {@code <script>} with a body, no
 * {@code javascript:} address.
 */
class TemplateHygieneTests {

	static final Pattern HANDLER = Pattern.compile("\\s(?:th:|data-th-)?on[a-z]+\\s*=|\\shx-on[:-]", Pattern.CASE_INSENSITIVE);

	static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

	static final Pattern SCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateHoldsScriptThePolicyWouldBlock() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					for (Pattern pattern : List.of(HANDLER, INLINE_SCRIPT, SCRIPT_URL)) {
						Matcher matcher = pattern.matcher(lines.get(i));
						if (matcher.find()) {
							found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
						}
					}
				}
			}
		}
		assertThat(found).as("inline script the Content-Security-Policy blocks").isEmpty();
	}

	@Test
	void theRuleNoticesAnInlineHandler() {
		assertThat(HANDLER.matcher("<select onchange=\"this.form.submit()\">").find()).isTrue();
		assertThat(HANDLER.matcher("<select th:onchange=\"x\">").find()).isTrue();
		assertThat(HANDLER.matcher("<button hx-on:click=\"x\">").find()).isTrue();
		assertThat(INLINE_SCRIPT.matcher("<script>alert(1)</script>").find()).isTrue();
		assertThat(INLINE_SCRIPT.matcher("<script th:src=\"@{/js/kejiao.js}\" defer></script>").find()).isFalse();
		assertThat(HANDLER.matcher("<input id=\"online\" data-one=\"x\">").find()).isFalse();
	}
}
