package cn.kejiao.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.database.SqlArrays;

/**
 * Opens accounts, moves money between them and verifies the whole. A transfer runs in the caller's
 * transaction, so a business step and the money it moves commit or fail together; the two account rows
 * are updated in a fixed order (by id) so concurrent transfers never deadlock, and the update itself refuses
 * to take a money-holding account below zero, so two steps racing for the last yuan cannot both win.
 */
@Service
public class Ledger {

	private final JdbcClient jdbc;
	private final Clock clock;

	Ledger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Opens the account unless it exists; either way returns its id. */
	@Transactional
	public long open(Account account) {
		return jdbc.sql("""
				with inserted as (
				    insert into ledger.account (code, kind, region_code, owner_id, floor_zero)
				    values (:code, :kind, :region, :owner, :floor) on conflict (code) do nothing returning id)
				select id from inserted union all select id from ledger.account where code = :code limit 1""")
			.param("code", account.code()).param("kind", account.kind()).param("region", account.regionCode())
			.param("owner", account.ownerId()).param("floor", account.floorZero())
			.query(Long.class).single();
	}

	/**
	 * Moves the money, or — when the key was used before — moves nothing and returns the earlier transfer.
	 * @throws InsufficientBalance when the paying account holds too little
	 */
	@Transactional
	public Posted transfer(Transfer transfer) {
		return transfer(transfer, null);
	}

