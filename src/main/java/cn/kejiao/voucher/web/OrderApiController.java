package cn.kejiao.voucher.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.kejiao.platform.Money;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Service orders and their voucher part. Amounts are yuan strings with at most two decimals. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Service orders")
class OrderApiController {

	static final long MAX_REPORT = 20L * 1024 * 1024;

	private final ServiceOrders orders;
	private final StatementFiles files;

	OrderApiController(ServiceOrders orders, StatementFiles files) {
		this.orders = orders;
		this.files = files;
	}

	record OrderRequest(@Nullable UUID providerOrgId, @Nullable UUID serviceId, @Nullable String description,
			@Nullable String serviceKind) {
	}

	@ForRoles(value = Role.ENTERPRISE, refusal = "voucher.enterprises-only")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request a service from a provider (enterprise)", description = "A catalog entry of the provider (serviceId: a service to commission, an instrument to book, an achievement or expert to consult; its price and kind come with it) or work described in free text; serviceKind (a service category such as 检验检测) decides which vouchers can pay for free-text work. The order's flags are shown to the region's and platform's admins only.")
	OrderView request(@RequestBody OrderRequest request) {
		if (request.providerOrgId() == null) {
			throw KejiaoException.invalid("request.missing-parameter", "providerOrgId");
		}
		return orders.request(request.providerOrgId(), request.serviceId(), request.description(), request.serviceKind());
	}

	@GetMapping
	@Operation(summary = "Orders: the caller's organisation's (as enterprise or provider), or its region's for an admin")
	List<OrderView> orders(@RequestParam(required = false) @Nullable String state) {
		return orders.orders(Actors.require(), state);
	}

	@GetMapping("/{id}")
	OrderView order(@PathVariable UUID id) {
		return orders.order(id, Actors.require());
	}

	record Amount(@Nullable Money amount) {
	}

	@PostMapping("/{id}/quote")
	@Operation(summary = "Quote an amount (provider)")
	OrderView quote(@PathVariable UUID id, @RequestBody Amount amount) {
		return orders.quote(id, amount.amount());
	}

	/**
	 * @param quotedAmount the quote the enterprise saw and accepts (required): refused with order.quote-changed
	 * if the provider has quoted again since
	 * @param voucherAmount the voucher part to hold, exactly; without it, the most the grant allows
	 */
	record Acceptance(@Nullable Money quotedAmount, @Nullable UUID grantId, @Nullable Money voucherAmount) {
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept the quote, optionally paying part with a grant (enterprise)", description = "quotedAmount (required) is the quote the enterprise saw, a yuan string such as \"1000.00\": if the provider has quoted another amount since, the accept is refused with 409 order.quote-changed, naming the current quote, and nothing is held; without it, 400 order.quoted-amount-required. voucherAmount is held exactly as asked (never more; at most the grant's subsidy ratio of the quote); without it, the most the grant allows (the ratio of the quote, at most the grant's balance). Send an Idempotency-Key header: a retry with the same key returns the accepted order and holds nothing twice.")
	OrderView accept(@PathVariable UUID id, @RequestBody(required = false) @Nullable Acceptance acceptance,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		if (key != null && (key.isBlank() || key.length() > 200)) {
			throw KejiaoException.invalid("order.idempotency-key");
		}
		return orders.accept(id, acceptance == null ? null : acceptance.quotedAmount(),
				acceptance == null ? null : acceptance.grantId(), acceptance == null ? null : acceptance.voucherAmount(),
				key);
	}

	record Note(@Nullable String note, @Nullable String reason) {
	}

	@PostMapping(path = "/{id}/deliver", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Deliver with a note (provider)")
	OrderView deliver(@PathVariable UUID id, @RequestBody Note note) {
		return orders.deliver(id, null, null, note.note());
	}

	@PostMapping(path = "/{id}/deliver", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Deliver with a report file and an optional note (provider)")
	OrderView deliverReport(@PathVariable UUID id, @RequestPart(name = "report", required = false) @Nullable MultipartFile report,
			@RequestParam(required = false) @Nullable String note) throws IOException {
		if (report != null && report.getSize() > MAX_REPORT) {
			throw KejiaoException.invalid("order.report-too-large", MAX_REPORT / 1024 / 1024);
		}
		return orders.deliver(id, report == null ? null : report.getOriginalFilename(),
				report == null ? null : report.getBytes(), note);
	}

	@GetMapping("/{id}/report")
	@Operation(summary = "The delivered report (the order's parties and admins)")
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		return files.report(orders.report(id, Actors.require()));
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm the delivery (enterprise): the voucher part is paid to the provider")
	OrderView confirm(@PathVariable UUID id) {
		return orders.confirm(id);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel before delivery, with a reason (either side): a held voucher part goes back")
	OrderView cancel(@PathVariable UUID id, @RequestBody(required = false) @Nullable Note note) {
		return orders.cancel(id, note == null ? null : note.reason());
	}

	@PostMapping("/{id}/dispute")
	@Operation(summary = "Dispute a delivery instead of confirming it (enterprise)")
	OrderView dispute(@PathVariable UUID id, @RequestBody(required = false) @Nullable Note note) {
		return orders.dispute(id, note == null ? null : note.reason());
	}

	record Resolution(@Nullable String outcome, @Nullable String reason) {
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/{id}/resolve")
	@Operation(summary = "Decide a dispute (the provider's region admin)", description = "outcome: DELIVERY_STANDS (the voucher part is paid) or CANCEL (it goes back)")
	OrderView resolve(@PathVariable UUID id, @RequestBody Resolution resolution) {
		if (!"DELIVERY_STANDS".equals(resolution.outcome()) && !"CANCEL".equals(resolution.outcome())) {
			throw KejiaoException.invalid("order.outcome", String.valueOf(resolution.outcome()));
		}
		return orders.resolve(id, "DELIVERY_STANDS".equals(resolution.outcome()), resolution.reason());
	}
}
