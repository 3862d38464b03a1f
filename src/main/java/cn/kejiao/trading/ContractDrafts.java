package cn.kejiao.trading;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.demand.CooperationMode;
import cn.kejiao.demand.DemandView;
import cn.kejiao.demand.Demands;
import cn.kejiao.demand.Matching;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * Contracts drafted from a demand's match: the demand's owner picks one of the catalog entries matched to it and
 * drafts a contract with the entry's owner, who provides (seller); the demand's organisation commissions (buyer).
 * Once per demand and entry. (Drafts from a won lot, an accepted offer and a challenge award follow from their
 * events, in {@code ContractOrigins}.)
 */
@Service
public class ContractDrafts {

	/** How many of a demand's matches are looked through for the entry picked. */
	static final int MATCHES_LOOKED_AT = 100;

	private final ContractDrafting drafting;
	private final ContractRows rows;
	private final Demands demands;
	private final Matching matching;
	private final Catalog catalog;

	ContractDrafts(ContractDrafting drafting, ContractRows rows, Demands demands, Matching matching, Catalog catalog) {
		this.drafting = drafting;
		this.rows = rows;
		this.demands = demands;
		this.matching = matching;
		this.catalog = catalog;
	}

	/**
	 * Drafts the contract of a demand with one of its matched entries, or returns the one drafted before.
	 * @param type null: from the demand's first wanted cooperation mode (a service entry: a service contract)
	 * @throws KejiaoException {@code contract.demand-owner-only} (403) for anyone but the demand's organisation,
	 * {@code contract.not-a-match} (400) when the entry is not among the demand's matches
	 */
	@Transactional
	public ContractView fromMatch(UUID demandId, UUID entryId, @Nullable Money value, @Nullable ContractType type) {
		Actor actor = Actors.require();
		DemandView demand = demands.get(demandId, actor);
		if (!demand.owned() || demand.ownerOrgId() == null || !demand.ownerOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("contract.demand-owner-only");
		}
		String key = "DEMAND_MATCH:" + demandId + ":" + entryId;
		var existing = rows.byOriginKey(key);
		if (existing.isPresent()) {
			return rows.find(existing.get()).orElseThrow();
		}
		boolean matched = matching.matches(demandId, null, MATCHES_LOOKED_AT).stream()
			.anyMatch(m -> m.id().equals(entryId));
		if (!matched) {
			throw KejiaoException.invalid("contract.not-a-match");
		}
		EntryView entry = catalog.get(entryId, actor);
		Money amount = value != null ? value
				: demand.budget() == null ? null : Money.ofYuan(demand.budget(), "value");
		if (amount == null || amount.isZero()) {
			throw KejiaoException.invalid("contract.value-required");
		}
		ContractType kind = type != null ? type : typeOf(demand, entry);
		return drafting.draft(new ContractDrafting.Draft(entry.title() + " · " + demand.title(), kind,
				entry.ownerOrgId(), demand.ownerOrgId(), amount, null, null, Money.ZERO, "DEMAND_MATCH", demandId, key,
				actor.username()))
			.orElseGet(() -> rows.find(rows.byOriginKey(key).orElseThrow()).orElseThrow());
	}

	private static ContractType typeOf(DemandView demand, EntryView entry) {
		if (entry.type() == EntryType.SERVICE || entry.type() == EntryType.INSTRUMENT) {
			return ContractType.SERVICE;
		}
		CooperationMode mode = demand.modes().isEmpty() ? CooperationMode.TRANSFER : demand.modes().getFirst();
		return switch (mode) {
			case TRANSFER -> ContractType.TRANSFER;
			case LICENCE -> ContractType.LICENCE;
			case JOINT, COMMISSIONED -> ContractType.DEVELOPMENT;
			case CONSULTING -> ContractType.CONSULTING;
		};
	}
}
