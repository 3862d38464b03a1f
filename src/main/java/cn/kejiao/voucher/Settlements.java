package cn.kejiao.voucher;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.ledger.Account;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Posted;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * Monthly settlement: the voucher money posted to providers in a period, by issuing region and provider,
 * moved from the providers' receivables to clearing between the regions. A period is settled once: running
 * it again returns the same run, and the run can be recomputed from the ledger's posts at any time.
 */
@Service
public class Settlements {

	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Settlements(JdbcClient jdbc, Ledger ledger, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.audit = audit;
		this.clock = clock;
	}

	/** Settles a finished period (the platform admin, or the monthly job). */
	@Transactional
	public SettlementView run(YearMonth period) {
		Actor actor = Actors.current().orElse(null);
		if (actor != null && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		if (!period.isBefore(YearMonth.now(clock.withZone(ChinaTime.ZONE)))) {
			throw KejiaoException.invalid("settlement.period-not-over", period);
		}
		// one run per period, also when two nodes start it at once: the second waits here and finds the first
		jdbc.sql("select pg_advisory_xact_lock(hashtext('voucher-settlement'))").query(Object.class).single();
		var existing = jdbc.sql("select id from voucher.settlement_run where period = :p").param("p", period.toString())
			.query(UUID.class).optional();
		if (existing.isPresent()) {
			return view(existing.get());
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into voucher.settlement_run (id, period, started_at, created_by) values (:id, :p, :at, :by)")
			.param("id", id).param("p", period.toString()).param("at", Timestamp.from(clock.instant()))
			.param("by", actor == null ? "system" : actor.username()).update();
		for (Line line : compute(period)) {
			jdbc.sql("""
					insert into voucher.settlement_line (run_id, issuer_region, provider_org_id, provider_name, provider_region,
					    amount, orders)
					values (:run, :issuer, :org, :name, :region, :amount, :orders)""")
				.param("run", id).param("issuer", line.issuer()).param("org", line.provider()).param("name", line.name())
				.param("region", line.region()).param("amount", line.amount()).param("orders", line.orders()).update();
			String clearing = VoucherAccounts.clearing(line.issuer(), line.region());
			ledger.transfer(new Transfer("settle:" + period + ":" + line.provider() + ":" + line.issuer(),
					VoucherAccounts.receivable(line.provider(), line.issuer()), clearing, line.amount(), "SETTLE", "settlement:" + id),
					new Account(clearing, VoucherAccounts.CLEARING, line.issuer(), null, true));
		}
		events.publishEvent(new PeriodSettled(id, period.toString()));
		SettlementView view = view(id);
		audit.record("settlement.run", "settlement", id.toString(), period.toString(), null, null,
				Map.of("total", view.total(), "lines", view.lines().size()));
		return view;
	}

	record Line(String issuer, UUID provider, String name, String region, long amount, int orders) {
	}

	/** The period's lines recomputed from the ledger's posts: the same figures the run stored. */
	@Transactional(readOnly = true)
	public List<Line> compute(YearMonth period) {
		Instant from = period.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant();
		Instant until = period.plusMonths(1).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant();
		Map<String, Line> lines = new TreeMap<>();
		for (Posted post : ledger.transfers("POST", from, until)) {
			UUID orderId = UUID.fromString(post.reference().substring("order:".length()));
			var order = jdbc.sql("""
					select provider_org_id, provider_name, provider_region, issuer_region from voucher.service_order where id = :id""")
				.param("id", orderId)
				.query((rs, n) -> new Line(rs.getString(4), rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), 0, 0))
				.single();
			lines.merge(order.issuer() + "|" + order.provider(), new Line(order.issuer(), order.provider(), order.name(),
					order.region(), post.amount(), 1), (a, b) -> new Line(a.issuer(), a.provider(), a.name(), a.region(),
							a.amount() + b.amount(), a.orders() + b.orders()));
		}
		return new ArrayList<>(lines.values());
	}

	@Transactional(readOnly = true)
	public List<SettlementView> runs(Actor actor) {
		requireReader(actor);
		return jdbc.sql("select id from voucher.settlement_run order by period desc").query(UUID.class).list().stream()
			.map(id -> scoped(view(id), actor)).toList();
	}

	@Transactional(readOnly = true)
	public SettlementView run(String period, Actor actor) {
		requireReader(actor);
		UUID id = jdbc.sql("select id from voucher.settlement_run where period = :p").param("p", period).query(UUID.class)
			.optional().orElseThrow(() -> KejiaoException.notFound("settlement.not-found", period));
		return scoped(view(id), actor);
	}

	/** A period's statement as the actor may see it: the stored run when the period is settled, else the preview. */
	@Transactional(readOnly = true)
	public SettlementView statement(YearMonth period, Actor actor) {
		requireReader(actor);
		return jdbc.sql("select id from voucher.settlement_run where period = :p").param("p", period.toString())
			.query(UUID.class).optional().map(id -> scoped(view(id), actor)).orElseGet(() -> preview(period, actor));
	}

	private static void requireReader(Actor actor) {
		if (!actor.isPlatformAdmin() && !actor.isRegionAdmin() && actor.organisationId() == null) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
	}

	/**
	 * What of a run the actor may see: all for the platform admin, the lines of the regions it governs (as issuer
	 * or as provider's region) for a region admin, its own lines for a provider. The between-region pairs and the
	 * total are summed from the lines the reader sees, so the figures on a statement always add up.
	 */
	private static SettlementView scoped(SettlementView run, Actor actor) {
		if (actor.isPlatformAdmin()) {
			return run;
		}
		List<SettlementView.Line> lines = run.lines().stream()
			.filter(l -> actor.isRegionAdmin() ? actor.governs(l.issuerRegion()) || actor.governs(l.providerRegion())
					: l.providerOrgId().equals(actor.organisationId()))
			.toList();
		SettlementView seen = assemble(run.id(), run.period(), run.startedAt(), run.createdBy(), lines);
		return actor.isRegionAdmin() ? seen
				: new SettlementView(run.id(), run.period(), run.startedAt(), run.createdBy(), seen.total(), lines, List.of());
	}

	private SettlementView view(UUID id) {
		var head = jdbc.sql("select period, started_at, created_by from voucher.settlement_run where id = :id").param("id", id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3) }).single();
		List<SettlementView.Line> lines = jdbc.sql("""
				select issuer_region, provider_org_id, provider_name, provider_region, amount, orders
				from voucher.settlement_line where run_id = :id order by issuer_region, provider_region, provider_name""")
			.param("id", id)
			.query((rs, n) -> new SettlementView.Line(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), Money.yuan(rs.getLong(5)), rs.getInt(6)))
			.list();
		return assemble(id, (String) head[0], (Instant) head[1], (String) head[2], lines);
	}

	/** What a period's settlement says so far, recomputed from the ledger and stored nowhere. */
	@Transactional(readOnly = true)
	public SettlementView preview(@Nullable YearMonth period, Actor actor) {
		requireReader(actor);
		YearMonth chosen = period == null ? YearMonth.now(clock.withZone(ChinaTime.ZONE)) : period;
		List<SettlementView.Line> lines = compute(chosen).stream()
			.map(l -> new SettlementView.Line(l.issuer(), l.provider(), l.name(), l.region(), Money.yuan(l.amount()),
					l.orders()))
			.toList();
		return scoped(assemble(null, chosen.toString(), clock.instant(), "preview", lines), actor);
	}

	private static SettlementView assemble(@Nullable UUID id, String period, Instant startedAt, String createdBy,
			List<SettlementView.Line> lines) {
		Map<String, Long> owed = new LinkedHashMap<>();
		long total = 0;
		for (SettlementView.Line line : lines) {
			long fen = Money.fen(line.amount(), "amount");
			total += fen;
			String from = province(line.issuerRegion());
			String to = province(line.providerRegion());
			if (!from.equals(to)) {
				owed.merge(from + "|" + to, fen, Long::sum);
			}
		}
		List<SettlementView.Pair> pairs = new ArrayList<>();
		for (var entry : owed.entrySet()) {
			String[] pair = entry.getKey().split("\\|");
			long back = owed.getOrDefault(pair[1] + "|" + pair[0], 0L);
			if (entry.getValue() > back || entry.getValue() == back && pair[0].compareTo(pair[1]) < 0) {
				pairs.add(new SettlementView.Pair(pair[0], pair[1], Money.yuan(entry.getValue()), Money.yuan(back),
						Money.yuan(entry.getValue() - back)));
			}
		}
		return new SettlementView(id, period, startedAt, createdBy, Money.yuan(total), lines, pairs);
	}

	private static String province(String region) {
		return region.substring(0, 2) + "0000";
	}

	/** Last month's settlement, once the month is over; safe to run on every node and again. */
	@Transactional
	public @Nullable SettlementView runLastMonth() {
		YearMonth last = YearMonth.now(clock.withZone(ChinaTime.ZONE)).minusMonths(1);
		return run(last);
	}
}