	/**
	 * Like {@link #transfer(Transfer)}, opening the receiving account first unless it exists; all in one round
	 * trip to the database (the function {@code ledger.transfer}), so the two account rows stay locked only
	 * for the rest of the caller's transaction. Callers that touch other rows do so before the transfer.
	 */
	@Transactional
	public Posted transfer(Transfer transfer, @Nullable Account openTo) {
		if (transfer.amount() <= 0) {
			throw new IllegalArgumentException("a transfer moves a positive amount: " + transfer);
		}
		if (openTo != null && !openTo.code().equals(transfer.to())) {
			throw new IllegalArgumentException("the account to open is not the one credited: " + openTo);
		}
		try {
			Posted posted = jdbc.sql("""
					select transfer_id, created, from_code, to_code, amount, kind, reference, created_at
					from ledger.transfer(:key, :from, :to, :amount, :kind, :reference, :reverses, :at,
					                     :openKind, :openRegion, :openOwner, :openFloor)""")
				.param("key", transfer.key()).param("from", transfer.from()).param("to", transfer.to())
				.param("amount", transfer.amount()).param("kind", transfer.kind()).param("reference", transfer.reference())
				.param("reverses", transfer.reverses(), java.sql.Types.BIGINT)
				.param("at", Timestamp.from(clock.instant()))
				.param("openKind", openTo == null ? null : openTo.kind(), java.sql.Types.VARCHAR)
				.param("openRegion", openTo == null ? null : openTo.regionCode(), java.sql.Types.VARCHAR)
				.param("openOwner", openTo == null ? null : openTo.ownerId(), java.sql.Types.OTHER)
				.param("openFloor", openTo != null && openTo.floorZero())
				.query((rs, row) -> new Posted(rs.getLong(1), transfer.key(), rs.getString(3), rs.getString(4), rs.getLong(5),
						rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), !rs.getBoolean(2)))
				.single();
			return requireSameAsAsked(posted, transfer);
		}
		catch (org.springframework.dao.DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof java.sql.SQLException sql && "KJ001".equals(sql.getSQLState())) {
				java.util.regex.Matcher balance = INSUFFICIENT.matcher(String.valueOf(sql.getMessage()));
				throw new InsufficientBalance(balance.find() ? Long.parseLong(balance.group(1)) : 0, transfer.amount());
			}
			throw ex;
		}
	}

	/**
	 * Makes the transfers one after the other in one round trip, after opening the accounts given unless they
	 * exist; for steps of many requests committed together. A transfer the paying account cannot cover is
	 * refused and moves nothing, and the others go ahead; the caller decides what a refusal undoes.
	 * @return an outcome for each transfer, in the order given
	 */
	@Transactional
	public List<Outcome> transferAll(List<Transfer> transfers, Collection<Account> open) {
		if (transfers.isEmpty()) {
			return List.of();
		}
		for (Transfer transfer : transfers) {
			if (transfer.amount() <= 0 || transfer.reverses() != null) {
				throw new IllegalArgumentException("a transfer of many moves a positive amount and reverses nothing: " + transfer);
			}
		}
		Instant at = clock.instant();
		List<Outcome> outcomes = new ArrayList<>(transfers.size());
		jdbc.sql("""
				select ordinal, transfer_id, created, from_code, to_code, amount, balance, created_at
				from ledger.transfer_all(:keys, :froms, :tos, :amounts, :kinds, :references, :at,
				                         :openCodes, :openKinds, :openRegions, :openOwners, :openFloors)
				order by ordinal""")
			.param("keys", transfers.stream().map(Transfer::key).toArray(String[]::new))
			.param("froms", transfers.stream().map(Transfer::from).toArray(String[]::new))
			.param("tos", transfers.stream().map(Transfer::to).toArray(String[]::new))
			.param("amounts", transfers.stream().map(Transfer::amount).toArray(Long[]::new))
			.param("kinds", transfers.stream().map(Transfer::kind).toArray(String[]::new))
			.param("references", transfers.stream().map(Transfer::reference).toArray(String[]::new))
			.param("at", Timestamp.from(at))
			.param("openCodes", open.stream().map(Account::code).toArray(String[]::new))
			.param("openKinds", open.stream().map(Account::kind).toArray(String[]::new))
			.param("openRegions", open.stream().map(Account::regionCode).toArray(String[]::new))
			.param("openOwners", SqlArrays.of("uuid", open.stream().map(Account::ownerId).toArray()))
			.param("openFloors", open.stream().map(Account::floorZero).toArray(Boolean[]::new))
			.query((rs, row) -> {
				Transfer transfer = transfers.get(rs.getInt(1) - 1);
				long id = rs.getLong(2);
				if (rs.wasNull()) {
					return outcomes.add(new Outcome(null, new InsufficientBalance(rs.getLong(7), transfer.amount())));
				}
				Posted posted = new Posted(id, transfer.key(), rs.getString(4), rs.getString(5), rs.getLong(6),
						transfer.kind(), transfer.reference(), rs.getTimestamp(8).toInstant(), !rs.getBoolean(3));
				return outcomes.add(new Outcome(requireSameAsAsked(posted, transfer), null));
			})
			.list();
		return outcomes;
	}

	/** A key used before must have moved what is asked now; otherwise it was reused for another transfer. */
	private static Posted requireSameAsAsked(Posted posted, Transfer transfer) {
		if (posted.replayed() && (!posted.from().equals(transfer.from()) || !posted.to().equals(transfer.to())
				|| posted.amount() != transfer.amount())) {
			throw KejiaoException.conflict("ledger.key-reused", transfer.key());
		}
		return posted;
	}

	private static final java.util.regex.Pattern INSUFFICIENT = java.util.regex.Pattern.compile("ledger\\.insufficient balance=(-?\\d+)");

	/** Undoes a transfer with one in the opposite direction; a transfer is reversed at most once. */
	@Transactional
	public Posted reverse(long transferId, String key, String kind) {
		Posted original = jdbc.sql(SELECT_POSTED + " where t.id = :id").param("id", transferId).query(this::posted)
			.optional().orElseThrow(() -> new IllegalArgumentException("no transfer " + transferId));
		return transfer(new Transfer(key, original.to(), original.from(), original.amount(), kind, original.reference(),
				original.id()));
	}

	/** The account's balance in fen; 0 for an account never opened. */
	@Transactional(readOnly = true)
	public long balance(String code) {
		return jdbc.sql("select balance from ledger.account where code = :code").param("code", code).query(Long.class)
			.optional().orElse(0L);
	}

	/** Balances of several accounts; missing ones are 0. */
	@Transactional(readOnly = true)
	public Map<String, Long> balances(Collection<String> codes) {
		Map<String, Long> balances = new LinkedHashMap<>();
		codes.forEach(code -> balances.put(code, 0L));
		if (!codes.isEmpty()) {
			jdbc.sql("select code, balance from ledger.account where code = any(:codes)")
				.param("codes", codes.toArray(String[]::new))
				.query((rs, row) -> balances.put(rs.getString(1), rs.getLong(2))).list();
		}
		return balances;
	}

	/** What the transfers of the references (grants and orders of a scheme, say) moved, by kind of transfer. */
	@Transactional(readOnly = true)
	public Map<String, Long> totalsByKind(Collection<String> references) {
		Map<String, Long> totals = new LinkedHashMap<>();
		if (!references.isEmpty()) {
			jdbc.sql("select kind, sum(amount) from ledger.transfer where reference = any(:references) group by kind")
				.param("references", references.toArray(String[]::new))
				.query((rs, row) -> totals.put(rs.getString(1), rs.getLong(2))).list();
		}
		return totals;
	}

	/** What transfers of one kind moved for each reference; references without such transfers are 0. */
	@Transactional(readOnly = true)
	public Map<String, Long> totalsByReference(Collection<String> references, String kind) {
		Map<String, Long> totals = new LinkedHashMap<>();
		references.forEach(reference -> totals.put(reference, 0L));
		if (!references.isEmpty()) {
			jdbc.sql("""
					select reference, sum(amount) from ledger.transfer where reference = any(:references) and kind = :kind
					group by reference""")
				.param("references", references.toArray(String[]::new)).param("kind", kind)
				.query((rs, row) -> totals.put(rs.getString(1), rs.getLong(2))).list();
		}
		return totals;
	}

	/** Sum of the balances of the accounts whose code starts with the prefix (all holds of a scheme, say). */
	@Transactional(readOnly = true)
	public long sumOfBalances(String codePrefix) {
		return jdbc.sql("select coalesce(sum(balance), 0) from ledger.account where code like :prefix")
			.param("prefix", codePrefix.replace("%", "\\%").replace("_", "\\_") + "%").query(Long.class).single();
	}

	/** The transfers of a reference, for a person, who must be the platform admin ({@code auth.forbidden}). */
	@Transactional(readOnly = true)
	public List<Posted> transfers(String reference, Actor asker) {
		requirePlatformAdmin(asker);
		return transfers(reference);
	}

	/** The verification, for a person, who must be the platform admin; the command line runs {@link #verify()}. */
	public Verification verify(Actor asker) {
		requirePlatformAdmin(asker);
		return verify();
	}

	private static void requirePlatformAdmin(Actor asker) {
		if (!asker.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
	}

	/** The transfers that belong to a reference (an order, a grant), oldest first. */
	@Transactional(readOnly = true)
	public List<Posted> transfers(String reference) {
		return jdbc.sql(SELECT_POSTED + " where t.reference = :reference order by t.id").param("reference", reference)
			.query(this::posted).list();
	}

	/** The transfers of a kind in a time range, oldest first (settlement reads the period's posts). */
	@Transactional(readOnly = true)
	public List<Posted> transfers(String kind, Instant from, Instant until) {
		return jdbc.sql(SELECT_POSTED + " where t.kind = :kind and t.created_at >= :from and t.created_at < :until order by t.id")
			.param("kind", kind).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
			.query(this::posted).list();
	}

	/**
	 * Recomputes every account from the transfers in one consistent snapshot and lists what disagrees: sums
	 * that differ, a money-holding account below zero, balances that do not add up to zero, a reversal that
	 * does not mirror what it reverses.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		long started = System.nanoTime();
		List<String> violations = new ArrayList<>();
		jdbc.sql("""
				with c as (select credit_account as id, sum(amount) as total from ledger.transfer group by credit_account),
				     d as (select debit_account as id, sum(amount) as total from ledger.transfer group by debit_account)
				select a.code, a.floor_zero, a.debits, a.credits, a.balance,
				       coalesce(c.total, 0) as credited, coalesce(d.total, 0) as debited
				from ledger.account a left join c on c.id = a.id left join d on d.id = a.id
				where a.credits <> coalesce(c.total, 0) or a.debits <> coalesce(d.total, 0)
				   or a.balance <> coalesce(c.total, 0) - coalesce(d.total, 0) or (a.floor_zero and a.balance < 0)""")
			.query((rs, row) -> violations.add("account %s: balance %d, debits %d, credits %d; transfers debit %d, credit %d"
				.formatted(rs.getString(1), rs.getLong(5), rs.getLong(3), rs.getLong(4), rs.getLong(7), rs.getLong(6))))
			.list();
		jdbc.sql("""
				select r.id from ledger.transfer r join ledger.transfer o on o.id = r.reverses
				where r.debit_account <> o.credit_account or r.credit_account <> o.debit_account or r.amount <> o.amount""")
			.query((rs, row) -> violations.add("transfer " + rs.getLong(1) + " does not mirror the transfer it reverses"))
			.list();
		long total = jdbc.sql("select coalesce(sum(balance), 0) from ledger.account").query(Long.class).single();
		if (total != 0) {
			violations.add("balances sum to " + total + " fen instead of 0");
		}
		long accounts = jdbc.sql("select count(*) from ledger.account").query(Long.class).single();
		long transfers = jdbc.sql("select count(*) from ledger.transfer").query(Long.class).single();
		return new Verification(clock.instant(), accounts, transfers, total, List.copyOf(violations),
				(System.nanoTime() - started) / 1_000_000);
	}

	private static final String SELECT_POSTED = """
			select t.id, t.idempotency_key, f.code as from_code, c.code as to_code, t.amount, t.kind, t.reference,
			       t.created_at
			from ledger.transfer t join ledger.account f on f.id = t.debit_account join ledger.account c on c.id = t.credit_account""";

	private Posted posted(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Posted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
				rs.getString(7), rs.getTimestamp(8).toInstant(), true);
	}
}
