package cn.kejiao.voucher.web;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.GrantView;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.SchemeForm;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.voucher.Settlements;
import cn.kejiao.voucher.VoucherSchemes;
import cn.kejiao.voucher.VoucherApplications;
import cn.kejiao.voucher.VoucherGrants;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The voucher pages: an enterprise's vouchers and applications, everyone's orders with the steps each side
 * takes, a region admin's schemes and review queue, and settlement statements. Status and figures refresh by
 * themselves (htmx), so nobody reloads a page to see an order move on.
 */
@Controller
class VoucherPageController {

	private final VoucherSchemes voucherSchemes;
	private final VoucherApplications voucherApplications;
	private final VoucherGrants voucherGrants;
	private final ServiceOrders orders;
	private final Settlements settlements;
	private final Organisations organisations;
	private final Regions regions;
	private final Problems problems;

	VoucherPageController(VoucherSchemes voucherSchemes, VoucherApplications voucherApplications, VoucherGrants voucherGrants, ServiceOrders orders, Settlements settlements, Organisations organisations,
			Regions regions, Problems problems) {
		this.voucherSchemes = voucherSchemes;
		this.voucherApplications = voucherApplications;
		this.voucherGrants = voucherGrants;
		this.orders = orders;
		this.settlements = settlements;
		this.organisations = organisations;
		this.regions = regions;
		this.problems = problems;
	}

	// ---- enterprise

	@GetMapping("/vouchers")
	String vouchers(Model model) {
		Actor actor = Actors.require();
		if (actor.isRegionAdmin() || actor.isPlatformAdmin()) {
			return "redirect:/admin/vouchers";
		}
		model.addAttribute("grants", voucherGrants.grants(actor));
		model.addAttribute("applications", voucherApplications.applications(actor, null));
		model.addAttribute("schemes", voucherSchemes.schemes(actor));
		model.addAttribute("enterprise", actor.has(Role.ENTERPRISE));
		model.addAttribute("statement", voucherGrants.statement(actor));
		return "voucher/vouchers";
	}

