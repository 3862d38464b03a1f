package cn.kejiao.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightReadModel;
import cn.kejiao.insight.KindFigures;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Verification;

/**
 * {@code java -jar kejiao.jar simulate --days 365 --enterprises 5000 --seed 1 [--start=YYYY-MM-DD]
 * [--kejiao.data-dir=DIR]}: a simulated period of activity ({@link Simulation}) in a data folder (a fresh one of
 * its own unless named; the demo organisations and accounts are loaded into it first, not the demo catalog,
 * vouchers or orders), starting on 1 January of last year unless {@code --start} says otherwise. At the end it
 * verifies the voucher ledger, refreshes the insight read model and checks it against the modules' facades a
 * year at a time, prints the counts per kind over the period and a fingerprint of them, and exits with 0 when
 * the ledger verifies and the read model has no difference, 1 when either disagrees, 2 on a wrong argument.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = CommandEnvironment.COMMAND, havingValue = CommandEnvironment.SIMULATE)
class SimulateCommand implements Command {

	private final Simulation simulation;
	private final Ledger ledger;
	private final InsightReadModel readModel;
	private final InsightFigures figures;
	private final String dataDir;
	private int exitCode = 1;

	SimulateCommand(Simulation simulation, Ledger ledger, InsightReadModel readModel, InsightFigures figures,
			@Value("${kejiao.data-dir}") String dataDir) {
		this.simulation = simulation;
		this.ledger = ledger;
		this.readModel = readModel;
		this.figures = figures;
		this.dataDir = dataDir;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	@Override
	public void run(ApplicationArguments args) {
		Simulation.Plan plan;
		try {
			plan = new Simulation.Plan(number(args, "days", 365), number(args, "enterprises", 5000),
					number(args, "seed", 1), args.containsOption("start")
							? LocalDate.parse(args.getOptionValues("start").getFirst())
							: LocalDate.now(ZoneOffset.UTC).minusYears(1).withDayOfYear(1));
		}
		catch (RuntimeException ex) {
			System.err.println("usage: java -jar kejiao.jar simulate --days 365 --enterprises 5000 --seed 1 "
					+ "[--start=YYYY-MM-DD] [--kejiao.data-dir=DIR]  (" + ex.getMessage() + ")");
			exitCode = 2;
			return;
		}
		exitCode = simulate(plan, System.out);
	}

	int simulate(Simulation.Plan plan, PrintStream out) {
		out.printf("Simulation: %d days from %s, %d enterprises, seed %d, data in %s%n", plan.days(), plan.start(),
				plan.enterprises(), plan.seed(), dataDir);
		Simulation.Outcome outcome = simulation.run(plan, out);
		out.printf("Simulated %d steps in %.1f s: %.0f steps/s%n", outcome.steps(), outcome.seconds(),
				outcome.steps() / Math.max(outcome.seconds(), 0.001));
		List<String> lines = new ArrayList<>();
		outcome.actions().forEach((action, count) -> lines.add("action " + action + ": " + count));
		outcome.refusals().forEach((code, count) -> lines.add("refused " + code + ": " + count));

		Verification verification = ledger.verify();
		VerifyLedgerCommand.print(verification, out);

		long refreshing = System.nanoTime();
		int days = readModel.refresh();
		out.printf("Read model refreshed: %d (kind, day)s recomputed in %.1f s%n", days, (System.nanoTime() - refreshing) / 1e9);
		long checking = System.nanoTime();
		int differences = 0;
		for (LocalDate from = plan.start(); !from.isAfter(plan.end()); from = from.plusYears(1)) {
			LocalDate to = from.plusYears(1).minusDays(1).isAfter(plan.end()) ? plan.end() : from.plusYears(1).minusDays(1);
			List<InsightReadModel.Difference> found = readModel.check(from, to);
			found.stream().limit(20).forEach(d -> out.printf("DIFFERENCE %s %s %s→%s stored %d/%d fen, modules %d/%d fen%n",
					d.kind(), d.day(), d.servedRegion(), d.servingRegion(), d.storedCount(), d.storedValueFen(),
					d.sourceCount(), d.sourceValueFen()));
			differences += found.size();
		}
		out.printf("Read model checked against the modules in %.1f s: %d differences%n",
				(System.nanoTime() - checking) / 1e9, differences);

		for (KindFigures kind : figures.figures(InsightFigures.NATION, plan.start(), plan.end())) {
			lines.add("kind " + kind.kind() + ": " + kind.served().count()
					+ (kind.served().value() == null ? "" : " / " + kind.served().value().fen() + " fen"));
		}
		lines.forEach(out::println);
		out.println("Fingerprint: " + fingerprint(lines));
		return verification.ok() && differences == 0 ? 0 : 1;
	}

	private static String fingerprint(List<String> lines) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code --name=N}, or {@code --name N} (then N is the argument after the option). */
	private static int number(ApplicationArguments args, String name, int fallback) {
		if (args.containsOption(name)) {
			List<String> values = args.getOptionValues(name);
			if (!values.isEmpty() && !values.getFirst().isBlank()) {
				return Integer.parseInt(values.getFirst());
			}
			String[] raw = args.getSourceArgs();
			for (int i = 0; i < raw.length - 1; i++) {
				if (raw[i].equals("--" + name)) {
					return Integer.parseInt(raw[i + 1]);
				}
			}
			throw new IllegalArgumentException("--" + name + " needs a number");
		}
		return fallback;
	}
}
