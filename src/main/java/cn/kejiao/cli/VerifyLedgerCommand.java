package cn.kejiao.cli;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Verification;

/**
 * {@code java -jar kejiao.jar verify-ledger [--kejiao.data-dir=…]}: recomputes the voucher ledger of the
 * configured database, prints what it found and exits with 0 when it verifies, 1 when it does not.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = CommandEnvironment.COMMAND, havingValue = CommandEnvironment.VERIFY_LEDGER)
class VerifyLedgerCommand implements Command {

	private final Ledger ledger;
	private int exitCode = 1;

	VerifyLedgerCommand(Ledger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void run(ApplicationArguments args) {
		Verification verification = ledger.verify();
		print(verification, System.out);
		exitCode = verification.ok() ? 0 : 1;
	}

	/** What the verification found, as this command prints it (the simulation prints it the same way). */
	static void print(Verification verification, java.io.PrintStream out) {
		out.printf("Ledger: %d accounts, %d transfers, balances sum to %d fen, checked in %d ms%n",
				verification.accounts(), verification.transfers(), verification.totalBalance(), verification.millis());
		verification.violations().forEach(violation -> out.println("VIOLATION " + violation));
		out.println(verification.ok() ? "Ledger verified: 0 violations" : verification.violations().size() + " violations");
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
