package cn.kejiao.organisation.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import cn.kejiao.organisation.Decision;
import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

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

	@GetMapping("/admin/organisations")
	String list(@RequestParam(required = false) @Nullable OrganisationStatus status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
		Actor actor = Actors.require();
		model.addAttribute("result", organisations.search(actor, status, q, null, page, 20));
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("statuses", OrganisationStatus.values());
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
			FieldError wrong = binding.getFieldError();
			detailModel(organisations.forReview(id, Actors.require()), model, problems.message("request.invalid-parameter",
					new Object[] { wrong == null ? "verdict" : wrong.getField() }, request));
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

	@GetMapping("/notices")
	String notices(Model model) {
		model.addAttribute("notices", organisations.noticeBoard());
		return "organisation/notices";
	}

	private String detailModel(OrganisationView organisation, Model model, @Nullable String error) {
		model.addAttribute("org", organisation);
		model.addAttribute("regionName", regions.fullName(organisation.regionCode()));
		model.addAttribute("defaultNoticeDays", organisations.defaultNoticeDays());
		model.addAttribute("errorMessage", error);
		return "organisation/admin-detail";
	}
}
