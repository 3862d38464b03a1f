package cn.kejiao.demand.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.catalog.EntryType;
import cn.kejiao.demand.CooperationMode;
import cn.kejiao.demand.DemandForm;
import cn.kejiao.demand.DemandView;
import cn.kejiao.demand.Demands;
import cn.kejiao.demand.Matching;
import cn.kejiao.demand.Visibility;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The demand pages: the open demands anyone may read, posting one, and — for its author and the region's
 * admins — its state and its matches with their reasons and the buttons to say whether each was useful.
 */
@Controller
class DemandPageController {

	private final Demands demands;
	private final Matching matching;
	private final Regions regions;
	private final Problems problems;

	DemandPageController(Demands demands, Matching matching, Regions regions, Problems problems) {
		this.demands = demands;
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
		model.addAttribute("mayPost", mayPost(reader));
		// the admins of a region see what people said of the suggestions for its demands
		model.addAttribute("feedback", mine && reader != null && (reader.isRegionAdmin() || reader.isPlatformAdmin())
				? matching.feedbackOfRegion() : List.of());
		return "demand/list";
	}

	@GetMapping("/demands/new")
	String form(Model model) {
		Actor actor = Actors.require();
		if (!mayPost(actor)) {
			throw KejiaoException.forbidden("demand.posters-only");
		}
		return form(model, actor, new Typed("", "", "", "", "", "", List.of(), "PUBLIC", "", false, "", ""), null);
	}

	/** What was typed, kept to show the form again after an error. */
	record Typed(String title, String description, String field, String keywords, String budget, String deadline,
			List<String> modes, String visibility, String zoneCode, boolean hideName, String regionCode,
			String industryChain) {
	}

	private String form(Model model, Actor actor, Typed typed, @Nullable String error) {
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		model.addAttribute("modes", CooperationMode.values());
		model.addAttribute("zones", regions.zonesCovering(actor.regionCode()));
		model.addAttribute("admin", actor.isRegionAdmin() || actor.isPlatformAdmin());
		return "demand/form";
	}

	@PostMapping("/demands/new")
	String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String field, @RequestParam(defaultValue = "") String keywords,
			@RequestParam(defaultValue = "") String budget, @RequestParam(defaultValue = "") String deadline,
			@RequestParam(required = false) @Nullable List<String> modes,
			@RequestParam(defaultValue = "PUBLIC") String visibility, @RequestParam(defaultValue = "") String zoneCode,
			@RequestParam(defaultValue = "false") boolean hideName, @RequestParam(defaultValue = "") String regionCode,
			@RequestParam(defaultValue = "") String industryChain, @RequestParam(defaultValue = "false") boolean open,
			Model model, HttpServletRequest request) {
		Actor actor = Actors.require();
		Typed typed = new Typed(title, description, field, keywords, budget, deadline, modes == null ? List.of() : modes,
				visibility, zoneCode, hideName, regionCode, industryChain);
		try {
			LocalDate due = deadline.isBlank() ? null : parseDate(deadline);
			DemandView created = demands.create(new DemandForm(title, description, field,
					Arrays.asList(keywords.split("[,，;；、\\s]+")), budget, due,
					typed.modes().stream().map(m -> CooperationMode.valueOf(m)).toList(), Visibility.valueOf(visibility),
					zoneCode.isBlank() ? null : zoneCode, hideName, regionCode.isBlank() ? null : regionCode, industryChain));
			if (open) {
				demands.open(created.id());
			}
			return "redirect:/demands/" + created.id();
		}
		catch (KejiaoException ex) {
			if (ex.status().value() == 403) {
				throw ex;
			}
			return form(model, actor, typed, problems.message(ex.code(), ex.args(), request));
		}
		catch (IllegalArgumentException ex) {
			return form(model, actor, typed, problems.message("request.invalid-parameter", new Object[] { "modes/visibility" },
					request));
		}
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", "deadline");
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
			case "open" -> demands.open(id);
			case "in-talks" -> demands.inTalks(id);
			case "solved" -> demands.solved(id);
			case "close" -> demands.close(id);
			default -> demands.reveal(id);
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
			if (ex.status().value() == 404) {
				throw ex;
			}
			error = problems.message(ex.code(), ex.args(), request);
		}
		if (htmx != null) {
			model.addAttribute("demandId", id);
			model.addAttribute("type", type);
			model.addAttribute("entryId", entryId);
			model.addAttribute("useful", error == null ? useful : null);
			model.addAttribute("error", error);
			return "demand/detail :: verdict(demandId=${demandId}, type=${type}, entryId=${entryId}, useful=${useful}, error=${error})";
		}
		if (error != null) {
			redirect.addFlashAttribute("error", error);
		}
		return "redirect:/demands/" + id;
	}

	private static boolean mayPost(@Nullable Actor actor) {
		return actor != null && (actor.has(Role.ENTERPRISE) || actor.isRegionAdmin() || actor.isPlatformAdmin());
	}
}
