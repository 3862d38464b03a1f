package cn.kejiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kejiao (科交): regions share research instruments, services, achievements and experts, pay with each
 * other's innovation vouchers and see what flowed where.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class KejiaoApplication {

	public static void main(String[] args) throws java.io.IOException {
		if (args.length > 0 && args[0].equals("eval-matching")) {
			System.exit(cn.kejiao.demand.MatchingEvaluation.run(KejiaoApplication.class, java.util.Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && args[0].equals("verify-ledger")) {
			System.exit(verifyLedger(java.util.Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(KejiaoApplication.class, args);
	}

	/**
	 * {@code java -jar kejiao.jar verify-ledger [--kejiao.data-dir=…]}: recomputes the voucher ledger of the
	 * configured database, prints what it found and exits with 0 when it verifies, 1 when it does not.
	 */
	public static int verifyLedger(String[] args) {
		String[] options = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
				"--server.port=0", "--server.address=127.0.0.1", "--kejiao.demo.enabled=false", "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--kejiao.voucher.job-interval=PT1000H")).toArray(String[]::new);
		try (var context = new SpringApplication(KejiaoApplication.class).run(options)) {
			cn.kejiao.ledger.Verification verification = context.getBean(cn.kejiao.ledger.Ledger.class).verify();
			System.out.printf("Ledger: %d accounts, %d transfers, balances sum to %d fen, checked in %d ms%n",
					verification.accounts(), verification.transfers(), verification.totalBalance(), verification.millis());
			verification.violations().forEach(violation -> System.out.println("VIOLATION " + violation));
			System.out.println(verification.ok() ? "Ledger verified: 0 violations" : verification.violations().size() + " violations");
			return verification.ok() ? 0 : 1;
		}
	}
}
