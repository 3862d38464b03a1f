package cn.kejiao.trading.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.trading.Brokers;
import cn.kejiao.trading.ContractDrafts;
import cn.kejiao.trading.ContractFigures;
import cn.kejiao.trading.ContractType;
import cn.kejiao.trading.ContractView;
import cn.kejiao.trading.Contracts;
import cn.kejiao.trading.PaymentSchedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Technology contracts: drafted, signed by both sides, registered by the seller's region, performed. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Technology contracts")
class ContractApiController {

	private final Contracts contracts;
	private final ContractDrafts drafts;
	private final ContractFigures figures;
	private final Brokers brokers;

	ContractApiController(Contracts contracts, ContractDrafts drafts, ContractFigures figures, Brokers brokers) {
		this.contracts = contracts;
		this.drafts = drafts;
		this.figures = figures;
		this.brokers = brokers;
	}

	record PageOf<T>(List<T> items, long total, int page, int size) {
	}

	record ContractRequest(@Nullable String title, @Nullable ContractType type, @Nullable UUID sellerOrgId,
			@Nullable UUID buyerOrgId, @Nullable Money value, @Nullable List<PaymentSchedule.Planned> instalments,
			@Nullable UUID brokerUserId, @Nullable Money commission) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "contract.party-only")
	@PostMapping("/contracts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft a technology contract by hand", description = "The caller's organisation is the seller (provides the technology) or the buyer. type: DEVELOPMENT, TRANSFER, LICENCE, CONSULTING, SERVICE. value, amounts, commission: yuan strings. instalments: [{dueOn, amount}] summing to the value (contract.instalments-sum); none: the whole value due in 30 days. brokerUserId: a registered technology broker. 201 with the contract in DRAFT.")
	ContractView create(@RequestBody ContractRequest request) {
		return contracts.create(new Contracts.Draft(request.title(), request.type(), request.sellerOrgId(),
				request.buyerOrgId(), request.value(), request.instalments() == null ? List.of() : request.instalments(),
				request.brokerUserId(), request.commission()));
	}

	record MatchRequest(@Nullable UUID demandId, @Nullable UUID entryId, @Nullable Money value,
			@Nullable ContractType type) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "contract.demand-owner-only")
	@PostMapping("/contracts/from-match")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft the contract of a demand with one of its matched catalog entries", description = "For the demand's organisation; the entry's owner is the seller. value: yuan string (default: the demand's budget); type: default from the demand's cooperation mode. Once per demand and entry: asked again, the same contract.")
	ContractView fromMatch(@RequestBody MatchRequest request) {
		if (request.demandId() == null || request.entryId() == null) {
			throw KejiaoException.invalid("contract.match-required");
		}
		return drafts.fromMatch(request.demandId(), request.entryId(), request.value(), request.type());
	}

	@GetMapping("/contracts")
	@Operation(summary = "Contracts: my organisation's, or those of the region for an admin", description = "Newest first, paged (page from 0, size up to 100).")
	PageOf<ContractView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var result = contracts.list(Paging.of(page, size, 100));
		return new PageOf<>(result.getContent(), result.getTotalElements(), result.getNumber(), result.getSize());
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "contract.registrar-only")
	@GetMapping("/contracts/registrations")
	@Operation(summary = "The region's registration queue", description = "Signed contracts whose seller is in the admin's region, the longest waiting first.")
	List<ContractView> queue() {
		return contracts.registrationQueue();
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@GetMapping("/contracts/flows")
	@Operation(summary = "Contract value per seller region, buyer region and month", description = "from, to: months (2026-01), both included. Registered, performed and completed contracts, by month of registration.")
	List<ContractFigures.Flow> flows(@RequestParam String from, @RequestParam String to) {
		return figures.flows(month(from, "from"), month(to, "to"));
	}

	@GetMapping("/contracts/{id}")
	@Operation(summary = "A contract", description = "For the members of either party, the admins governing either party's region and the platform admin; 404 for anyone else.")
	ContractView get(@PathVariable UUID id) {
		return contracts.get(id);
	}

	@PostMapping("/contracts/{id}/sign")
	@Operation(summary = "Sign for the caller's side", description = "Signed by both sides, the contract is SIGNED. 409 contract.already-signed, contract.wrong-state.")
	ContractView sign(@PathVariable UUID id) {
		return contracts.sign(id);
	}

	@PostMapping("/contracts/{id}/register")
	@Operation(summary = "Register a signed contract (认定登记)", description = "By an admin governing the seller's region (403 contract.not-registrar otherwise); gives the registration number: region code, year, six digits.")
	ContractView register(@PathVariable UUID id) {
		return contracts.register(id);
	}

	@PostMapping("/contracts/{id}/start")
	@Operation(summary = "Start performing a registered contract (either party)")
	ContractView start(@PathVariable UUID id) {
		return contracts.start(id);
	}

	@PostMapping("/contracts/{id}/complete")
	@Operation(summary = "Record the contract performed in full (either party)")
	ContractView complete(@PathVariable UUID id) {
		return contracts.complete(id);
	}

	record Termination(@Nullable String reason) {
	}

	@PostMapping("/contracts/{id}/terminate")
	@Operation(summary = "Terminate a contract before it is completed", description = "Either party or an admin governing the seller's region, with a reason (contract.reason-required).")
	ContractView terminate(@PathVariable UUID id, @RequestBody Termination termination) {
		return contracts.terminate(id, termination.reason());
	}

	@PostMapping("/contracts/{id}/instalments/{instalment}/paid")
	@Operation(summary = "The seller records an instalment received", description = "instalment: 1 for the first.")
	ContractView paid(@PathVariable UUID id, @PathVariable int instalment) {
		return contracts.markPaid(id, instalment);
	}

	@GetMapping("/contract-brokers")
	@Operation(summary = "The register of technology brokers (技术经纪人)")
	List<Brokers.BrokerView> brokers() {
		return brokers.all();
	}

	record BrokerRequest(@Nullable String username, @Nullable String certificate) {
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/contract-brokers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an expert's technology-broker certificate", description = "By an admin governing the expert's region.")
	Brokers.BrokerView registerBroker(@RequestBody BrokerRequest request) {
		return brokers.register(request.username() == null ? "" : request.username(), request.certificate());
	}

	private static YearMonth month(String text, String field) {
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", field);
		}
	}
}
