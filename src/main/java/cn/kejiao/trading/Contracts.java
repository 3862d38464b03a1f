package cn.kejiao.trading;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Paging;
import cn.kejiao.trading.ContractState.Step;

/**
 * Technology contracts (技术合同) between a seller (who provides the technology) and a buyer (who commissions and
 * pays): drafted by hand by either party or from a deal ({@link ContractDrafts}), signed by a member of each side,
 * registered (认定登记) by an admin governing the seller's region with a registration number, performed and
 * completed, or terminated with a reason before it is completed. Which step is allowed when is
 * {@link ContractState}'s; who may take it is checked here, with the contract's row locked. Only the parties'
 * members, the admins governing either party's region and the platform admin see a contract; for anyone else it
 * does not exist (404).
 */
@Service
public class Contracts {

	/** What a party writes to draft a contract by hand. */
	public record Draft(@Nullable String title, @Nullable ContractType type, @Nullable UUID sellerOrgId,
			@Nullable UUID buyerOrgId, @Nullable Money value, List<PaymentSchedule.Planned> instalments,
			@Nullable UUID brokerUserId, @Nullable Money commission) {

		public Draft {
			instalments = instalments == null ? List.of() : List.copyOf(instalments);
		}
	}

	private final ContractRows rows;
	private final ContractDrafting drafting;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Contracts(ContractRows rows, ContractDrafting drafting, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.drafting = drafting;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Drafts a contract by hand. The actor's organisation must be one of the parties ({@code contract.party-only},
	 * 403); an empty schedule means the whole value in one payment 30 days later.
	 */
	@Transactional
	public ContractView create(Draft draft) {
		Actor actor = Actors.require();
		if (draft.sellerOrgId() == null || draft.buyerOrgId() == null) {
			throw KejiaoException.invalid("contract.parties-required");
		}
		if (actor.organisationId() == null || !actor.organisationId().equals(draft.sellerOrgId())
				&& !actor.organisationId().equals(draft.buyerOrgId())) {
			throw KejiaoException.forbidden("contract.party-only");
		}
		if (draft.type() == null) {
			throw KejiaoException.invalid("contract.type-required");
		}
		if (draft.value() == null || draft.value().isZero()) {
			throw KejiaoException.invalid("contract.value-required");
		}
		PaymentSchedule schedule = draft.instalments().isEmpty() ? null
				: PaymentSchedule.of(draft.value(), draft.instalments());
		return drafting.draft(new ContractDrafting.Draft(draft.title() == null ? "" : draft.title(), draft.type(),
				draft.sellerOrgId(), draft.buyerOrgId(), draft.value(), schedule, draft.brokerUserId(),
				draft.commission() == null ? Money.ZERO : draft.commission(), "MANUAL", null, null, actor.username()))
			.orElseThrow();
	}

	/** The contract, for those who may read it ({@link ContractView#isReadableBy}); 404 for anyone else. */
	@Transactional(readOnly = true)
	public ContractView get(UUID id) {
		Actor actor = Actors.require();
		return rows.find(id).filter(c -> c.isReadableBy(actor))
			.orElseThrow(() -> KejiaoException.notFound("contract.not-found", id));
	}

	/**
	 * The contracts the actor sees, newest first: its organisation's (either side), or for a region admin those
	 * with either party in its region, for the platform admin all.
	 */
	@Transactional(readOnly = true)
	public Page<ContractView> list(Paging paging) {
		Actor actor = Actors.require();
		if (actor.isPlatformAdmin() || actor.isRegionAdmin()) {
			String region = actor.isPlatformAdmin() ? null : actor.regionCode();
			return new PageImpl<>(rows.inRegion(region, paging.offset(), paging.size()), paging.pageRequest(),
					rows.countInRegion(region));
		}
		if (actor.organisationId() == null) {
			return new PageImpl<>(List.of(), paging.pageRequest(), 0);
		}
		return new PageImpl<>(rows.ofOrganisation(actor.organisationId(), paging.offset(), paging.size()),
				paging.pageRequest(), rows.countOfOrganisation(actor.organisationId()));
	}

