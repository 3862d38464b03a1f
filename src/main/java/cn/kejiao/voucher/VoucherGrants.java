package cn.kejiao.voucher;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;

/**
 * Grants: what an enterprise was granted, what it still holds (the ledger's balance of the grant's account), its
 * statement, and the lapse of grants past their validity.
 */
@Service
public class VoucherGrants {

	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final Organisations organisations;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	VoucherGrants(JdbcClient jdbc, Ledger ledger, Organisations organisations, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The grants an actor may see: an enterprise its own, an admin those of its region's schemes. */
	@Transactional(readOnly = true)
	public List<GrantView> grants(Actor actor) {
		if (actor.isPlatformAdmin()) {
			return grantViews("true", Map.of());
		}
		if (actor.isRegionAdmin()) {
			return grantViews("g.region_code like :scope", Map.of("scope", RegionCodes.likePattern(actor.regionCode())));
		}
		if (actor.organisationId() == null) {
			return List.of();
		}
		return grantViews("g.enterprise_org_id = :org", Map.of("org", actor.organisationId()));
	}

	@Transactional(readOnly = true)
	public GrantView grant(UUID id, Actor actor) {
		GrantView grant = grantViews("g.id = :id", Map.of("id", id)).stream().findFirst()
			.orElseThrow(() -> KejiaoException.notFound("voucher.grant-not-found", id));
		if (!(grant.enterpriseOrgId().equals(actor.organisationId()) || actor.governs(grant.issuerRegion()))) {
			throw KejiaoException.notFound("voucher.grant-not-found", id);
		}
		return grant;
	}

	private List<GrantView> grantViews(String where, Map<String, ?> params) {
		List<GrantView> unbalanced = jdbc.sql("""
				select g.id, g.scheme_id, s.name, g.region_code, g.enterprise_org_id, g.enterprise_name, g.amount,
				       g.subsidy_ratio, g.service_kinds, g.accepted_zone, g.valid_until, g.state, g.granted_at
				from voucher.grant_ g join voucher.scheme s on s.id = g.scheme_id
				where """ + " " + where + " order by g.granted_at desc limit 500")
			.params(params)
			.query((rs, row) -> new GrantView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), Money.yuan(rs.getLong(7)), "",
					rs.getBigDecimal(8), OrderRows.strings(rs, 9), rs.getString(10), rs.getObject(11, LocalDate.class),
					rs.getString(12), rs.getTimestamp(13).toInstant()))
			.list();
		Map<String, Long> balances = ledger.balances(unbalanced.stream().map(g -> VoucherAccounts.grant(g.id())).toList());
		return unbalanced.stream().map(g -> new GrantView(g.id(), g.schemeId(), g.schemeName(), g.issuerRegion(),
				g.enterpriseOrgId(), g.enterpriseName(), g.amount(), Money.yuan(balances.get(VoucherAccounts.grant(g.id()))),
				g.subsidyRatio(), g.serviceKinds(), g.acceptedZone(), g.validUntil(), g.state(), g.grantedAt())).toList();
	}

	/** The enterprise's statement: its grants with what became of them, and the orders vouchers paid part of. */
	@Transactional(readOnly = true)
	public VoucherStatement statement(Actor actor) {
		if (actor.organisationId() == null) {
			throw KejiaoException.forbidden("voucher.enterprises-only");
		}
		UUID org = actor.organisationId();
		record GrantTotals(UUID id, String scheme, long amount, LocalDate validUntil, long posted, long held) {
		}
		List<GrantTotals> totals = jdbc.sql("""
				select g.id, s.name, g.amount, g.valid_until,
				       coalesce((select sum(o.voucher_amount) from voucher.service_order o
				                 where o.grant_id = g.id and o.state = 'CONFIRMED'), 0),
				       coalesce((select sum(o.voucher_amount) from voucher.service_order o
				                 where o.grant_id = g.id and o.state in ('ACCEPTED', 'DELIVERED', 'DISPUTED')), 0)
				from voucher.grant_ g join voucher.scheme s on s.id = g.scheme_id
				where g.enterprise_org_id = :org order by g.granted_at""")
			.param("org", org)
			.query((rs, n) -> new GrantTotals(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
					rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6)))
			.list();
		Map<String, Long> balances = ledger.balances(totals.stream().map(g -> VoucherAccounts.grant(g.id())).toList());
		Map<String, Long> lapsed = ledger.totalsByReference(totals.stream().map(g -> "grant:" + g.id()).toList(), "LAPSE");
		List<VoucherStatement.Grant> grants = totals.stream().map(g -> new VoucherStatement.Grant(g.id(), g.scheme(),
				Money.yuan(g.amount()), Money.yuan(g.posted()), Money.yuan(g.held()), Money.yuan(lapsed.get("grant:" + g.id())),
				Money.yuan(balances.get(VoucherAccounts.grant(g.id()))), g.validUntil())).toList();
		List<VoucherStatement.Order> orders = jdbc.sql("""
				select id, number, provider_name, service_title, quote, voucher_amount, state from voucher.service_order
				where enterprise_org_id = :org and voucher_amount > 0 order by accepted_at""")
			.param("org", org)
			.query((rs, n) -> new VoucherStatement.Order(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), Money.yuan(rs.getLong(5)), Money.yuan(rs.getLong(6)), rs.getString(7)))
			.list();
		String name = organisations.find(org).map(OrganisationView::name).orElse("");
		return new VoucherStatement(org, name, grants, orders);
	}

	/**
	 * Grants past their validity give what they still hold back to their scheme's budget. Safe to run twice
	 * and on several nodes at once: each grant is claimed with a row lock that others skip, and its transfer
	 * has a key of its own.
	 */
	@Transactional
	public int lapseExpiredGrants(LocalDate today) {
		List<UUID> due = jdbc.sql("""
				select id from voucher.grant_ where state = 'ACTIVE' and valid_until < :today
				order by valid_until limit 500 for update skip locked""")
			.param("today", today).query(UUID.class).list();
		Instant now = clock.instant();
		for (UUID grantId : due) {
			UUID schemeId = jdbc.sql("select scheme_id from voucher.grant_ where id = :id").param("id", grantId)
				.query(UUID.class).single();
			long left = ledger.balance(VoucherAccounts.grant(grantId));
			if (left > 0) {
				ledger.transfer(new Transfer("lapse:" + grantId, VoucherAccounts.grant(grantId), VoucherAccounts.budget(schemeId), left,
						"LAPSE", "grant:" + grantId));
				events.publishEvent(new VoucherMoneyLapsed(grantId, null, new Money(left)));
			}
			jdbc.sql("update voucher.grant_ set state = 'LAPSED', lapsed_at = :at where id = :id")
				.param("at", Timestamp.from(now)).param("id", grantId).update();
			audit.record("voucher.grant-lapsed", "voucher-grant", grantId.toString(), Money.yuan(left), null, null,
					Map.of("returned", Money.yuan(left)));
		}
		return due.size();
	}
}
