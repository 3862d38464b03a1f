package cn.kejiao.ledger;

import java.time.Instant;

/** A transfer as recorded; {@code replayed} is true when the key had been used before and nothing moved now. */
public record Posted(long id, String key, String from, String to, long amount, String kind, String reference,
		Instant createdAt, boolean replayed) {
}
