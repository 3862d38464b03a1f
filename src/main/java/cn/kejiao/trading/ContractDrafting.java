package cn.kejiao.trading;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * Drafts a contract, whatever it comes from: checks the title, the parties, the value, the schedule and the broker,
 * copies the parties' names and regions as they are now, inserts it once per origin, audits it and tells the
 * parties. Callers run it in their transaction.
 */
@Component
class ContractDrafting {

	/** Days after drafting the single instalment of a drafted contract falls due, until the parties plan theirs. */
	static final int DEFAULT_DUE_DAYS = 30;

	/** What is drafted. {@code schedule} null: the whole value due {@value #DEFAULT_DUE_DAYS} days later. */
	record Draft(String title, ContractType type, UUID sellerOrgId, UUID buyerOrgId, Money value,
			@Nullable PaymentSchedule schedule, @Nullable UUID brokerUserId, Money commission, String origin,
			@Nullable UUID originId, @Nullable String originKey, String createdBy) {
	}

	private final ContractRows rows;
	private final Organisations organisations;
	private final Brokers brokers;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ContractDrafting(ContractRows rows, Organisations organisations, Brokers brokers, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.organisations = organisations;
		this.brokers = brokers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The contract drafted now, or empty when its origin has one already.
	 * @throws KejiaoException with a {@code contract.*} code for what is wrong with it
	 */
	Optional<ContractView> draft(Draft draft) {
		if (draft.originKey() != null) {
			Optional<UUID> existing = rows.byOriginKey(draft.originKey());
			if (existing.isPresent()) {
				return Optional.empty();
			}
		}
		String title = draft.title() == null ? "" : draft.title().strip();
		if (title.isEmpty() || title.length() > 200) {
			throw KejiaoException.invalid("contract.title-required");
		}
		if (draft.value() == null || draft.value().isZero()) {
			throw KejiaoException.invalid("contract.value-required");
		}
		if (draft.sellerOrgId().equals(draft.buyerOrgId())) {
			throw KejiaoException.invalid("contract.same-party");
		}
		ContractView.Party seller = party(draft.sellerOrgId());
		ContractView.Party buyer = party(draft.buyerOrgId());
		ContractView.Broker broker = null;
		if (draft.brokerUserId() != null) {
			Brokers.BrokerView found = brokers.find(draft.brokerUserId())
				.orElseThrow(() -> KejiaoException.invalid("contract.broker-not-qualified"));
			broker = new ContractView.Broker(found.userId(), found.displayName());
		}
		Money commission = draft.commission() == null ? Money.ZERO : draft.commission();
		if (!commission.isZero() && broker == null) {
			throw KejiaoException.invalid("contract.commission-without-broker");
		}
		if (commission.compareTo(draft.value()) > 0) {
			throw KejiaoException.invalid("contract.commission-too-high", draft.value().display());
		}
		PaymentSchedule schedule = draft.schedule() != null ? draft.schedule()
				: PaymentSchedule.single(draft.value(), LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(DEFAULT_DUE_DAYS));
		if (!schedule.total().equals(draft.value())) {
			throw KejiaoException.invalid("contract.instalments-sum", schedule.total().display(), draft.value().display());
		}
		Optional<UUID> id = rows.insert(new ContractRows.NewContract(title, draft.type(), seller, buyer, draft.value(),
				schedule, broker, commission, draft.origin(), draft.originId(), draft.originKey(), draft.createdBy()),
				clock.instant());
		if (id.isEmpty()) {
			return Optional.empty();
		}
		ContractView contract = rows.find(id.get()).orElseThrow();
		audit.record("contract.drafted", "contract", contract.id().toString(), contract.number(), seller.regionCode(), null,
				contract);
		events.publishEvent(new ContractStepTaken(contract.id(), contract.number(), contract.title(), "drafted",
				seller.organisationId(), buyer.organisationId(), seller.regionCode(),
				"MANUAL".equals(draft.origin()) || "DEMAND_MATCH".equals(draft.origin()) ? creatorOrg() : null, ""));
		return Optional.of(contract);
	}

	/** The organisation of whoever drafted it by hand: the side that need not be told. */
	private static @Nullable UUID creatorOrg() {
		return cn.kejiao.platform.Actors.current().map(cn.kejiao.platform.Actor::organisationId).orElse(null);
	}

	private ContractView.Party party(UUID organisationId) {
		OrganisationView organisation = organisations.find(organisationId)
			.orElseThrow(() -> KejiaoException.invalid("contract.party-not-found", organisationId));
		if (!organisation.isVerified()) {
			throw KejiaoException.invalid("contract.party-not-verified", organisation.name());
		}
		return new ContractView.Party(organisation.id(), organisation.name(), organisation.regionCode());
	}
}
