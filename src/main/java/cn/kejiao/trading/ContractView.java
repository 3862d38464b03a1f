package cn.kejiao.trading;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Money;

/**
 * A technology contract as its parties, their region admins and the API see it. The seller is the side that
 * provides the technology (developer, transferor, licensor, consultant, service provider), the buyer the side that
 * commissions and pays; each with its region as it was when the contract was drafted. Amounts are {@link Money}.
 *
 * @param origin where it came from: MANUAL, LOT, OFFER, CHALLENGE or DEMAND_MATCH, with the id of that lot, offer,
 *     challenge or demand
 * @param commission what the broker is paid, zero without a broker
 */
public record ContractView(UUID id, String number, String title, ContractType type, Party seller, Party buyer,
		Money value, PaymentSchedule schedule, @Nullable Broker broker, Money commission, ContractState state,
		@Nullable Signature sellerSigned, @Nullable Signature buyerSigned, @Nullable String registrationNumber,
		@Nullable Signature registered, @Nullable Instant startedAt, @Nullable Instant completedAt,
		@Nullable Instant terminatedAt, @Nullable String terminationReason, String origin, @Nullable UUID originId,
		String createdBy, Instant createdAt) {

	/** One side: the organisation, its name and its region (GB/T 2260 code) when the contract was drafted. */
	public record Party(UUID organisationId, String name, String regionCode) {
	}

	/** The technology broker (技术经纪人): an expert of the pool with that qualification. */
	public record Broker(UUID userId, String name) {
	}

	/** Who did it (the person's name as the platform knows it) and when; the audit log keeps the account. */
	public record Signature(String by, Instant at) {
	}

	/** Which side the actor acts for, if it is a member of either party. */
	public @Nullable Side sideOf(Actor actor) {
		if (seller.organisationId().equals(actor.organisationId())) {
			return Side.SELLER;
		}
		if (buyer.organisationId().equals(actor.organisationId())) {
			return Side.BUYER;
		}
		return null;
	}

	/** The seller's side or the buyer's. */
	public enum Side {
		SELLER, BUYER
	}

	/**
	 * Who may read it: the members of either party, the admins governing either party's region and the platform
	 * admin. For anyone else the contract does not exist.
	 */
	public boolean isReadableBy(Actor actor) {
		return sideOf(actor) != null || actor.governs(seller.regionCode()) || actor.governs(buyer.regionCode());
	}

	/** Whether the seller and the buyer were in different provinces: a cross-region deal. */
	public boolean crossRegion() {
		return !seller.regionCode().substring(0, 2).equals(buyer.regionCode().substring(0, 2));
	}
}
