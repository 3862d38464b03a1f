package cn.kejiao.voucher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Posted;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.FlowQueries;

/**
 * Voucher money per day between the enterprises that hold it and the regions that issued it (decision 0028), as
 * {@link RegionFlow}s: served is the holding enterprise's region as it applied, serving the issuing scheme's
 * region. Each figure counts in China time:
 * <ul>
 * <li>issued: a grant, its amount, on the day it was approved;</li>
 * <li>spent: the voucher part of a confirmed order (by the enterprise, upheld after a dispute, or billed for a
 * booking), on the day it was confirmed: what was posted to the provider;</li>
 * <li>lapsed: money that went back to the scheme's budget unspent, on the day it went: what a grant still held
 * when it lapsed past its validity, and an order's hold given back after its grant had lapsed (the ledger's
 * {@code LAPSE} and {@code VOID} transfers to a budget);</li>
 * <li>settled: a settlement line, on the day its period's run settled it: served is the issuing region that
 * pays, serving the provider's region that is paid.</li>
 * </ul>
 * Money a grant or an order's hold still holds is therefore issued less spent less lapsed, the ledger's balances
 * of the grants and holds. None of these is undone once counted. Callers decide who may see which figures; rows
 * name the organisations, newest first.
 */
@Service
public class VoucherFlows {

	private static final String ISSUED = """
			select (g.granted_at at time zone 'Asia/Shanghai')::date as day, a.enterprise_region, g.region_code,
			       count(*), sum(g.amount)
			from voucher.grant_ g join voucher.application a on a.id = g.application_id
			where g.granted_at >= :from and g.granted_at < :to
			  and a.enterprise_region like any(:served) and g.region_code like any(:serving)""";

	private static final String SPENT = """
			select (o.confirmed_at at time zone 'Asia/Shanghai')::date as day, a.enterprise_region, g.region_code,
			       count(*), sum(o.voucher_amount)
			from voucher.service_order o join voucher.grant_ g on g.id = o.grant_id
			join voucher.application a on a.id = g.application_id
			where o.state = 'CONFIRMED' and o.voucher_amount > 0 and o.confirmed_at >= :from and o.confirmed_at < :to
			  and a.enterprise_region like any(:served) and g.region_code like any(:serving)""";

	private static final String SETTLED = """
			select (r.started_at at time zone 'Asia/Shanghai')::date as day, l.issuer_region, l.provider_region,
			       count(*), sum(l.amount)
			from voucher.settlement_line l join voucher.settlement_run r on r.id = l.run_id
			where r.started_at >= :from and r.started_at < :to
			  and l.issuer_region like any(:served) and l.provider_region like any(:serving)""";

	private final JdbcClient jdbc;
	private final Ledger ledger;

