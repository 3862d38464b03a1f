package cn.kejiao.ledger;

import org.jspecify.annotations.Nullable;

/**
 * One movement of money: {@code amount} fen from the {@code from} account to the {@code to} account.
 * @param key the idempotency key: a second transfer with the same key moves nothing and returns the first
 * @param kind what the movement is for (GRANT, HOLD, POST, VOID, LAPSE, SETTLE, ...)
 * @param reference what it belongs to (an order, a grant, a settlement run), for finding it again
 */
public record Transfer(String key, String from, String to, long amount, String kind, String reference,
		@Nullable Long reverses) {

	public Transfer(String key, String from, String to, long amount, String kind, String reference) {
		this(key, from, to, amount, kind, reference, null);
	}
}
