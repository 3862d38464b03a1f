package cn.kejiao.voucher;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/**
 * A settlement run for a period: what each issuing region's vouchers paid each provider (lines), and per pair
 * of provinces what one owes the other, both ways and netted. Amounts are yuan strings. A preview (the
 * current month so far) has no id.
 */
public record SettlementView(@Nullable UUID id, String period, Instant startedAt, String createdBy, String total,
		List<Line> lines, List<Pair> pairs) {

	/** The pairs' sum of one column (owed, owed back or net), as a yuan string: a table's total row. */
	public String pairsTotal(String column) {
		return Money.yuan(pairs.stream().mapToLong(p -> Money.fen(switch (column) {
			case "owed" -> p.owed();
			case "owedBack" -> p.owedBack();
			default -> p.net();
		}, column)).sum());
	}

	/** The orders the lines count. */
	public int orders() {
		return lines.stream().mapToInt(Line::orders).sum();
	}

	public record Line(String issuerRegion, UUID providerOrgId, String providerName, String providerRegion, String amount,
			int orders) {
	}

	/** {@code owed} from {@code from} to {@code to}, {@code owedBack} the other way, {@code net} what is left to pay from→to. */
	public record Pair(String from, String to, String owed, String owedBack, String net) {
	}
}