	@PostMapping("/vouchers/applications")
	String apply(@RequestParam UUID schemeId, @RequestParam String amount, @RequestParam String purpose,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> voucherApplications.apply(schemeId, amount.strip(), purpose), "/vouchers", redirect, request);
	}

	// ---- orders

	@GetMapping("/orders")
	String orders(@RequestParam(required = false) @Nullable String state, Model model) {
		Actor actor = Actors.require();
		model.addAttribute("orders", orders.orders(actor, state));
		model.addAttribute("state", state);
		if (actor.has(Role.ENTERPRISE)) {
			model.addAttribute("providers", organisations.verified(EnumSet.of(OrganisationType.TESTING_AGENCY,
					OrganisationType.RESEARCH_INSTITUTE, OrganisationType.UNIVERSITY, OrganisationType.ENGINEERING_CENTRE,
					OrganisationType.INCUBATOR, OrganisationType.TECH_TRANSFER_AGENCY)));
		}
		return "voucher/orders";
	}

	@PostMapping("/orders")
	String request(@RequestParam UUID providerOrgId, @RequestParam(required = false) @Nullable UUID serviceId,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String serviceKind, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			OrderView order = orders.request(providerOrgId, serviceId, description, serviceKind);
			redirect.addFlashAttribute("message", "saved");
			return "redirect:/orders/" + order.id();
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.message(ex.code(), ex.args(), request));
			return "redirect:/orders";
		}
	}

	@GetMapping("/orders/{id}")
	String order(@PathVariable UUID id, Model model) {
		Actor actor = Actors.require();
		OrderView order = orders.order(id, actor);
		model.addAttribute("order", order);
		model.addAttribute("isEnterprise", order.enterpriseOrgId().equals(actor.organisationId()));
		model.addAttribute("isProvider", order.providerOrgId().equals(actor.organisationId()));
		model.addAttribute("mayResolve", actor.governs(order.providerRegion()));
		if (order.enterpriseOrgId().equals(actor.organisationId())) {
			List<GrantView> usable = voucherGrants.grants(actor).stream().filter(g -> g.state().equals("ACTIVE")).toList();
			model.addAttribute("grants", usable);
		}
		return "voucher/order";
	}

	/** htmx: the order's status block, polled while the page is open. */
	@GetMapping("/orders/{id}/status")
	String orderStatus(@PathVariable UUID id, Model model) {
		model.addAttribute("order", orders.order(id, Actors.require()));
		return "voucher/order :: status";
	}

	@PostMapping("/orders/{id}/quote")
	String quote(@PathVariable UUID id, @RequestParam String amount, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> orders.quote(id, amount.strip()), "/orders/" + id, redirect, request);
	}

	@PostMapping("/orders/{id}/accept")
	String accept(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID grantId,
			@RequestParam(required = false) @Nullable String voucherAmount, @RequestParam String key,
			RedirectAttributes redirect, HttpServletRequest request) {
		String amount = voucherAmount == null || voucherAmount.isBlank() ? null : voucherAmount.strip();
		return step(() -> orders.accept(id, grantId, grantId == null ? null : amount, key), "/orders/" + id, redirect,
				request);
	}

	@PostMapping("/orders/{id}/deliver")
	String deliver(@PathVariable UUID id, @RequestParam(required = false) @Nullable MultipartFile report,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect, HttpServletRequest request)
			throws IOException {
		return problems.stepWithFile(report, OrderApiController.MAX_REPORT, "order.report-too-large",
				(name, content) -> orders.deliver(id, name, content, note), "/orders/" + id, redirect, request);
	}

	@PostMapping("/orders/{id}/confirm")
	String confirm(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> orders.confirm(id), "/orders/" + id, redirect, request);
	}

	@PostMapping("/orders/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> orders.cancel(id, reason), "/orders/" + id, redirect, request);
	}

	@PostMapping("/orders/{id}/dispute")
	String dispute(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> orders.dispute(id, reason), "/orders/" + id, redirect, request);
	}

	@PostMapping("/orders/{id}/resolve")
	String resolve(@PathVariable UUID id, @RequestParam String outcome, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> orders.resolve(id, "DELIVERY_STANDS".equals(outcome), reason), "/orders/" + id, redirect, request);
	}

	// ---- region admin

	@GetMapping("/admin/vouchers")
	String admin(Model model) {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		model.addAttribute("schemes", voucherSchemes.schemes(actor));
		model.addAttribute("pending", voucherApplications.applications(actor, "PENDING"));
		model.addAttribute("flagged", orders.orders(actor, null).stream().filter(o -> !o.flags().isEmpty()).toList());
		model.addAttribute("disputed", orders.orders(actor, "DISPUTED"));
		model.addAttribute("zones", regions.zones());
		model.addAttribute("regionCode", actor.regionCode());
		return "voucher/admin";
	}

	/** htmx: the schemes' figures, polled while the page is open. */
	@GetMapping("/admin/vouchers/figures")
	String figures(Model model) {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		model.addAttribute("schemes", voucherSchemes.schemes(actor));
		return "voucher/admin :: figures";
	}

	@PostMapping("/admin/vouchers/schemes")
	String createScheme(@RequestParam String name, @RequestParam(required = false) @Nullable String description,
			@RequestParam String budget, @RequestParam String subsidyRatio, @RequestParam String capPerEnterprise,
			@RequestParam(required = false) @Nullable String acceptedZone,
			@RequestParam(required = false) @Nullable String serviceKinds,
			@RequestParam(required = false) @Nullable String closesOn, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> voucherSchemes.createScheme(new SchemeForm(null, name, description, budget.strip(), ratio(subsidyRatio),
				capPerEnterprise.strip(), kinds(serviceKinds), acceptedZone, List.of(), null, date(closesOn), null)),
				"/admin/vouchers", redirect, request);
	}

	@GetMapping("/admin/vouchers/schemes/{id}")
	String editScheme(@PathVariable UUID id, Model model) {
		Actor actor = Actors.require();
		var scheme = voucherSchemes.scheme(id);
		if (!actor.governs(scheme.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", scheme.regionCode());
		}
		model.addAttribute("scheme", scheme);
		model.addAttribute("zones", regions.zones());
		return "voucher/scheme";
	}

	@PostMapping("/admin/vouchers/schemes/{id}")
	String updateScheme(@PathVariable UUID id, @RequestParam String name, @RequestParam(required = false) @Nullable String description,
			@RequestParam String budget, @RequestParam String subsidyRatio, @RequestParam String capPerEnterprise,
			@RequestParam(required = false) @Nullable String acceptedZone,
			@RequestParam(required = false) @Nullable String serviceKinds, @RequestParam String opensOn,
			@RequestParam String closesOn, @RequestParam String validUntil, RedirectAttributes redirect,
			HttpServletRequest request) {
		var current = voucherSchemes.scheme(id);
		String back = step(() -> voucherSchemes.updateScheme(id, new SchemeForm(null, name, description, budget.strip(),
				ratio(subsidyRatio), capPerEnterprise.strip(), kinds(serviceKinds), acceptedZone, current.qualifications(),
				date(opensOn), date(closesOn), date(validUntil))), "/admin/vouchers/schemes/" + id, redirect, request);
		return redirect.getFlashAttributes().containsKey("error") ? back : "redirect:/admin/vouchers";
	}

	private static java.math.BigDecimal ratio(String text) {
		try {
			return new java.math.BigDecimal(text.strip().replace("%", "")).movePointLeft(text.contains("%") ? 2 : 0);
		}
		catch (NumberFormatException ex) {
			throw KejiaoException.invalid("voucher.subsidy-ratio", text);
		}
	}

	private static List<String> kinds(@Nullable String text) {
		return text == null ? List.of()
				: List.of(text.split("[,，、;；\\s]+")).stream().filter(k -> !k.isBlank()).toList();
	}

	private static java.time.@Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw KejiaoException.invalid("voucher.scheme-dates");
		}
	}

	@PostMapping("/admin/vouchers/applications/{id}/approve")
	String approve(@PathVariable UUID id, @RequestParam(required = false) @Nullable String amount,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> voucherApplications.approve(id, amount == null || amount.isBlank() ? null : amount.strip()),
				"/admin/vouchers", redirect, request);
	}

	@PostMapping("/admin/vouchers/applications/{id}/reject")
	String reject(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> voucherApplications.reject(id, reason), "/admin/vouchers", redirect, request);
	}

	// ---- settlement

	@GetMapping("/settlements")
	String settlement(@RequestParam(required = false) @Nullable String period, Model model) {
		Actor actor = Actors.require();
		model.addAttribute("statement", settlements.statement(VoucherApiController.periodOrCurrent(period), actor));
		model.addAttribute("runs", settlements.runs(actor));
		return "voucher/settlement";
	}

	private String step(Supplier<?> step, String back, RedirectAttributes redirect, HttpServletRequest request) {
		return problems.step(step, back, redirect, request);
	}
}
