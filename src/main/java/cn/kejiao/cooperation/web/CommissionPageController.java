package cn.kejiao.cooperation.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.cooperation.CommissionView;
import cn.kejiao.cooperation.Commissions;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The commissioner pages: the list (for an admin with the map-ready table of who serves where), the form to
 * commission an expert, and one commission with its service log, the log form and the served side's rating.
 */
@Controller
class CommissionPageController {

	record CommissionForm(@Nullable String expert, @Nullable String servedKind, @Nullable String servedOrg,
			@Nullable String villageName, @Nullable String servedRegion, @Nullable String focus,
			@Nullable String startsOn, @Nullable String endsOn) {

		static CommissionForm empty() {
			return new CommissionForm("", "ENTERPRISE", "", "", "", "", "", "");
		}

		Commissions.NewCommission commission() {
			return new Commissions.NewCommission(expert,
					servedKind == null || servedKind.isBlank() ? null : CommissionView.ServedKind.valueOf(servedKind),
					servedOrg == null || servedOrg.isBlank() ? null
							: ProjectPageForms.uuid(servedOrg, "commission.organisation-unknown"),
					villageName, servedRegion, focus, ProjectPageForms.date(startsOn, "commission.period-required"),
					ProjectPageForms.date(endsOn, "commission.period-required"));
		}
	}

	private final Commissions commissions;
	private final Accounts accounts;
	private final Organisations organisations;
	private final Regions regions;
	private final Problems problems;
	private final java.time.Clock clock;

	CommissionPageController(Commissions commissions, Accounts accounts, Organisations organisations, Regions regions,
			Problems problems, java.time.Clock clock) {
		this.clock = clock;
		this.commissions = commissions;
		this.accounts = accounts;
		this.organisations = organisations;
		this.regions = regions;
		this.problems = problems;
	}

	@GetMapping("/commissions")
	String list(@RequestParam(required = false) String region, Model model) {
		Actor actor = Actors.require();
		boolean admin = actor.isRegionAdmin() || actor.isPlatformAdmin();
		model.addAttribute("commissions", commissions.list(region));
		model.addAttribute("admin", admin);
		model.addAttribute("map", admin ? commissions.map(region) : null);
		return "cooperation/commissions/list";
	}

	@GetMapping("/commissions/new")
	String form(Model model) {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("commission.admin-only");
		}
		return form(CommissionForm.empty(), null, model);
	}

	@PostMapping("/commissions")
	String create(@ModelAttribute CommissionForm form, Model model, HttpServletRequest request) {
		Actors.require();
		try {
			return "redirect:/commissions/" + commissions.create(form.commission()).id();
		}
		catch (KejiaoException refused) {
			return form(form, problems.refusal(refused, request), model);
		}
	}

	private String form(CommissionForm form, @Nullable String error, Model model) {
		Actor actor = Actors.require();
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("experts", accounts.withRole(Role.EXPERT).stream().filter(UserView::enabled)
			.sorted(Comparator.comparing(UserView::regionCode).thenComparing(UserView::displayName)).toList());
		List<OrganisationView> served = organisations.verified(EnumSet.complementOf(EnumSet.of(OrganisationType.GOVERNMENT)))
			.stream().filter(o -> actor.governs(o.regionCode()))
			.sorted(Comparator.comparing(OrganisationView::regionCode).thenComparing(OrganisationView::name)).toList();
		model.addAttribute("organisations", served);
		var places = new java.util.ArrayList<cn.kejiao.region.RegionView>();
		regions.find(actor.regionCode()).ifPresent(places::add);
		for (var child : regions.children(actor.regionCode())) {
			places.add(child);
			if (!RegionCodes.prefix(child.code()).equals(child.code())) {
				continue;
			}
			places.addAll(regions.children(child.code()));
		}
		model.addAttribute("places", places);
		model.addAttribute("servedKinds", CommissionView.ServedKind.values());
		return "cooperation/commissions/form";
	}

	@GetMapping("/commissions/{id}")
	String show(@PathVariable UUID id, Model model) {
		Actor actor = Actors.require();
		CommissionView commission = commissions.get(id);
		model.addAttribute("commission", commission);
		model.addAttribute("commissioner", commission.isCommissioner(actor));
		model.addAttribute("served", commission.isServedSide(actor));
		model.addAttribute("today", LocalDate.now(clock.withZone(cn.kejiao.platform.ChinaTime.ZONE)));
		model.addAttribute("logKinds", CommissionView.LogKind.values());
		return "cooperation/commissions/show";
	}

	@PostMapping("/commissions/{id}/logs")
	String log(@PathVariable UUID id, @RequestParam(required = false) String servedOn,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String description,
			@RequestParam(required = false) String peopleTrained, @RequestParam(required = false) String attachmentUrl,
			RedirectAttributes redirect, HttpServletRequest request) {
		String back = problems.step(() -> commissions.log(id, new Commissions.NewLogEntry(
				ProjectPageForms.date(servedOn, "commission.log-date-outside"),
				kind == null || kind.isBlank() ? null : CommissionView.LogKind.valueOf(kind), description,
				number(peopleTrained), attachmentUrl)), "/commissions/" + id, redirect, request);
		if (redirect.getFlashAttributes().containsKey("error")) {
			// what was typed comes back with the refusal
			redirect.addFlashAttribute("logInput", java.util.Map.of("servedOn", servedOn == null ? "" : servedOn,
					"kind", kind == null ? "" : kind, "description", description == null ? "" : description,
					"peopleTrained", peopleTrained == null ? "" : peopleTrained,
					"attachmentUrl", attachmentUrl == null ? "" : attachmentUrl));
		}
		return back;
	}

	@PostMapping("/commissions/{id}/rating")
	String rate(@PathVariable UUID id, @RequestParam(required = false) String stars,
			@RequestParam(required = false) String comment, RedirectAttributes redirect, HttpServletRequest request) {
		return problems.step(() -> commissions.rate(id, number(stars), comment), "/commissions/" + id, redirect, request);
	}

	private static @Nullable Integer number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw KejiaoException.invalid("commission.people-trained-invalid");
		}
	}
}
