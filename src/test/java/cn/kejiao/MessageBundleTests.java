package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

	/**
	 * Every message of every bundle is a MessageFormat pattern (spring.messages.always-use-message-format): an
	 * apostrophe that is not doubled quotes the rest of the message, and its figures are lost ("the scheme's
	 * cap, ¥{0}" shows "¥{0}"). Each message is formatted here as the application formats it, with sample
	 * arguments: every argument it names appears, no placeholder is left, no apostrophe goes missing, and both
	 * languages name the same arguments.
	 */
	@Test
	void everyMessageKeepsItsFiguresAndApostrophesInEveryLanguage() throws IOException {
		var settings = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
		settings.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));
		Properties application = java.util.Objects.requireNonNull(settings.getObject());
		assertThat(application.getProperty("spring.messages.always-use-message-format")).isEqualTo("true");
		var source = new org.springframework.context.support.ResourceBundleMessageSource();
		source.setBasename(application.getProperty("spring.messages.basename"));
		source.setDefaultEncoding(application.getProperty("spring.messages.encoding"));
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);
		Map<java.util.Locale, Properties> bundles = Map.of(java.util.Locale.SIMPLIFIED_CHINESE, chinese,
				java.util.Locale.ENGLISH, english);
		List<String> wrong = new ArrayList<>();
		int formatted = 0;
		for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
			Set<Integer> chineseArguments = arguments(chinese.getProperty(key));
			Set<Integer> englishArguments = arguments(english.getProperty(key, ""));
			if (!chineseArguments.equals(englishArguments)) {
				wrong.add(key + ": arguments " + chineseArguments + " in Chinese, " + englishArguments + " in English");
			}
			for (var bundle : bundles.entrySet()) {
				String pattern = bundle.getValue().getProperty(key);
				if (pattern == null) {
					continue;
				}
				Set<Integer> used = arguments(pattern);
				Object[] samples = new Object[used.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
				for (int i = 0; i < samples.length; i++) {
					samples[i] = "‹" + i + "›";
				}
				String text = source.getMessage(key, samples, bundle.getKey());
				formatted++;
				String where = key + " (" + bundle.getKey() + "): " + text;
				if (PLACEHOLDER.matcher(text).find()) {
					wrong.add(where + " — a placeholder is left");
				}
				for (int i : used) {
					if (!text.contains("‹" + i + "›")) {
						wrong.add(where + " — argument " + i + " is missing");
					}
				}
				if (LONE_APOSTROPHE.matcher(pattern).find()) {
					wrong.add(where + " — an apostrophe is not doubled");
				}
				else if (count(text, '\'') * 2 != count(pattern, '\'')) {
					wrong.add(where + " — an apostrophe went missing");
				}
			}
		}
		assertThat(formatted).isGreaterThan(1000);
		assertThat(wrong).isEmpty();
		// the example that went wrong: the figures are there, and so is the apostrophe
		assertThat(source.getMessage("error.voucher.above-cap", new Object[] { "100000.00" }, java.util.Locale.ENGLISH))
			.isEqualTo("The amount is above the scheme's cap per enterprise, ¥100000.00.");
	}

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
	static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	private static Set<Integer> arguments(String pattern) {
		Set<Integer> arguments = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		while (matcher.find()) {
			String found = matcher.group();
			arguments.add(Integer.parseInt(found.substring(1, found.length() - 1)));
		}
		return arguments;
	}

	private static long count(String text, char c) {
		return text.chars().filter(ch -> ch == c).count();
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
