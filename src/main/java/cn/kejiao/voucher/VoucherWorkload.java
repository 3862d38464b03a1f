package cn.kejiao.voucher;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.ledger.Ledger;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;

/**
 * What waits for whom in the voucher module, counted for a workbench: the orders an organisation has to act
 * on (as enterprise or as provider), the applications and disputes an admin decides, an enterprise's voucher
 * money, and the number of orders on the platform.
 */
@Service
public class VoucherWorkload {

	private final JdbcClient jdbc;
	private final Ledger ledger;

	VoucherWorkload(JdbcClient jdbc, Ledger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	/**
	 * The orders waiting for an organisation: as enterprise, quotes to accept and deliveries to confirm; as
	 * provider, requests to quote and accepted orders to deliver.
	 */
	public record OrderCounts(long toAccept, long toConfirm, long toQuote, long toDeliver) {
	}

	/** An enterprise's voucher money: what its active grants can still pay, and what open orders hold. */
	public record Balance(Money left, Money held) {
	}

	@Transactional(readOnly = true)
	public OrderCounts orders(UUID organisationId) {
		return jdbc.sql("""
				select count(*) filter (where enterprise_org_id = :org and state = 'QUOTED'),
				       count(*) filter (where enterprise_org_id = :org and state = 'DELIVERED'),
				       count(*) filter (where provider_org_id = :org and state = 'REQUESTED'),
				       count(*) filter (where provider_org_id = :org and state = 'ACCEPTED' and booking_id is null)
				from voucher.service_order where enterprise_org_id = :org or provider_org_id = :org""")
			.param("org", organisationId)
			.query((rs, n) -> new OrderCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
	}

	/** The voucher applications to the schemes of the admin's region that wait for a decision. */
	@Transactional(readOnly = true)
	public long applicationsToReview(Actor admin) {
		if (!(admin.isRegionAdmin() || admin.isPlatformAdmin())) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from voucher.application a join voucher.scheme s on s.id = a.scheme_id
				where a.state = 'PENDING' and s.region_code like :scope""")
			.param("scope", scope(admin)).query(Long.class).single();
	}

	/** The disputed orders of providers in the admin's region, which the admin resolves. */
	@Transactional(readOnly = true)
	public long disputesToResolve(Actor admin) {
		if (!(admin.isRegionAdmin() || admin.isPlatformAdmin())) {
			return 0;
		}
		return jdbc.sql("select count(*) from voucher.service_order where state = 'DISPUTED' and provider_region like :scope")
			.param("scope", scope(admin)).query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public Balance balance(UUID enterpriseOrgId) {
		List<UUID> grants = jdbc.sql("select id from voucher.grant_ where enterprise_org_id = :org and state = 'ACTIVE'")
			.param("org", enterpriseOrgId).query(UUID.class).list();
		Map<String, Long> balances = ledger.balances(grants.stream().map(VoucherAccounts::grant).toList());
		long left = balances.values().stream().mapToLong(Long::longValue).sum();
		long held = jdbc.sql("""
				select coalesce(sum(voucher_amount), 0) from voucher.service_order
				where enterprise_org_id = :org and state in ('ACCEPTED', 'DELIVERED', 'DISPUTED')""")
			.param("org", enterpriseOrgId).query(Long.class).single();
		return new Balance(new Money(left), new Money(held));
	}

	/** Every service order placed on the platform, whatever became of it. */
	@Transactional(readOnly = true)
	public long orderCount() {
		return jdbc.sql("select count(*) from voucher.service_order").query(Long.class).single();
	}

	private static String scope(Actor admin) {
		return admin.isPlatformAdmin() ? "%" : RegionCodes.likePattern(admin.regionCode());
	}
}
