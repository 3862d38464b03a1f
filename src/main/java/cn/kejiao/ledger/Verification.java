package cn.kejiao.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The ledger recomputed from its transfers: every account's debits, credits and balance against the sums of
 * its transfers, no money-holding account below zero, and all balances summing to zero.
 */
public record Verification(Instant checkedAt, long accounts, long transfers, long totalBalance, List<String> violations,
		long millis) {

	public boolean ok() {
		return violations.isEmpty();
	}
}
