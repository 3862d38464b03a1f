package cn.kejiao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Recognises a command in the first argument that is not an option and sets what it runs with:
 * {@code kejiao.command}, which switches the command's runner on, and settings a command needs in place of
 * the web application's — the web server on a free local port only, no demo data unless the command needs
 * it, no voucher jobs, warnings only. Options given on the command line still win ({@code --kejiao.data-dir=…}).
 */
public class CommandEnvironment implements EnvironmentPostProcessor {

	static final String COMMAND = "kejiao.command";

	static final String VERIFY_LEDGER = "verify-ledger";

	static final String EVAL_MATCHING = "eval-matching";

	static final String SIMULATE = "simulate";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String first = firstArgument(environment);
		if (!VERIFY_LEDGER.equals(first) && !EVAL_MATCHING.equals(first) && !SIMULATE.equals(first)) {
			return;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(COMMAND, first);
		// the security configuration needs a servlet context, so the web server runs, on a free local port only
		settings.put("server.port", "0");
		settings.put("server.address", "127.0.0.1");
		settings.put("spring.main.banner-mode", "off");
		settings.put("logging.level.root", "warn");
		settings.put("kejiao.demo.enabled", "false");
		settings.put("kejiao.voucher.job-interval", "PT1000H");
		if (EVAL_MATCHING.equals(first)) {
			// a data folder of its own, with the demo organisations and accounts but not the demo catalog
			try {
				settings.put("kejiao.data-dir", Files.createTempDirectory("kejiao-eval-matching").toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			settings.put("kejiao.demo.enabled", "true");
			settings.put("kejiao.demo.catalog-scale", "none");
		}
		if (SIMULATE.equals(first)) {
			simulation(environment, settings);
		}
		MapPropertySource source = new MapPropertySource("kejiaoCommand", settings);
		if (environment.getPropertySources().contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, source);
		}
		else {
			environment.getPropertySources().addFirst(source);
		}
	}

	/**
	 * The simulation: the demo organisations and accounts (not the demo catalog, vouchers or orders), a fresh
	 * data folder unless one is named, the read model refreshed by the command at the end and the voucher jobs
	 * run by the simulation at simulated times rather than on a schedule of the real clock, no embeddings, and a low BCrypt cost for its thousands of made-up users.
	 */
	private static void simulation(ConfigurableEnvironment environment, Map<String, Object> settings) {
		var commandLine = environment.getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
		if (commandLine == null || !commandLine.containsProperty("kejiao.data-dir")) {
			try {
				settings.put("kejiao.data-dir", Files.createTempDirectory("kejiao-simulation").toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		settings.put("kejiao.demo.enabled", "true");
		settings.put("kejiao.demo.catalog-scale", "none");
		settings.put("kejiao.insight.jobs", "false");
		settings.put("kejiao.voucher.jobs", "false");
		settings.put("kejiao.booking.jobs", "false");
		settings.put("kejiao.trading.jobs", "false");
		settings.put("kejiao.cooperation.jobs", "false");
		settings.put("kejiao.matching.embeddings.enabled", "false");
		settings.put("kejiao.account.bcrypt-strength", "4");
		settings.put("logging.level.cn.kejiao.cli", "info");
	}

	private static String firstArgument(ConfigurableEnvironment environment) {
		String nonOptions = environment.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
		if (nonOptions == null || nonOptions.isBlank()) {
			return "";
		}
		return nonOptions.split(",")[0].strip();
	}
}
