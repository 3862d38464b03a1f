package cn.kejiao.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.kejiao.account.Accounts;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Paging;
import cn.kejiao.trading.Brokers;
import cn.kejiao.trading.ContractType;
import cn.kejiao.trading.ContractView;
import cn.kejiao.trading.Contracts;
import cn.kejiao.trading.PaymentSchedule;

/**
 * Technology contracts between the demo organisations in each state, drafted by hand through the facade by the
 * seller and taken as far as the people would: 云南省科学技术院 ({@code provider-yn}) selling to 嘉定's enterprise
 * ({@code ent-jd}) across regions, signed by both and registered by {@code yn-admin}; {@code provider-jd} serving
 * 文山's enterprise ({@code ent-ws}) through the broker {@code expert-sh}, in performance; one signed and waiting in
 * 嘉定's registration queue, one in 云南's, a draft signed by its seller only, one completed and one terminated.
 * Once: a later start finds the first contract and does nothing.
 */
@Component
class TradingContractDemo {

	static final String CROSS_REGION_TITLE = "三七总皂苷绿色提取技术转让";

	private static final Logger log = LoggerFactory.getLogger(TradingContractDemo.class);

	private final Contracts contracts;
	private final Brokers brokers;
	private final Accounts accounts;
	private final DemoActors actors;
	private final Clock clock;

	TradingContractDemo(Contracts contracts, Brokers brokers, Accounts accounts, DemoActors actors, Clock clock) {
		this.contracts = contracts;
		this.brokers = brokers;
		this.accounts = accounts;
		this.actors = actors;
		this.clock = clock;
	}

	/** How far a demo contract is taken. */
	private enum Until {
		DRAFT_SELLER_SIGNED, SIGNED, REGISTERED, IN_PERFORMANCE, COMPLETED, TERMINATED
	}

	void load() {
		try {
			boolean done = actors.as("provider-yn", () -> contracts.list(new Paging(0, 100))).getContent().stream()
				.anyMatch(c -> c.title().equals(CROSS_REGION_TITLE));
			if (done) {
				return;
			}
			actors.as("sh-admin", () -> brokers.register("expert-sh", "沪技经证 2026-0107"));
			UUID broker = accounts.find("expert-sh").orElseThrow().id();
			LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
			contract("provider-yn", "ent-jd", "yn-admin", CROSS_REGION_TITLE, ContractType.TRANSFER, "1800000",
					List.of(planned(today.plusDays(15), "600000"), planned(today.plusDays(120), "1200000")), null, null,
					Until.REGISTERED);
			contract("provider-jd", "ent-ws", "jd-admin", "新能源汽车零部件可靠性检测技术服务", ContractType.SERVICE, "360000",
					List.of(planned(today.plusDays(30), "180000"), planned(today.plusDays(90), "180000")), broker, "10800",
					Until.IN_PERFORMANCE);
			contract("provider-jd", "ent-jd", "jd-admin", "汽车电子失效分析技术开发", ContractType.DEVELOPMENT, "520000",
					List.of(), null, null, Until.SIGNED);
			contract("provider-yn", "ent-ws", "yn-admin", "赤泥综合利用技术咨询", ContractType.CONSULTING, "150000", List.of(),
					null, null, Until.SIGNED);
			contract("provider-jd", "ent-ws", "jd-admin", "检测仪器校准方法技术咨询", ContractType.CONSULTING, "45000", List.of(),
					null, null, Until.DRAFT_SELLER_SIGNED);
			contract("provider-yn", "ent-jd", "yn-admin", "高原特色果蔬保鲜技术许可", ContractType.LICENCE, "260000", List.of(),
					null, null, Until.COMPLETED);
			contract("provider-jd", "ent-ws", "jd-admin", "铝合金压铸件无损检测技术转让", ContractType.TRANSFER, "420000",
					List.of(), null, null, Until.TERMINATED);
			log.info("Demo technology contracts loaded");
		}
		catch (RuntimeException ex) {
			log.warn("Demo technology contracts not loaded", ex);
		}
	}

	private static PaymentSchedule.Planned planned(LocalDate due, String yuan) {
		return new PaymentSchedule.Planned(due, Money.ofYuan(yuan, "amount"));
	}

	private void contract(String seller, String buyer, String registrar, String title, ContractType type, String value,
			List<PaymentSchedule.Planned> instalments, @Nullable UUID broker, @Nullable String commission, Until until) {
		UUID sellerOrg = accounts.find(seller).orElseThrow().organisationId();
		UUID buyerOrg = accounts.find(buyer).orElseThrow().organisationId();
		ContractView c = actors.as(seller, () -> contracts.create(new Contracts.Draft(title, type, sellerOrg, buyerOrg,
				Money.ofYuan(value, "value"), instalments, broker,
				commission == null ? null : Money.ofYuan(commission, "commission"))));
		UUID id = c.id();
		actors.as(seller, () -> contracts.sign(id));
		if (until == Until.DRAFT_SELLER_SIGNED) {
			return;
		}
		actors.as(buyer, () -> contracts.sign(id));
		if (until == Until.SIGNED) {
			return;
		}
		if (until == Until.TERMINATED) {
			actors.as(buyer, () -> contracts.terminate(id, "买方产线调整，双方协商一致解除合同"));
			return;
		}
		actors.as(registrar, () -> contracts.register(id));
		if (until == Until.REGISTERED) {
			return;
		}
		actors.as(seller, () -> contracts.start(id));
		actors.as(seller, () -> contracts.markPaid(id, 1));
		if (until == Until.COMPLETED) {
			actors.as(buyer, () -> contracts.complete(id));
		}
	}
}
