package cn.kejiao.voucher.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.voucher.web.VoucherPageForms.OrderRequestForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * Where orders start and are listed: the order form of a catalog entry (a service is commissioned, an
 * instrument booked, an achievement or expert consulted), the free-text order for work not in the catalog with
 * a provider found by typing part of its name, and the list of one's orders filtered by state.
 */
@Controller
class OrderPageController {

	/** The kinds of organisation that take orders ({@link OrganisationType#isProvider}, the rule the order checks). */
	static final Set<OrganisationType> PROVIDERS = EnumSet.copyOf(Arrays.stream(OrganisationType.values())
		.filter(OrganisationType::isProvider).toList());

	/** The states the list filters by, in the order an order goes through them. */
	static final List<String> STATES = List.of("REQUESTED", "QUOTED", "ACCEPTED", "DELIVERED", "CONFIRMED", "DISPUTED",
			"CANCELLED");

	/** How many providers the picker shows for what was typed. */
	static final int PICKER_SIZE = 8;

	private final ServiceOrders orders;
	private final Organisations organisations;
	private final Catalog catalog;
	private final Problems problems;

	OrderPageController(ServiceOrders orders, Organisations organisations, Catalog catalog, Problems problems) {
		this.orders = orders;
		this.organisations = organisations;
		this.catalog = catalog;
		this.problems = problems;
	}

	@GetMapping("/orders")
	String orders(@RequestParam(required = false) @Nullable String state, Model model) {
		Actor actor = Actors.require();
		String chosen = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
		model.addAttribute("orders", orders.orders(actor, chosen));
		model.addAttribute("state", chosen);
		model.addAttribute("states", STATES);
		model.addAttribute("standing", orders.standing(actor));
		return "voucher/orders";
	}

	/** The order form of a catalog entry: what is ordered, from whom, at what price. */
	@GetMapping("/orders/new")
	String newOrder(@RequestParam UUID entry, Model model) {
		Actor actor = Actors.require();
		EntryView found = catalog.get(entry, actor);
		model.addAttribute("entry", found);
		model.addAttribute("standing", orders.standing(actor));
		model.addAttribute("own", found.ownerOrgId().equals(actor.organisationId()));
		model.addAttribute("takesOrders", organisations.find(found.ownerOrgId())
			.filter(o -> o.isVerified() && PROVIDERS.contains(o.type())).isPresent());
		return "voucher/order-new";
	}

	/** htmx: the verified providers whose name holds what was typed, to choose one for a free-text order. */
	@GetMapping("/orders/providers")
	String providers(@RequestParam(name = "q", required = false) @Nullable String text, Model model) {
		Actors.require();
		String typed = text == null ? "" : text.strip();
		List<OrganisationView> found = typed.isEmpty() ? List.of()
				: organisations.verified(PROVIDERS).stream().filter(o -> o.name().contains(typed)).limit(PICKER_SIZE).toList();
		model.addAttribute("providers", found);
		model.addAttribute("typed", typed);
		return "voucher/orders :: providers";
	}

	@PostMapping("/orders")
	String request(@Valid @ModelAttribute OrderRequestForm form, BindingResult binding, RedirectAttributes redirect,
			HttpServletRequest request) {
		String back = form.serviceId() == null ? "/orders" : "/orders/new?entry=" + form.serviceId();
		redirect.addFlashAttribute("typedDescription", form.description());
		if (binding.hasErrors()) {
			return problems.refused(binding, back, redirect, request);
		}
		try {
			OrderView order = orders.request(form.providerOrgId(), form.serviceId(), form.description(),
					form.serviceKind());
			redirect.addFlashAttribute("message", "requested");
			return "redirect:/orders/" + order.id();
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			return "redirect:" + back;
		}
	}
}
