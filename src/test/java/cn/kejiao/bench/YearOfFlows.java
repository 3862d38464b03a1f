package cn.kejiao.bench;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.database.SqlArrays;

/**
 * A year of flows between regions written straight into the owning modules' tables for {@link AgreementFiguresBench}:
 * row {@code g} of {@code n} happens {@code g/n} of the way through the last 365 days (so rows lie in time order, as
 * they would), its two sides in regions picked by two strides through the list, one in ten in a state that does not
 * count. Deterministic: the same arguments write the same year.
 */
final class YearOfFlows {

	private static final String WHEN = "now() - interval '365 days' + (g::bigint * 525600 / :n) * interval '1 minute'";
	private static final String SERVED = "(:regions)[1 + (g * 7) % cardinality(:regions)]";
	private static final String SERVING = "(:regions)[1 + (g * 13 + 3) % cardinality(:regions)]";

	private YearOfFlows() {
	}

	static void write(JdbcClient jdbc, String[] regions, int orders, int bookings, int contracts, int seats, int verdicts) {
		var codes = SqlArrays.texts(List.of(regions));
		UUID grant = jdbc.sql("select id from voucher.grant_ order by granted_at limit 1").query(UUID.class).optional()
			.orElse(null);
		jdbc.sql("""
				insert into voucher.service_order (id, number, enterprise_org_id, enterprise_name, enterprise_region,
				    provider_org_id, provider_name, provider_region, service_title, description, state, quote, grant_id,
				    voucher_amount, issuer_region, created_at, confirmed_at, updated_at)
				select gen_random_uuid(), 'BENCH' || g, gen_random_uuid(), '基准企业', %s, gen_random_uuid(), '基准机构', %s,
				       '委托检测', '基准', case when g %% 10 = 0 then 'CANCELLED' else 'CONFIRMED' end, 100000 + (g %% 1000) * 100,
				       case when g %% 3 = 0 then cast(:grant as uuid) end,
				       case when g %% 3 = 0 and cast(:grant as uuid) is not null then 50000 else 0 end,
				       case when g %% 3 = 0 and cast(:grant as uuid) is not null then '530000' end, t, t, t
				from generate_series(1, :n) g, lateral (select %s as t) w""".formatted(SERVED, SERVING, WHEN))
			.param("n", orders).param("regions", codes).param("grant", grant, java.sql.Types.OTHER).update();
		jdbc.sql("""
				insert into booking.reservation (id, number, instrument_id, instrument_title, owner_org_id, owner_org_name,
				    owner_region, booker_user_id, booker_username, booker_name, booker_org_id, booker_org_name, booker_region,
				    external, period, state, mode, unit, unit_price, quantity, fee, actual_start, actual_end, created_at,
				    updated_at)
				select gen_random_uuid(), 'BENCHB' || g, gen_random_uuid(), '基准仪器', gen_random_uuid(), '基准所有者', %s,
				       gen_random_uuid(), 'bench', '基准', gen_random_uuid(), '基准预约方', %s, g %% 5 <> 0,
				       tstzrange(t, t + interval '2 hours'), case when g %% 10 = 0 then 'CANCELLED' when g %% 2 = 0 then 'BILLED'
				       else 'USED' end, 'SELF', 'HOUR', 30000, 2, 60000, t, t + interval '2 hours', t, t
				from generate_series(1, :n) g, lateral (select %s as t) w""".formatted(SERVING, SERVED, WHEN))
			.param("n", bookings).param("regions", codes).update();
		jdbc.sql("""
				insert into trading.contract (id, number, title, type, seller_org_id, seller_name, seller_region,
				    buyer_org_id, buyer_name, buyer_region, value_fen, state, registered_at, registered_month, origin_kind,
				    created_by, created_at, updated_at)
				select gen_random_uuid(), 'BENCHC' || g, '基准合同', 'SERVICE', gen_random_uuid(), '卖方', %s,
				       gen_random_uuid(), '买方', %s, 1000000 + g, case when g %% 10 = 0 then 'TERMINATED' else 'REGISTERED' end,
				       t, date_trunc('month', t at time zone 'Asia/Shanghai')::date, 'MANUAL', 'bench', t, t
				from generate_series(1, :n) g, lateral (select %s as t) w""".formatted(SERVING, SERVED, WHEN))
			.param("n", contracts).param("regions", codes).update();
		var challenges = SqlArrays.uuids(jdbc.sql("select id from challenge.challenge").query(UUID.class).list());
		jdbc.sql("""
				insert into challenge.panellist (challenge_id, user_id, username, display_name, region_code, seated_at)
				select (:challenges)[1 + g %% cardinality(:challenges)], gen_random_uuid(), 'bench' || g, '基准专家', %s, t
				from generate_series(1, :n) g, lateral (select %s as t) w""".formatted(SERVING, WHEN))
			.param("n", seats).param("regions", codes).param("challenges", challenges).update();
		var demands = SqlArrays.uuids(jdbc.sql("select id from demand.demand").query(UUID.class).list());
		var achievements = SqlArrays.uuids(jdbc.sql("select id from catalog.entry where type = 'ACHIEVEMENT' limit 500")
			.query(UUID.class).list());
		jdbc.sql("""
				insert into demand.feedback (demand_id, entry_id, entry_type, useful, reason, by_user, at)
				select (:demands)[1 + g %% cardinality(:demands)], (:entries)[1 + (g * 7) %% cardinality(:entries)],
				       'ACHIEVEMENT', g %% 4 <> 0, case when g %% 4 = 0 then 'OTHER' end, 'bench' || g, t
				from generate_series(1, :n) g, lateral (select %s as t) w""".formatted(WHEN))
			.param("n", verdicts).param("demands", demands).param("entries", achievements).update();
		jdbc.sql("analyze").update();
	}
}