	/** The region admin's queue: signed contracts whose seller is in its region, the longest waiting first. */
	@Transactional(readOnly = true)
	public List<ContractView> registrationQueue() {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("contract.registrar-only");
		}
		return rows.waitingForRegistration(actor.isPlatformAdmin() ? null : actor.regionCode());
	}

	/** A member of either party signs for its side; signed by both, the contract is signed. */
	@Transactional
	public ContractView sign(UUID id) {
		Actor actor = Actors.require();
		ContractView contract = readable(id, actor);
		ContractView.Side side = partyOf(contract, actor);
		contract.state().then(Step.SIGN);
		ContractView.Signature own = side == ContractView.Side.SELLER ? contract.sellerSigned() : contract.buyerSigned();
		if (own != null) {
			throw KejiaoException.conflict("contract.already-signed");
		}
		boolean both = (side == ContractView.Side.SELLER ? contract.buyerSigned() : contract.sellerSigned()) != null;
		rows.sign(id, side, actor.displayName(), clock.instant(), both);
		return changed(contract, both ? "signed-by-both" : "signed", actor.organisationId(), "");
	}

	/**
	 * An admin governing the seller's region registers a signed contract (认定登记) and gives it the next registration
	 * number of that region and year. Another admin is refused with {@code contract.not-registrar} (403).
	 */
	@Transactional
	public ContractView register(UUID id) {
		Actor actor = Actors.require();
		ContractView contract = readable(id, actor);
		if (!actor.governs(contract.seller().regionCode())) {
			throw KejiaoException.forbidden("contract.not-registrar");
		}
		contract.state().then(Step.REGISTER);
		Instant now = clock.instant();
		ZonedDateTime local = now.atZone(ChinaTime.ZONE);
		String number = rows.nextRegistrationNumber(contract.seller().regionCode(), local.getYear());
		rows.register(id, number, actor.displayName(), now, LocalDate.of(local.getYear(), local.getMonth(), 1));
		return changed(contract, "registered", null, number);
	}

	/** Either party starts performing a registered contract. */
	@Transactional
	public ContractView start(UUID id) {
		Actor actor = Actors.require();
		ContractView contract = readable(id, actor);
		partyOf(contract, actor);
		contract.state().then(Step.START);
		rows.start(id, clock.instant());
		return changed(contract, "started", actor.organisationId(), "");
	}

	/** Either party records the contract performed in full. */
	@Transactional
	public ContractView complete(UUID id) {
		Actor actor = Actors.require();
		ContractView contract = readable(id, actor);
		partyOf(contract, actor);
		contract.state().then(Step.COMPLETE);
		rows.complete(id, clock.instant());
		return changed(contract, "completed", actor.organisationId(), "");
	}

	/**
	 * Either party, or an admin governing the seller's region, ends the contract before it is completed, saying why
	 * ({@code contract.reason-required}).
	 */
	@Transactional
	public ContractView terminate(UUID id, @Nullable String reason) {
		Actor actor = Actors.require();
		ContractView contract = readable(id, actor);
		if (contract.sideOf(actor) == null && !actor.governs(contract.seller().regionCode())) {
			throw KejiaoException.forbidden("contract.party-only");
		}
		contract.state().then(Step.TERMINATE);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw KejiaoException.invalid("contract.reason-required");
		}
		rows.terminate(id, why, clock.instant());
		return changed(contract, "terminated", actor.organisationId(), why);
	}

	/** The seller records an instalment received (1 for the first); once, in a signed, registered or performed contract. */
	@Transactional
	public ContractView markPaid(UUID id, int instalment) {
		Actor actor = Actors.require();
		ContractView contract = readable(id, actor);
		if (contract.sideOf(actor) != ContractView.Side.SELLER) {
			throw KejiaoException.forbidden("contract.seller-only");
		}
		if (contract.state() == ContractState.DRAFT || contract.state() == ContractState.TERMINATED) {
			throw KejiaoException.conflict("contract.wrong-state").with("state", contract.state().name()).with("step", "PAY");
		}
		if (!rows.markPaid(id, instalment, clock.instant())) {
			throw KejiaoException.conflict("contract.instalment-not-payable", instalment);
		}
		ContractView after = rows.find(id).orElseThrow();
		audit.record("contract.instalment-paid", "contract", id.toString(), contract.number(),
				contract.seller().regionCode(), contract.schedule(), after.schedule());
		return after;
	}

	private ContractView readable(UUID id, Actor actor) {
		return rows.lock(id).filter(c -> c.isReadableBy(actor))
			.orElseThrow(() -> KejiaoException.notFound("contract.not-found", id));
	}

	private static ContractView.Side partyOf(ContractView contract, Actor actor) {
		ContractView.Side side = contract.sideOf(actor);
		if (side == null) {
			throw KejiaoException.forbidden("contract.party-only");
		}
		return side;
	}

	private ContractView changed(ContractView before, String step, @Nullable UUID byOrg, String detail) {
		ContractView after = rows.find(before.id()).orElseThrow();
		audit.record("contract." + step, "contract", before.id().toString(), before.number(),
				before.seller().regionCode(), java.util.Map.of("state", before.state().name()),
				detail.isEmpty() ? java.util.Map.of("state", after.state().name())
						: java.util.Map.of("state", after.state().name(), "detail", detail));
		events.publishEvent(new ContractStepTaken(before.id(), before.number(), before.title(), step,
				before.seller().organisationId(), before.buyer().organisationId(), before.seller().regionCode(), byOrg,
				detail));
		return after;
	}
}
