package cn.kejiao.challenge.web;

import java.time.LocalDate;
import java.util.UUID;

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
import org.springframework.web.util.UriComponentsBuilder;

import cn.kejiao.challenge.ChallengeView;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.challenge.ExpertPool;
import cn.kejiao.challenge.PanelInvitations;
import cn.kejiao.challenge.web.ExpertReviewForms.InvitationForm;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The publisher's panel page of a challenge: the expert pool searched by field, region and organisation, each
 * expert with its conflicts of interest, ticked to be invited with a date the review is due; below, the
 * invitations sent and how the experts answered.
 */
@Controller
class PanelPageController {

	private final Challenges challenges;
	private final ExpertPool pool;
	private final PanelInvitations invitations;
	private final Problems problems;
	private final java.time.Clock clock;

	PanelPageController(Challenges challenges, ExpertPool pool, PanelInvitations invitations, Problems problems,
			java.time.Clock clock) {
		this.challenges = challenges;
		this.pool = pool;
		this.invitations = invitations;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/challenges/{id}/panel")
	String panel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String organisation, Model model) {
		ChallengeView challenge = challenges.get(id, Actors.require());
		if (!challenge.manageable()) {
			throw KejiaoException.forbidden("challenge.publisher-only");
		}
		model.addAttribute("challenge", challenge);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("region", region == null ? "" : region);
		model.addAttribute("organisation", organisation == null ? "" : organisation);
		model.addAttribute("regions", pool.regions());
		model.addAttribute("experts", pool.search(id, new ExpertPool.Query(q, region, organisation)));
		model.addAttribute("invitations", invitations.invitations(id));
		model.addAttribute("deadlinePassed", !clock.instant().isBefore(challenge.deadline()));
		model.addAttribute("defaultDue", LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(14).toString());
		return "challenge/panel";
	}

	@PostMapping("/challenges/{id}/invitations")
	String invite(@PathVariable UUID id, @ModelAttribute InvitationForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		String back = UriComponentsBuilder.fromPath("/challenges/{id}/panel").queryParamIfPresent("q", present(form.q()))
			.queryParamIfPresent("region", present(form.region()))
			.queryParamIfPresent("organisation", present(form.organisation())).encode().buildAndExpand(id).toUriString();
		if (binding.hasErrors()) {
			return problems.refused(binding, back, redirect, request);
		}
		try {
			invitations.invite(id, form.experts(), form.reviewDue());
			redirect.addFlashAttribute("message", "invited");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:" + back;
	}

	private static java.util.Optional<String> present(@Nullable String value) {
		return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
	}
}
