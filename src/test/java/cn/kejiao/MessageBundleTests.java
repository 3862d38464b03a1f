package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.kejiao.organisation.InvalidCreditCodeException;
import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.Qualification;
import cn.kejiao.platform.Role;
import cn.kejiao.region.RegionLevel;

/** Every text a user can see exists in Chinese and in English; nothing falls back to a raw key. */
class MessageBundleTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");
	static final Path SOURCES = Path.of("src/main/java");
	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
	static final Pattern ERROR_CODE = Pattern.compile(
			"(?:KejiaoException\\.(?:invalid|notFound|conflict|forbidden)\\(|new KejiaoException\\(HttpStatus\\.\\w+, )\"([\\w.-]+)\"");

	final Properties chinese = load("i18n/messages.properties");
	final Properties english = load("i18n/messages_en.properties");

	@Test
	void bothLanguagesHaveTheSameKeys() {
		Set<String> missingInEnglish = new TreeSet<>(chinese.stringPropertyNames());
		missingInEnglish.removeAll(english.stringPropertyNames());
		Set<String> missingInChinese = new TreeSet<>(english.stringPropertyNames());
		missingInChinese.removeAll(chinese.stringPropertyNames());
		assertThat(missingInEnglish).as("keys missing in English").isEmpty();
		assertThat(missingInChinese).as("keys missing in Chinese").isEmpty();
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		List<String> missing = new ArrayList<>();
		int found = 0;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
				while (matcher.find()) {
					found++;
					String key = matcher.group(1);
					if (!chinese.containsKey(key) || !english.containsKey(key)) {
						missing.add(file.getFileName() + ": " + key);
					}
				}
			}
		}
		assertThat(found).isGreaterThan(100);
		assertThat(missing).isEmpty();
	}

	@Test
	void everyErrorCodeThrownHasAMessage() throws IOException {
		Set<String> codes = new TreeSet<>(Set.of("internal", "request.malformed", "request.invalid-fields",
				"request.invalid-parameter", "request.missing-parameter", "request.not-found", "request.method-not-allowed",
				"request.unsupported-media-type", "request.not-acceptable", "request.too-large", "request.invalid",
				"request.conflict", "request.concurrent-change", "auth.required", "auth.forbidden", "auth.token-invalid"));
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = ERROR_CODE.matcher(Files.readString(file));
				while (matcher.find()) {
					codes.add(matcher.group(1));
				}
			}
		}
		for (String rule : List.of("empty", "length", "character", "authority", "division", "check-character")) {
			codes.add("organisation.credit-code." + rule);
		}
		assertThat(InvalidCreditCodeException.Rule.values()).hasSize(6);
		// a detail problem's code is built from the problem's kind: each kind has a message of its own
		codes.remove("catalog.detail.");
		for (String problem : List.of("unknown-detail", "single", "too-long", "amount", "number", "year", "trl", "yes-no",
				"choice", "patent", "instrument")) {
			codes.add("catalog.detail." + problem);
			if (!problem.equals("instrument")) {
				codes.add("import.row." + problem);
			}
		}
		assertThat(codes).contains("region.not-found", "organisation.not-pending", "auth.locked");
		List<String> missing = codes.stream().map(code -> "error." + code)
			.filter(key -> !chinese.containsKey(key) || !english.containsKey(key)).toList();
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEnumShownOnAPageHasANameInBothLanguages() {
		List<String> keys = new ArrayList<>();
		Stream.of(OrganisationType.values()).forEach(v -> keys.add("orgType." + v));
		Stream.of(OrganisationStatus.values()).forEach(v -> keys.add("orgStatus." + v));
		Stream.of(Qualification.values()).forEach(v -> keys.add("qualification." + v));
		Stream.of(Role.values()).forEach(v -> keys.add("role." + v));
		Stream.of(Role.values()).forEach(v -> keys.add("home." + v + ".title"));
		Stream.of(RegionLevel.values()).forEach(v -> keys.add("region.level." + v));
		Stream.of(400, 401, 403, 404, 405, 409, 413, 415, 500).forEach(v -> keys.add("status." + v));
		assertThat(keys.stream().filter(key -> !chinese.containsKey(key) || !english.containsKey(key))).isEmpty();
	}

	@Test
	void chineseIsReallyChinese() {
		assertThat(chinese.getProperty("nav.home")).isEqualTo("首页");
		assertThat(english.getProperty("nav.home")).isEqualTo("Home");
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(
				MessageBundleTests.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}
}
