package cn.kejiao.voucher.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.platform.Money;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Verification;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.voucher.ApplicationView;
import cn.kejiao.voucher.GrantView;
import cn.kejiao.voucher.SchemeForm;
import cn.kejiao.voucher.SchemeView;
import cn.kejiao.voucher.SettlementView;
import cn.kejiao.voucher.Settlements;
import cn.kejiao.voucher.VoucherSchemes;
import cn.kejiao.voucher.VoucherApplications;
import cn.kejiao.voucher.VoucherGrants;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Voucher schemes, applications, grants, settlement and the ledger's verification. Amounts are yuan strings. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Innovation vouchers")
class VoucherApiController {

	private final VoucherSchemes voucherSchemes;
	private final VoucherApplications voucherApplications;
	private final VoucherGrants voucherGrants;
	private final Settlements settlements;
	private final Ledger ledger;
	private final StatementFiles files;

	VoucherApiController(VoucherSchemes voucherSchemes, VoucherApplications voucherApplications,
			VoucherGrants voucherGrants, Settlements settlements, Ledger ledger, StatementFiles files) {
		this.files = files;
		this.voucherSchemes = voucherSchemes;
		this.voucherApplications = voucherApplications;
		this.voucherGrants = voucherGrants;
		this.settlements = settlements;
		this.ledger = ledger;
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/voucher-schemes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a scheme (region admin)", description = "budget and capPerEnterprise are yuan strings such as \"500000.00\"; subsidyRatio is 0 < r ≤ 1; acceptedZone is a cooperation zone code (yrd, hu-dian, ...) or null for the own region.")
	SchemeView createScheme(@RequestBody SchemeForm form) {
		return voucherSchemes.createScheme(form);
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PutMapping("/voucher-schemes/{id}")
	@Operation(summary = "Change a scheme (its region's admin)", description = "What was granted keeps its rules; the budget may shrink by at most what is still available.")
	SchemeView updateScheme(@PathVariable UUID id, @RequestBody SchemeForm form) {
		return voucherSchemes.updateScheme(id, form);
	}

	@GetMapping("/voucher-schemes")
	@Operation(summary = "Schemes: all for enterprises, the own region's for its admin")
	List<SchemeView> schemes() {
		return voucherSchemes.schemes(Actors.require());
	}

	@GetMapping("/voucher-schemes/{id}")
	@Operation(summary = "A scheme with its budget available, granted, held, posted and lapsed")
	SchemeView scheme(@PathVariable UUID id) {
		return voucherSchemes.scheme(id, Actors.require());
	}

	record ApplicationRequest(@Nullable UUID schemeId, @Nullable Money amount, @Nullable String purpose) {
	}

	@ForRoles(value = Role.ENTERPRISE, refusal = "voucher.enterprises-only")
	@PostMapping("/voucher-applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply to a scheme (enterprise)")
	ApplicationView apply(@RequestBody ApplicationRequest request) {
		if (request.schemeId() == null) {
			throw KejiaoException.invalid("request.missing-parameter", "schemeId");
		}
		return voucherApplications.apply(request.schemeId(), request.amount(), request.purpose());
	}

	@GetMapping("/voucher-applications")
	@Operation(summary = "Applications: the own ones for an enterprise, those to the region's schemes for an admin")
	List<ApplicationView> applications(@RequestParam(required = false) @Nullable String state) {
		return voucherApplications.applications(Actors.require(), state);
	}

	@GetMapping("/voucher-applications/{id}")
	ApplicationView application(@PathVariable UUID id) {
		return voucherApplications.application(id, Actors.require());
	}

	record Decision(@Nullable Money amount, @Nullable String reason) {
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/voucher-applications/{id}/approve")
	@Operation(summary = "Approve, possibly a smaller amount (the scheme's region admin)")
	ApplicationView approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision decision) {
		return voucherApplications.approve(id, decision == null ? null : decision.amount());
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/voucher-applications/{id}/reject")
	@Operation(summary = "Reject with a reason (the scheme's region admin)")
	ApplicationView reject(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision decision) {
		return voucherApplications.reject(id, decision == null ? null : decision.reason());
	}

	@GetMapping("/voucher-grants")
	@Operation(summary = "Grants: the caller's organisation's, or its region's for an admin, with what each still holds")
	List<GrantView> grants() {
		return voucherGrants.grants(Actors.require());
	}

	@GetMapping("/voucher-grants/{id}")
	GrantView grant(@PathVariable UUID id) {
		return voucherGrants.grant(id, Actors.require());
	}

	@GetMapping("/voucher-statement")
	@Operation(summary = "The caller's organisation's voucher statement: grants, what became of them, and the orders they paid")
	cn.kejiao.voucher.VoucherStatement statement() {
		return voucherGrants.statement(Actors.require());
	}

	@GetMapping("/voucher-statement/export")
	@Operation(summary = "The voucher statement as Excel")
	ResponseEntity<byte[]> statementExcel() {
		return files.statementExcel(voucherGrants.statement(Actors.require()));
	}

	@GetMapping("/voucher-statement/pdf")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The PDF.",
		content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf"))
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", description = "No Chinese font is available to the server to write the PDF with.")
	@Operation(summary = "The voucher statement as PDF in Chinese")
	ResponseEntity<byte[]> statementPdf() {
		return files.statementPdf(voucherGrants.statement(Actors.require()));
	}

	/** The period asked for, or the current month. */
	static YearMonth periodOrCurrent(@Nullable String period) {
		return period == null || period.isBlank() ? YearMonth.now(ChinaTime.ZONE) : period(period);
	}

	@GetMapping("/voucher-ledger/verification")
	@Operation(summary = "Recompute every ledger balance from the transfers (platform admin)")
	Verification verify() {
		return ledger.verify(Actors.require());
	}

	@GetMapping("/voucher-ledger/transfers")
	@Operation(summary = "The ledger transfers of a reference such as order:<id> or grant:<id> (platform admin)")
	List<cn.kejiao.ledger.Posted> transfers(@RequestParam String reference) {
		return ledger.transfers(reference, Actors.require());
	}

	record RunRequest(@Nullable String period) {
	}

	@ForRoles(Role.PLATFORM_ADMIN)
	@PostMapping("/settlements")
	@Operation(summary = "Settle a finished month (platform admin); running it again returns the same run")
	SettlementView settle(@RequestBody RunRequest request) {
		return settlements.run(period(request.period()));
	}

	@GetMapping("/settlements")
	@Operation(summary = "Settlement runs, as far as the caller may see them")
	List<SettlementView> runs() {
		return settlements.runs(Actors.require());
	}

	@GetMapping("/settlements/{period}")
	SettlementView run(@PathVariable String period) {
		return settlements.run(period(period).toString(), Actors.require());
	}

	@GetMapping("/settlements/preview")
	@Operation(summary = "What a period's settlement would say so far (the current month, say), from the ledger")
	SettlementView preview(@RequestParam(required = false) @Nullable String period) {
		Actor actor = Actors.require();
		return settlements.preview(period == null ? null : period(period), actor);
	}

	@GetMapping("/settlements/export")
	@Operation(summary = "A period's statement as Excel: between regions and by provider (the stored run, else the preview)")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String period) {
		return files.settlementExcel(settlements.statement(periodOrCurrent(period), Actors.require()));
	}

	@GetMapping("/settlements/pdf")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The PDF.",
		content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf"))
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", description = "No Chinese font is available to the server to write the PDF with.")
	@Operation(summary = "A period's statement as PDF in Chinese (the stored run, else the preview)")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) @Nullable String period) {
		Actor actor = Actors.require();
		return files.settlementPdf(settlements.statement(periodOrCurrent(period), actor), actor);
	}

	static YearMonth period(@Nullable String period) {
		try {
			if (period == null) {
				throw new DateTimeParseException("missing", "", 0);
			}
			return YearMonth.parse(period.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("settlement.period", period == null ? "" : period);
		}
	}
}
