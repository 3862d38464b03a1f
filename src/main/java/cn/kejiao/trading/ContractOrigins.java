package cn.kejiao.trading;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.challenge.ChallengeAwarded;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.platform.Money;

/**
 * Drafts the contract a deal ends in, once per deal however often its event is delivered: a lot sold (a transfer
 * between the seller and the winning bidder at the hammer price, or the licence its listing offered), an offer accepted in an inquiry (the kind of
 * contract from the offer's mode) and a challenge award (a development contract of each winner, who develops, with
 * the publisher, who commissions, at the amount awarded).
 */
@Component
class ContractOrigins {

	private static final Logger log = LoggerFactory.getLogger(ContractOrigins.class);

	private final ContractDrafting drafting;
	private final Challenges challenges;
	private final Listings listings;

	ContractOrigins(ContractDrafting drafting, Challenges challenges, Listings listings) {
		this.drafting = drafting;
		this.challenges = challenges;
		this.listings = listings;
	}

	@ApplicationModuleListener
	void on(LotSold sold) {
		draft(new ContractDrafting.Draft(sold.title(), typeOfSale(sold), sold.sellerOrgId(),
				sold.buyerOrgId(), sold.hammer(), null, null, Money.ZERO, "LOT", sold.lotId(), "LOT:" + sold.lotId(),
				"system"));
	}

	/**
	 * A lot sells the patent (a transfer), unless it was made from a listing that does not offer a transfer: then the
	 * kind the listing's first mode leads to (an auctioned exclusive licence is a licence).
	 */
	private ContractType typeOfSale(LotSold sold) {
		if (sold.listingId() == null) {
			return ContractType.TRANSFER;
		}
		return listings.find(sold.listingId())
			.filter(listing -> !listing.offers(ListingMode.TRANSFER) && !listing.modes().isEmpty())
			.map(listing -> ContractType.ofListingMode(listing.modes().getFirst().name()))
			.orElse(ContractType.TRANSFER);
	}

	@ApplicationModuleListener
	void on(OfferAccepted accepted) {
		draft(new ContractDrafting.Draft(accepted.title(), ContractType.ofListingMode(accepted.mode()),
				accepted.sellerOrgId(), accepted.buyerOrgId(), accepted.amount(), null, null, Money.ZERO, "OFFER",
				accepted.offerId(), "OFFER:" + accepted.offerId(), "system"));
	}

	@ApplicationModuleListener
	void on(ChallengeAwarded awarded) {
		Optional<UUID> publisher = challenges.publisherOf(awarded.challengeId());
		if (publisher.isEmpty()) {
			log.info("Challenge {} was published by the platform itself: no contract is drafted for its winners",
					awarded.challengeId());
			return;
		}
		for (ChallengeAwarded.Winner winner : awarded.winners()) {
			if (winner.organisationId().equals(publisher.get()) || winner.amount().isZero()) {
				continue;
			}
			draft(new ContractDrafting.Draft(awarded.title(), ContractType.DEVELOPMENT, winner.organisationId(),
					publisher.get(), winner.amount(), null, null, Money.ZERO, "CHALLENGE", awarded.challengeId(),
					"CHALLENGE:" + awarded.challengeId() + ":" + winner.organisationId(), "system"));
		}
	}

	/**
	 * A deal that cannot become a contract (a party no longer verified, say) is logged and left to the parties to
	 * draft by hand: a refusal is the answer, not a failure that delivering the event again would mend.
	 */
	private void draft(ContractDrafting.Draft draft) {
		try {
			drafting.draft(draft);
		}
		catch (cn.kejiao.platform.KejiaoException refused) {
			log.warn("No contract drafted from {}: {}", draft.originKey(), refused.code());
		}
	}
}
