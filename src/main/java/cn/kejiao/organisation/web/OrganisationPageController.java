package cn.kejiao.organisation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.organisation.Decision;
import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.Qualification;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

/** The admin's verification pages and the public notice board. */
@Controller
class OrganisationPageController {

	private final Organisations organisations;
	private final Regions regions;
	private final Problems problems;

	OrganisationPageController(Organisations organisations, Regions regions, Problems problems) {
		this.organisations = organisations;
		this.regions = regions;
		this.problems = problems;
	}

	/** The list's filters as its search form sends them. */
	record Filters(@Nullable OrganisationStatus status, @Nullable String q, @Nullable @Min(0) Integer page) {
	}

	@GetMapping("/admin/organisations")
	String list(@Valid @ModelAttribute("filters") @Nullable Filters filters, BindingResult binding, Model model) {
		if (filters == null || binding.hasErrors()) {
			throw Problems.notBound(binding);
		}
		Actor actor = Actors.require();
		var result = organisations.search(actor, filters.status(), filters.q(), null,
				filters.page() == null ? 0 : filters.page(), 20);
		model.addAttribute("result", result);
		model.addAttribute("status", filters.status());
		model.addAttribute("q", filters.q());
		model.addAttribute("statuses", OrganisationStatus.values());
		model.addAttribute("regionNames", regionNames(result.getContent()));
		model.addAttribute("scope", actor.isPlatformAdmin() ? null : regions.fullName(actor.regionCode()));
		return "organisation/admin-list";
	}

	@GetMapping("/admin/organisations/{id}")
	String detail(@PathVariable UUID id, Model model) {
		return detailModel(organisations.forReview(id, Actors.require()), model, null);
	}

	/** The verdict, bound from the approve or the reject form; a refusal is shown with the organisation. */
	@PostMapping("/admin/organisations/{id}/decision")
	String decide(@PathVariable UUID id, @Valid @ModelAttribute @Nullable Decision decision, BindingResult binding,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
			HttpServletRequest request) {
		String fragment = htmx != null ? "organisation/admin-detail :: review" : "organisation/admin-detail";
		if (decision == null || binding.hasErrors()) {
			detailModel(organisations.forReview(id, Actors.require()), model,
					problems.refusal(Problems.notBound(binding), request));
			return fragment;
		}
		try {
			OrganisationView decided = organisations.decide(id, decision);
			model.addAttribute("decided", true);
			detailModel(decided, model, null);
		}
		catch (KejiaoException ex) {
			detailModel(organisations.forReview(id, Actors.require()), model, problems.refusal(ex, request));
		}
		return fragment;
	}

	/** A rejected organisation's own page to correct its registration and send it again. */
	@GetMapping("/organisation/correct")
	String correctionForm(Model model) {
		OrganisationView organisation = own();
		if (organisation.status() != OrganisationStatus.REJECTED) {
			return "redirect:/me";
		}
		CorrectionPageForm form = CorrectionPageForm.of(organisation);
		List<RegionView> path = new ArrayList<>(regions.ancestors(organisation.regionCode()));
		path.add(regions.get(organisation.regionCode()));
		form.setProvince(path.get(0).code());
		form.setPrefecture(path.size() > 1 ? path.get(1).code() : "");
		form.setCounty(path.size() > 2 ? path.get(2).code() : "");
		return correction(model, organisation, form);
	}

	@PostMapping("/organisation/correct")
	String correct(@Valid @ModelAttribute("form") CorrectionPageForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		OrganisationView organisation = own();
		if (form.regionCode().isBlank()) {
			binding.rejectValue("county", "organisation.region-required");
		}
		if (binding.hasErrors()) {
			return correction(model, organisation, form);
		}
		try {
			organisations.resubmit(organisation.id(), form.organisation());
		}
		catch (KejiaoException ex) {
			String field = ex.code().startsWith("organisation.credit-code") ? "creditCode"
					: ex.code().startsWith("region") ? "county" : "name";
			binding.rejectValue(field, ex.messageKey(), ex.args(), problems.refusal(ex, request));
			return correction(model, organisation, form);
		}
		redirect.addFlashAttribute("message", "organisation-resubmitted");
		return "redirect:/me";
	}

	private OrganisationView own() {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		return organisations.view(actor.organisationId(), actor);
	}

	private String correction(Model model, OrganisationView organisation, CorrectionPageForm form) {
		model.addAttribute("org", organisation);
		model.addAttribute("form", form);
		model.addAttribute("history", organisations.history(organisation.id(), Actors.require()));
		model.addAttribute("types",
				Arrays.stream(OrganisationType.values()).filter(t -> t != OrganisationType.GOVERNMENT).toList());
		model.addAttribute("qualifications", Qualification.values());
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("prefectures", form.getProvince().isBlank() ? List.of() : regions.children(form.getProvince()));
		model.addAttribute("counties", form.getPrefecture().isBlank() ? List.of() : regions.children(form.getPrefecture()));
		return "organisation/correct";
	}

	@GetMapping("/notices")
	String notices(Model model) {
		List<OrganisationView> notices = organisations.noticeBoard();
		model.addAttribute("notices", notices);
		model.addAttribute("regionNames", regionNames(notices));
		return "organisation/notices";
	}

	private Map<String, String> regionNames(List<OrganisationView> shown) {
		Map<String, String> names = new HashMap<>();
		shown.forEach(o -> names.computeIfAbsent(o.regionCode(), regions::fullNameOrCode));
		return names;
	}

	private String detailModel(OrganisationView organisation, Model model, @Nullable String error) {
		model.addAttribute("org", organisation);
		model.addAttribute("regionName", regions.fullName(organisation.regionCode()));
		model.addAttribute("history", organisations.history(organisation.id(), Actors.require()));
		model.addAttribute("defaultNoticeDays", organisations.defaultNoticeDays());
		model.addAttribute("errorMessage", error);
		return "organisation/admin-detail";
	}
}
