package cn.kejiao.voucher.web;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.Acceptance;
import cn.kejiao.voucher.EnterpriseStanding;
import cn.kejiao.voucher.SchemeOffer;
import cn.kejiao.voucher.SchemeView;
import cn.kejiao.voucher.GrantView;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.voucher.Settlements;
import cn.kejiao.voucher.VoucherApplications;
import cn.kejiao.voucher.VoucherGrants;
import cn.kejiao.voucher.VoucherSchemes;
import cn.kejiao.voucher.web.VoucherPageForms.AcceptChoice;
import cn.kejiao.voucher.web.VoucherPageForms.AcceptForm;
import cn.kejiao.voucher.web.VoucherPageForms.ApplicationForm;
import cn.kejiao.voucher.web.VoucherPageForms.ApprovalForm;
import cn.kejiao.voucher.web.VoucherPageForms.DeliveryForm;
import cn.kejiao.voucher.web.VoucherPageForms.QuoteForm;
import cn.kejiao.voucher.web.VoucherPageForms.ReasonForm;
import cn.kejiao.voucher.web.VoucherPageForms.ResolutionForm;
import cn.kejiao.voucher.web.VoucherPageForms.SchemePageForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

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
	private final Regions regions;
	private final Problems problems;

	VoucherPageController(VoucherSchemes voucherSchemes, VoucherApplications voucherApplications,
			VoucherGrants voucherGrants, ServiceOrders orders, Settlements settlements, Regions regions,
			Problems problems) {
		this.voucherSchemes = voucherSchemes;
		this.voucherApplications = voucherApplications;
		this.voucherGrants = voucherGrants;
		this.orders = orders;
		this.settlements = settlements;
		this.regions = regions;
		this.problems = problems;
	}

	// ---- enterprise

	/** A scheme the enterprise may not apply to, and why. */
	record ClosedScheme(String name, String reason) {
	}

	@GetMapping("/vouchers")
	String vouchers(Model model, HttpServletRequest request) {
		Actor actor = Actors.require();
		if (actor.isRegionAdmin() || actor.isPlatformAdmin()) {
			return "redirect:/admin/vouchers";
		}
		EnterpriseStanding standing = orders.standing(actor);
		List<SchemeView> schemes = voucherSchemes.schemes(actor);
		model.addAttribute("standing", standing);
		model.addAttribute("schemes", schemes);
		if (standing == EnterpriseStanding.VERIFIED) {
			List<SchemeOffer> offers = voucherApplications.offers(actor, schemes);
			model.addAttribute("open", offers.stream().filter(SchemeOffer::open).map(SchemeOffer::scheme).toList());
			model.addAttribute("closed", offers.stream().filter(o -> !o.open())
				.map(o -> new ClosedScheme(o.scheme().name(), problems.message(Objects.requireNonNull(o.refusal()).code(), o.refusal().args(), request)))
				.toList());
			model.addAttribute("grants", voucherGrants.grants(actor));
			model.addAttribute("applications", voucherApplications.applications(actor, null));
			model.addAttribute("statement", voucherGrants.statement(actor));
		}
		return "voucher/vouchers";
	}

	@PostMapping("/vouchers/applications")
	String apply(@Valid @ModelAttribute ApplicationForm form, BindingResult binding, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(binding, () -> voucherApplications.apply(form.schemeId(), form.money(), form.purpose()), "/vouchers",
				redirect, request, "applied");
	}

	// ---- orders

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
	String quote(@PathVariable UUID id, @Valid @ModelAttribute QuoteForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> orders.quote(id, form.money()), "/orders/" + id, redirect, request, "quoted");
	}

	/**
	 * What accepting with the chosen grant would hold, for the enterprise to see before it confirms; the
	 * confirmation sends back the quote and the voucher part shown, so no more is held than was shown.
	 */
	@GetMapping("/orders/{id}/accept")
	String acceptance(@PathVariable UUID id, @Valid @ModelAttribute AcceptChoice choice, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletRequest request) {
		if (binding.hasErrors()) {
			return problems.refused(binding, "/orders/" + id, redirect, request);
		}
		Actor actor = Actors.require();
		try {
			Acceptance acceptance = orders.acceptance(id, choice.grantId(), choice.voucherPart());
			model.addAttribute("order", orders.order(id, actor));
			model.addAttribute("acceptance", acceptance);
			model.addAttribute("grant", acceptance.grantId() == null ? null
					: voucherGrants.grant(acceptance.grantId(), actor));
			return "voucher/accept";
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.message(ex.code(), ex.args(), request));
			return "redirect:/orders/" + id;
		}
	}

	@PostMapping("/orders/{id}/accept")
	String accept(@PathVariable UUID id, @Valid @ModelAttribute AcceptForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> orders.accept(id, form.quoted(), form.grantId(), form.voucherPart(), form.key()),
				"/orders/" + id, redirect, request, "accepted");
	}

	@PostMapping("/orders/{id}/deliver")
	String deliver(@PathVariable UUID id, @Valid @ModelAttribute DeliveryForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) throws IOException {
		if (binding.hasErrors()) {
			return problems.refused(binding, "/orders/" + id, redirect, request);
		}
		return said(problems.stepWithFile(form.report(), OrderApiController.MAX_REPORT, "order.report-too-large",
				(name, content) -> orders.deliver(id, name, content, form.note()), "/orders/" + id, redirect, request),
				redirect, "delivered");
	}

	@PostMapping("/orders/{id}/confirm")
	String confirm(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> orders.confirm(id), "/orders/" + id, redirect, request, "confirmed");
	}

	@PostMapping("/orders/{id}/cancel")
	String cancel(@PathVariable UUID id, @Valid @ModelAttribute ReasonForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> orders.cancel(id, form.reason()), "/orders/" + id, redirect, request, "cancelled");
	}

	@PostMapping("/orders/{id}/dispute")
	String dispute(@PathVariable UUID id, @Valid @ModelAttribute ReasonForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> orders.dispute(id, form.reason()), "/orders/" + id, redirect, request, "disputed");
	}

	@PostMapping("/orders/{id}/resolve")
	String resolve(@PathVariable UUID id, @Valid @ModelAttribute ResolutionForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> orders.resolve(id, form.deliveryStands(), form.reason()), "/orders/" + id, redirect,
				request, "resolved");
	}

	// ---- region admin

	@GetMapping("/admin/vouchers")
	String admin(Model model) {
		Actor actor = Actors.require();
		model.addAttribute("schemes", voucherSchemes.administered(actor));
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
		model.addAttribute("schemes", voucherSchemes.administered(Actors.require()));
		return "voucher/admin :: figures";
	}

	@PostMapping("/admin/vouchers/schemes")
	String createScheme(@Valid @ModelAttribute SchemePageForm form, BindingResult binding, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(binding, () -> voucherSchemes.createScheme(form.scheme()), "/admin/vouchers", redirect, request,
				"schemeCreated");
	}

	@GetMapping("/admin/vouchers/schemes/{id}")
	String editScheme(@PathVariable UUID id, Model model) {
		Actor actor = Actors.require();
		model.addAttribute("scheme", voucherSchemes.schemeToEdit(id, actor));
		model.addAttribute("zones", regions.zones());
		return "voucher/scheme";
	}

	@PostMapping("/admin/vouchers/schemes/{id}")
	String updateScheme(@PathVariable UUID id, @Valid @ModelAttribute SchemePageForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		String back = step(binding, () -> voucherSchemes.updateScheme(id, form.scheme()), "/admin/vouchers/schemes/" + id,
				redirect, request, "schemeSaved");
		return redirect.getFlashAttributes().containsKey("error") ? back : "redirect:/admin/vouchers";
	}

	@PostMapping("/admin/vouchers/applications/{id}/approve")
	String approve(@PathVariable UUID id, @Valid @ModelAttribute ApprovalForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> voucherApplications.approve(id, form.money()), "/admin/vouchers", redirect, request,
				"approved");
	}

	@PostMapping("/admin/vouchers/applications/{id}/reject")
	String reject(@PathVariable UUID id, @Valid @ModelAttribute ReasonForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> voucherApplications.reject(id, form.reason()), "/admin/vouchers", redirect, request,
				"rejected");
	}

	// ---- settlement

	@GetMapping("/settlements")
	String settlement(@RequestParam(required = false) @Nullable String period, Model model) {
		Actor actor = Actors.require();
		model.addAttribute("statement", settlements.statement(VoucherApiController.periodOrCurrent(period), actor));
		model.addAttribute("runs", settlements.runs(actor));
		return "voucher/settlement";
	}

	/** Runs a step and goes back, saying what happened ({@code voucher.done.<done>}) or why it was refused. */
	private String step(Supplier<?> step, String back, RedirectAttributes redirect, HttpServletRequest request,
			String done) {
		return said(problems.step(step, back, redirect, request), redirect, done);
	}

	private String step(BindingResult binding, Supplier<?> step, String back, RedirectAttributes redirect,
			HttpServletRequest request, String done) {
		return said(problems.step(binding, step, back, redirect, request), redirect, done);
	}

	private static String said(String view, RedirectAttributes redirect, String done) {
		if (redirect.getFlashAttributes().containsKey("message")) {
			redirect.addFlashAttribute("message", done);
		}
		return view;
	}
}
