/**
 * The double-entry ledger of voucher money: accounts (a scheme's budget, an enterprise's grant, the hold on
 * an order, a provider's receivable, clearing between regions) and append-only transfers between them, each
 * with an idempotency key, so a retried step never moves money twice and no account that holds money goes
 * below zero. {@link cn.kejiao.ledger.Ledger} is the module's facade; it verifies itself on demand.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
@org.jspecify.annotations.NullMarked
package cn.kejiao.ledger;
