package cn.kejiao.organisation.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
		Actor actor = Actors.require();
		OrganisationView organisation = organisations.view(id, actor);
		if (!actor.governs(organisation.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", organisation.regionCode());
		}
		return detailModel(organisation, model, null, null);
	}

	@PostMapping("/admin/organisations/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam Decision.Verdict verdict,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Integer noticeDays,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
			HttpServletRequest request) {
		try {
			OrganisationView decided = organisations.decide(id, new Decision(verdict, reason, noticeDays));
			model.addAttribute("decided", true);
			detailModel(decided, model, null, null);
		}
		catch (KejiaoException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			detailModel(organisations.view(id, Actors.require()), model, ex, request);
		}
		return htmx != null ? "organisation/admin-detail :: review" : "organisation/admin-detail";
	}

	@GetMapping("/notices")
	String notices(Model model) {
		model.addAttribute("notices", organisations.noticeBoard());
		return "organisation/notices";
	}

	private String detailModel(OrganisationView organisation, Model model, @Nullable KejiaoException error,
			@Nullable HttpServletRequest request) {
		model.addAttribute("org", organisation);
		model.addAttribute("regionName", regions.fullName(organisation.regionCode()));
		model.addAttribute("defaultNoticeDays", organisations.defaultNoticeDays());
		if (error != null && request != null) {
			model.addAttribute("errorMessage", problems.message(error.code(), error.args(), request));
		}
		return "organisation/admin-detail";
	}
}
