package cn.kejiao.booking.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.Rules;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One instrument's booking rules as its owner keeps them, on one page: the rules form, the closures and the
 * training records. A refused form comes back with what was typed and why.
 */
@Controller
@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
class BookingRulesPageController {

	private static final String PAGE = BookingConsolePageController.CONSOLE + "/instruments/{id}";

	private final BookingRules rules;
	private final Catalog catalog;
	private final Problems problems;
	private final Clock clock;

	BookingRulesPageController(BookingRules rules, Catalog catalog, Problems problems, Clock clock) {
		this.rules = rules;
		this.catalog = catalog;
		this.problems = problems;
		this.clock = clock;
	}

	/** The rules form as typed: every field a string, the days ticked, the boxes ticked or not. */
	record RulesForm(@Nullable String openFrom, @Nullable String openUntil, @Nullable List<Integer> openDays,
			@Nullable String workingDaysOnly, @Nullable String slotMinutes, @Nullable String minMinutes,
			@Nullable String maxMinutes, @Nullable String horizonDays, @Nullable String approval,
			@Nullable String trainingRequired, @Nullable String cancelHours, @Nullable String mode) {

		RulesInput input() {
			return new RulesInput(openFrom, openUntil, openDays == null ? List.of() : openDays, workingDaysOnly != null,
					number(slotMinutes, "slotMinutes"), number(minMinutes, "minMinutes"), number(maxMinutes, "maxMinutes"),
					number(horizonDays, "horizonDays"), "true".equals(approval), trainingRequired != null,
					number(cancelHours, "cancelHours"), mode);
		}

		static RulesForm of(Rules rules) {
			RulesInput in = RulesInput.of(rules);
			return new RulesForm(in.openFrom(), in.openUntil(), rules.openDays(), rules.workingDaysOnly() ? "on" : null,
					String.valueOf(rules.slotMinutes()), String.valueOf(rules.minMinutes()),
					String.valueOf(rules.maxMinutes()), String.valueOf(rules.horizonDays()), String.valueOf(rules.approval()),
					rules.trainingRequired() ? "on" : null, String.valueOf(rules.cancelHours()), rules.mode().name());
		}

		private static Integer number(@Nullable String text, String field) {
			if (text == null || text.isBlank()) {
				throw KejiaoException.invalid("request.missing-parameter", field);
			}
			try {
				return Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				throw KejiaoException.invalid("request.invalid-parameter", field);
			}
		}
	}

	@GetMapping(PAGE)
	String page(@PathVariable UUID id, Model model) {
		return page(id, null, Map.of(), model);
	}

	@PostMapping(PAGE + "/rules")
	String save(@PathVariable UUID id, @ModelAttribute RulesForm form, RedirectAttributes redirect,
			HttpServletRequest request, Model model) {
		try {
			rules.save(form.input().over(rules.rules(id)));
		}
		catch (KejiaoException ex) {
			model.addAttribute("rulesError", problems.refusal(ex, request));
			return page(id, form, Map.of(), model);
		}
		redirect.addFlashAttribute("message", "rules-saved");
		return "redirect:" + PAGE.replace("{id}", id.toString());
	}

	@PostMapping(PAGE + "/closures")
	String close(@PathVariable UUID id, @RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect, HttpServletRequest request, Model model) {
		try {
			rules.close(id, required(start, "start"), required(end, "end"), reason);
		}
		catch (KejiaoException ex) {
			model.addAttribute("closureError", problems.refusal(ex, request));
			return page(id, null, typed(request), model);
		}
		redirect.addFlashAttribute("message", "closed");
		return "redirect:" + PAGE.replace("{id}", id.toString()) + "#closures";
	}

	@PostMapping(PAGE + "/closures/{closureId}/remove")
	String reopen(@PathVariable UUID id, @PathVariable UUID closureId, RedirectAttributes redirect,
			HttpServletRequest request) {
		return problems.step(() -> {
			rules.reopen(closureId);
			return closureId;
		}, PAGE.replace("{id}", id.toString()) + "#closures", redirect, request);
	}

	@PostMapping(PAGE + "/trainings")
	String train(@PathVariable UUID id, @RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String trainedOn,
			@RequestParam(required = false) @Nullable String expiresOn,
			@RequestParam(required = false) @Nullable String trainer, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes redirect, HttpServletRequest request, Model model) {
		try {
			rules.train(id, username, BookingOwnerApiController.date(trainedOn, "trainedOn"),
					BookingOwnerApiController.date(expiresOn, "expiresOn"), trainer, note);
		}
		catch (KejiaoException ex) {
			model.addAttribute("trainingError", problems.refusal(ex, request));
			return page(id, null, typed(request), model);
		}
		redirect.addFlashAttribute("message", "trained");
		return "redirect:" + PAGE.replace("{id}", id.toString()) + "#trainings";
	}

	@PostMapping(PAGE + "/trainings/{trainingId}/revoke")
	String revoke(@PathVariable UUID id, @PathVariable UUID trainingId, RedirectAttributes redirect,
			HttpServletRequest request) {
		return problems.step(() -> rules.revoke(trainingId), PAGE.replace("{id}", id.toString()) + "#trainings", redirect,
				request);
	}

	private String page(UUID id, @Nullable RulesForm typedRules, Map<String, String> typed, Model model) {
		EntryView instrument = catalog.forOwner(id);
		Rules current = rules.rules(id);
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Instant from = today.atStartOfDay(ChinaTime.ZONE).toInstant();
		model.addAttribute("instrument", instrument);
		model.addAttribute("rules", current);
		model.addAttribute("form", typedRules == null ? RulesForm.of(current) : typedRules);
		model.addAttribute("closures", rules.closures(id, from, from.plus(java.time.Duration.ofDays(400))));
		model.addAttribute("trainings", rules.trainings(id));
		model.addAttribute("today", today);
		model.addAttribute("soon", today.plusDays(30));
		model.addAttribute("typed", typed);
		return "booking/rules";
	}

	private static Map<String, String> typed(HttpServletRequest request) {
		Map<String, String> typed = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, given) -> typed.put(name, String.join(" ", given)));
		return typed;
	}

	private static Instant required(@Nullable String text, String field) {
		Instant at = BookingConsolePageController.local(text, field);
		if (at == null) {
			throw KejiaoException.invalid("booking.time-required", field);
		}
		return at;
	}
}