	VoucherFlows(JdbcClient jdbc, Ledger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	/**
	 * Grants approved, by day, enterprise region and issuing region: their number and amount. Only grants with both
	 * regions inside one of {@code regions} (each with everything below it; every region when empty), {@code from}
	 * to {@code to} both included; {@code flows.span} (400) for a period backwards or longer than ten years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> issued(LocalDate from, LocalDate to, Collection<String> regions) {
		return daily(ISSUED, from, to, regions);
	}

	/** Voucher parts of confirmed orders, by day of confirmation, enterprise region and issuing region. */
	@Transactional(readOnly = true)
	public List<RegionFlow> spent(LocalDate from, LocalDate to, Collection<String> regions) {
		return daily(SPENT, from, to, regions);
	}

	/** Settlement lines, by day of their run, issuing region and provider region: their number and amount. */
	@Transactional(readOnly = true)
	public List<RegionFlow> settled(LocalDate from, LocalDate to, Collection<String> regions) {
		return daily(SETTLED, from, to, regions);
	}

	/** Money lapsed back to the schemes' budgets, by day, enterprise region and issuing region: postings and amount. */
	@Transactional(readOnly = true)
	public List<RegionFlow> lapsed(LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		Map<String, RegionFlow> flows = new TreeMap<>();
		for (Lapse lapse : lapses(from, to, regions, regions)) {
			flows.merge(lapse.day() + lapse.served() + lapse.serving(),
					new RegionFlow(lapse.day(), lapse.served(), lapse.serving(), 1, new Money(lapse.amount())),
					(a, b) -> new RegionFlow(a.day(), a.servedRegion(), a.servingRegion(), a.count() + b.count(),
							a.value().plus(b.value())));
		}
		return new ArrayList<>(flows.values());
	}

	// ---- the rows behind the figures

	/** The grants behind {@link #issued}: the enterprise served, the scheme as title, its page as link. */
	@Transactional(readOnly = true)
	public List<FlowItem> issuedRows(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return rows("""
				select g.id::text, s.name, g.granted_at, a.enterprise_region, g.enterprise_name, g.region_code, s.name,
				       g.amount, '/admin/vouchers/schemes/' || s.id
				from voucher.grant_ g join voucher.application a on a.id = g.application_id
				join voucher.scheme s on s.id = g.scheme_id
				where g.granted_at >= :from and g.granted_at < :to
				  and a.enterprise_region like any(:served) and g.region_code like any(:serving)
				order by g.granted_at desc, g.id""", from, to, served, serving, offset, limit);
	}

	/** The orders behind {@link #spent}: number, service, enterprise and issuing scheme, the voucher part. */
	@Transactional(readOnly = true)
	public List<FlowItem> spentRows(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return rows("""
				select o.number, o.service_title, o.confirmed_at, a.enterprise_region, o.enterprise_name, g.region_code,
				       s.name, o.voucher_amount, '/orders/' || o.id
				from voucher.service_order o join voucher.grant_ g on g.id = o.grant_id
				join voucher.application a on a.id = g.application_id join voucher.scheme s on s.id = g.scheme_id
				where o.state = 'CONFIRMED' and o.voucher_amount > 0 and o.confirmed_at >= :from and o.confirmed_at < :to
				  and a.enterprise_region like any(:served) and g.region_code like any(:serving)
				order by o.confirmed_at desc, o.id""", from, to, served, serving, offset, limit);
	}

	/** The settlement lines behind {@link #settled}: the period as reference and title, the provider paid. */
	@Transactional(readOnly = true)
	public List<FlowItem> settledRows(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return rows("""
				select r.period, r.period, r.started_at, l.issuer_region, null, l.provider_region, l.provider_name,
				       l.amount, '/settlements?period=' || r.period
				from voucher.settlement_line l join voucher.settlement_run r on r.id = l.run_id
				where r.started_at >= :from and r.started_at < :to
				  and l.issuer_region like any(:served) and l.provider_region like any(:serving)
				order by r.started_at desc, l.provider_name, l.provider_org_id""", from, to, served, serving, offset, limit);
	}

	/** The lapses behind {@link #lapsed}: the grant's scheme as title, the order's number where a hold went back. */
	@Transactional(readOnly = true)
	public List<FlowItem> lapsedRows(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		RegionFlow.requireSpan(from, to);
		return lapses(from, to, served, serving).stream()
			.sorted(Comparator.comparing(Lapse::at).reversed().thenComparing(Lapse::reference))
			.skip(Math.max(0, offset)).limit(Math.max(0, limit))
			.map(l -> new FlowItem(l.reference(), l.scheme(), l.day(), l.served(), l.enterprise(), l.serving(),
					l.scheme(), new Money(l.amount()), "/admin/vouchers/schemes/" + l.schemeId()))
			.toList();
	}

	// ---- reading

	private List<RegionFlow> daily(String sql, LocalDate from, LocalDate to, Collection<String> regions) {
		return FlowQueries.daily(jdbc, sql, from, to, regions, regions);
	}

	private List<FlowItem> rows(String sql, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return FlowQueries.items(jdbc, sql, from, to, served, serving, offset, limit);
	}

	/** One posting of money lapsed, with the regions and names of its grant. */
	private record Lapse(String reference, Instant at, LocalDate day, String served, String enterprise,
			String serving, UUID schemeId, String scheme, long amount) {
	}

	private record GrantOf(String enterpriseRegion, String enterprise, String issuerRegion, UUID schemeId,
			String scheme) {
	}

	/**
	 * The ledger's postings back to a budget in the period: {@code LAPSE} of a grant, and {@code VOID} of an
	 * order's hold credited to a budget (its grant had lapsed); each with its grant's regions.
	 */
	private List<Lapse> lapses(LocalDate from, LocalDate to, Collection<String> served, Collection<String> serving) {
		Instant start = FlowQueries.start(from).toInstant();
		Instant end = FlowQueries.start(to.plusDays(1)).toInstant();
		List<Posted> posted = new ArrayList<>(ledger.transfers("LAPSE", start, end));
		ledger.transfers("VOID", start, end).stream()
			.filter(p -> VoucherAccounts.isBudget(p.to()))
			.forEach(posted::add);
		if (posted.isEmpty()) {
			return List.of();
		}
		Map<UUID, UUID> orderGrants = new HashMap<>();
		List<UUID> orders = posted.stream().filter(p -> p.reference().startsWith("order:"))
			.map(p -> UUID.fromString(p.reference().substring("order:".length()))).toList();
		Map<UUID, String> orderNumbers = new HashMap<>();
		if (!orders.isEmpty()) {
			jdbc.sql("select id, grant_id, number from voucher.service_order where id = any(:ids)")
				.param("ids", orders.toArray(UUID[]::new))
				.query((rs, n) -> {
					orderGrants.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
					return orderNumbers.put(rs.getObject(1, UUID.class), rs.getString(3));
				}).list();
		}
		Map<UUID, GrantOf> grants = new HashMap<>();
		List<UUID> grantIds = posted.stream().map(p -> grantOf(p, orderGrants))
			.filter(java.util.Objects::nonNull).distinct().toList();
		jdbc.sql("""
				select g.id, a.enterprise_region, g.enterprise_name, g.region_code, s.id, s.name
				from voucher.grant_ g join voucher.application a on a.id = g.application_id
				join voucher.scheme s on s.id = g.scheme_id where g.id = any(:ids)""")
			.param("ids", grantIds.toArray(UUID[]::new))
			.query((rs, n) -> grants.put(rs.getObject(1, UUID.class), new GrantOf(rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6))))
			.list();
		List<Lapse> lapses = new ArrayList<>();
		for (Posted p : posted) {
			GrantOf grant = grants.get(grantOf(p, orderGrants));
			if (grant == null || !within(grant.enterpriseRegion(), served) || !within(grant.issuerRegion(), serving)) {
				continue;
			}
			String reference = p.reference().startsWith("order:")
					? orderNumbers.get(UUID.fromString(p.reference().substring("order:".length())))
					: p.reference().substring("grant:".length());
			lapses.add(new Lapse(reference, p.createdAt(), day(p.createdAt()), grant.enterpriseRegion(),
					grant.enterprise(), grant.issuerRegion(), grant.schemeId(), grant.scheme(), p.amount()));
		}
		return lapses;
	}

	private static @Nullable UUID grantOf(Posted posted, Map<UUID, UUID> orderGrants) {
		if (posted.reference().startsWith("order:")) {
			return orderGrants.get(UUID.fromString(posted.reference().substring("order:".length())));
		}
		return UUID.fromString(posted.reference().substring("grant:".length()));
	}

	private static boolean within(String region, Collection<String> regions) {
		return regions.isEmpty() || regions.stream().anyMatch(r -> RegionCodes.isWithin(region, r));
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ChinaTime.ZONE);
	}
}
