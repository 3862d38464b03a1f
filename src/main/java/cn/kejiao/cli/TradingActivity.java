package cn.kejiao.cli;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.kejiao.cli.SimulationSteps.SimulatedEnterprise;
import cn.kejiao.platform.Money;
import cn.kejiao.trading.ContractType;
import cn.kejiao.trading.ContractView;
import cn.kejiao.trading.Contracts;

/**
 * Technology contracts in the simulated year: one enterprise in ten buys a technology contract from a provider,
 * which both sign and the seller's region registers.
 */
@Component
class TradingActivity implements SimulatedActivity {

	private final Contracts contracts;

	TradingActivity(Contracts contracts) {
		this.contracts = contracts;
	}

	@Override
	public void enterpriseVerified(SimulationSteps steps, SimulatedEnterprise enterprise) {
		if (steps.random().nextInt(10) == 0) {
			steps.later(5 + steps.random().nextInt(Math.max(1, steps.plan().days() / 2)), () -> contract(steps, enterprise));
		}
	}

	/** A provider sells the enterprise a technology contract; both sign; the seller's region registers it. */
	private void contract(SimulationSteps steps, SimulatedEnterprise enterprise) {
		var random = steps.random();
		SimulationCast.Provider seller = steps.providers().get(random.nextInt(steps.providers().size()));
		ContractType type = ContractType.values()[random.nextInt(ContractType.values().length)];
		long value = (5 + random.nextInt(196)) * 1_000_000L; // 50,000 to 2,000,000 yuan
		ContractView contract = steps.as(seller.actor(), () -> contracts.create(new Contracts.Draft(
				enterprise.industry() + "技术合同", type, seller.organisationId(), enterprise.organisationId(),
				new Money(value), List.of(), null, null)));
		steps.as(seller.actor(), () -> contracts.sign(contract.id()));
		steps.done("contracts drafted");
		steps.later(1 + random.nextInt(5), () -> {
			steps.as(enterprise.actor(), () -> contracts.sign(contract.id()));
			steps.done("contracts signed");
			steps.later(1 + random.nextInt(7), () -> {
				steps.as(steps.cast().admin(SimulationCast.registrar(seller.regionCode())),
						() -> contracts.register(contract.id()));
				steps.done("contracts registered");
			});
		});
	}
}
