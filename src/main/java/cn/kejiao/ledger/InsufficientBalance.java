package cn.kejiao.ledger;

import org.springframework.http.HttpStatus;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * {@code ledger.insufficient} (409): the paying account holds less than the transfer moves. The transaction
 * is already lost in the database, so the balance it saw comes with the exception for the caller's message.
 */
public final class InsufficientBalance extends KejiaoException {

	private final long balance;

	InsufficientBalance(long balance, long amount) {
		super(HttpStatus.CONFLICT, "ledger.insufficient", Money.yuan(balance), Money.yuan(amount));
		this.balance = balance;
	}

	/** What the paying account held, in fen. */
	public long balance() {
		return balance;
	}
}
