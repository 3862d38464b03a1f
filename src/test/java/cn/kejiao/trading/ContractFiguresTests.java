package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Paging;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/**
 * Contract value per seller region, buyer region and month equals what one counts contract by contract, and the
 * query is answered from its index.
 */
@KejiaoIntegrationTest
class ContractFiguresTests {

	@Autowired
	Personas personas;

	@Autowired
	Contracts contracts;

	@Autowired
	ContractFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	private UUID org(String username) {
		return personas.actor(username).organisationId();
	}

	private void registered(String seller, String buyer, String registrar, String yuan, boolean thenTerminate) {
		ContractView c = personas.as(seller, () -> contracts.create(new Contracts.Draft("统计用合同 " + yuan,
				ContractType.SERVICE, org(seller), org(buyer), Money.ofYuan(yuan, "v"), List.of(), null, null)));
		personas.as(seller, () -> contracts.sign(c.id()));
		personas.as(buyer, () -> contracts.sign(c.id()));
		personas.as(registrar, () -> contracts.register(c.id()));
		if (thenTerminate) {
			personas.as(buyer, () -> contracts.terminate(c.id(), "统计中不计"));
		}
	}

	@Test
	void theFlowsPerRegionPairAndMonthEqualACountContractByContract() {
		registered("provider-yn", "ent-jd", "yn-admin", "100000", false);
		registered("provider-yn", "ent-jd", "yn-admin", "250000.50", false);
		registered("provider-jd", "ent-ws", "jd-admin", "80000", false);
		registered("provider-jd", "ent-jd", "sh-admin", "66000", false);
		registered("provider-jd", "ent-ws", "jd-admin", "12345", true);
		personas.as("provider-jd", () -> contracts.create(new Contracts.Draft("未登记的不计", ContractType.SERVICE,
				org("provider-jd"), org("ent-ws"), Money.ofYuan("5000", "v"), List.of(), null, null)));

		YearMonth now = YearMonth.now(ChinaTime.ZONE);
		List<ContractFigures.Flow> flows = figures.flows(now.minusYears(2), now.plusMonths(1));

		Map<String, long[]> counted = new TreeMap<>();
		List<ContractView> all = new ArrayList<>();
		for (int page = 0;; page++) {
			int p = page;
			var chunk = personas.as("admin", () -> contracts.list(new Paging(p, 100)));
			all.addAll(chunk.getContent());
			if (!chunk.hasNext()) {
				break;
			}
		}
		for (ContractView c : all) {
			if (!c.state().counted() || c.registered() == null) {
				continue;
			}
			YearMonth month = YearMonth.from(c.registered().at().atZone(ChinaTime.ZONE));
			if (month.isBefore(now.minusYears(2)) || month.isAfter(now.plusMonths(1))) {
				continue;
			}
			long[] sums = counted.computeIfAbsent(c.seller().regionCode() + ">" + c.buyer().regionCode() + "@" + month,
					k -> new long[2]);
			sums[0]++;
			sums[1] += c.value().fen();
		}
		Map<String, long[]> reported = new TreeMap<>();
		for (ContractFigures.Flow f : flows) {
			reported.put(f.sellerRegion() + ">" + f.buyerRegion() + "@" + f.month(), new long[] { f.count(), f.value().fen() });
		}
		assertThat(reported.keySet()).isEqualTo(counted.keySet());
		counted.forEach((key, sums) -> assertThat(reported.get(key)).as(key).containsExactly(sums));
		ContractFigures.Flow yunnanToJiading = flows.stream()
			.filter(f -> f.sellerRegion().equals("530102") && f.buyerRegion().equals("310114") && f.month().equals(now))
			.findFirst().orElseThrow();
		assertThat(yunnanToJiading.crossRegion()).isTrue();
		assertThat(yunnanToJiading.value().fen()).isGreaterThanOrEqualTo(35_000_050L);
	}

	@Test
	void theFlowsQueryIsAnsweredFromItsIndex() {
		String plan = transactions.execute(status -> {
			// one transaction, one connection: the setting holds for the explain that follows it
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("""
					explain select registered_month, seller_region, buyer_region, count(*), sum(value_fen)
					from trading.contract
					where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED')
					  and registered_month between date '2026-01-01' and date '2026-12-01'
					group by registered_month, seller_region, buyer_region""").query(String.class).list());
		});
		assertThat(plan).contains("contract_flows");
	}
}
