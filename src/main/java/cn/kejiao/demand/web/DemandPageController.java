package cn.kejiao.demand.web;

import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.catalog.EntryType;
import cn.kejiao.demand.CooperationMode;
import cn.kejiao.demand.DemandPosting;
import cn.kejiao.demand.DemandView;
import cn.kejiao.demand.Demands;
import cn.kejiao.demand.Matching;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * The demand pages: the open demands anyone may read, posting one, and — for its author and the region's
 * admins — its state and its matches with their reasons and the buttons to say whether each was useful.
 */
@Controller
class DemandPageController {

	private final Demands demands;
	private final DemandPosting posting;
	private final Matching matching;
	private final Regions regions;
	private final Problems problems;

	DemandPageController(Demands demands, DemandPosting posting, Matching matching, Regions regions,
			Problems problems) {
		this.demands = demands;
		this.posting = posting;
		this.matching = matching;
		this.regions = regions;
		this.problems = problems;
	}

	@GetMapping("/demands")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean mine,
			Model model) {
		Actor reader = Actors.current().orElse(null);
		model.addAttribute("demands", demands.list(reader, null, null, q, mine && reader != null));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("mine", mine && reader != null);
		model.addAttribute("mayPost", posting.mayPost(reader));
		// the admins of a region see what people said of the suggestions for its demands
		model.addAttribute("feedback", mine && reader != null && (reader.isRegionAdmin() || reader.isPlatformAdmin())
				? matching.feedbackOfRegion() : List.of());
		return "demand/list";
	}

	@GetMapping("/demands/new")
	String form(Model model) {
		return form(model, posting.requirePoster(), DemandPageForm.empty(), null);
	}

	private String form(Model model, Actor actor, DemandPageForm form, @Nullable String error) {
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("modes", CooperationMode.values());
		model.addAttribute("zones", regions.zonesCovering(actor.regionCode()));
		model.addAttribute("admin", posting.postsForARegion(actor));
		return "demand/form";
	}

	/** Posts the demand, opened at once when asked, in one step; a refusal shows the form again as typed. */
	@PostMapping("/demands/new")
	String create(@Valid @ModelAttribute("form") @Nullable DemandPageForm form, BindingResult binding, Model model,
			HttpServletRequest request) {
		Actor actor = posting.requirePoster();
		if (form == null || binding.hasErrors()) {
			return form(model, actor, form == null ? DemandPageForm.empty() : form,
					problems.refusal(Problems.notBound(binding), request));
		}
		try {
			return "redirect:/demands/" + posting.create(form.demand(), form.opening()).id();
		}
		catch (KejiaoException ex) {
			return form(model, actor, form, problems.refusal(ex, request));
		}
	}

	@GetMapping("/demands/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Actor reader = Actors.current().orElse(null);
		DemandView demand = demands.get(id, reader);
		model.addAttribute("demand", demand);
		model.addAttribute("matches", demand.manageable() ? matching.matches(id, null, 20) : List.of());
		return "demand/detail";
	}

	/** The open demands an entry could answer, as a fragment for the entry's page. */
	@GetMapping("/demands/for-entry/{entryId}")
	String forEntry(@PathVariable UUID entryId, Model model) {
		model.addAttribute("answers", matching.demandsFor(entryId, 10));
		return "demand/for-entry :: answers";
	}

	@PostMapping("/demands/{id}/{action:open|in-talks|solved|close|reveal}")
	String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect,
			HttpServletRequest request) {
		return problems.step(() -> switch (action) {
			case "open" -> posting.open(id);
			case "in-talks" -> posting.inTalks(id);
			case "solved" -> posting.solved(id);
			case "close" -> posting.close(id);
			default -> posting.reveal(id);
		}, "/demands/" + id, redirect, request);
	}

	/** A verdict on one suggestion; with htmx only the suggestion's verdict cell is answered. */
	@PostMapping("/demands/{id}/matches/{type}/{entryId}/feedback")
	String feedback(@PathVariable UUID id, @PathVariable String type, @PathVariable UUID entryId,
			@RequestParam boolean useful, @RequestParam(required = false) @Nullable String reason,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		EntryType entryType = DemandApiController.type(type);
		String error = null;
		try {
			matching.feedback(id, entryType == null ? EntryType.ACHIEVEMENT : entryType, entryId, useful, reason, null);
		}
		catch (KejiaoException ex) {
			error = problems.refusal(ex, request);
		}
		if (htmx != null) {
			model.addAttribute("demandId", id);
			model.addAttribute("type", type);
			model.addAttribute("entryId", entryId);
			model.addAttribute("useful", error == null ? useful : null);
			model.addAttribute("error", error);
			return "demand/verdict :: verdict(demandId=${demandId}, type=${type}, entryId=${entryId}, useful=${useful}, error=${error})";
		}
		if (error != null) {
			redirect.addFlashAttribute("error", error);
		}
		return "redirect:/demands/" + id;
	}

}
