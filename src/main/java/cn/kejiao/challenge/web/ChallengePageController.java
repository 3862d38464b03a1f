package cn.kejiao.challenge.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.challenge.ApplicationView;
import cn.kejiao.challenge.ChallengeApplications;
import cn.kejiao.challenge.ChallengeAwards;
import cn.kejiao.challenge.ChallengeMilestones;
import cn.kejiao.challenge.ChallengeReviews;
import cn.kejiao.challenge.ChallengeState;
import cn.kejiao.challenge.ChallengeView;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.challenge.RankedApplication;
import cn.kejiao.challenge.Rubric;
import cn.kejiao.challenge.web.ChallengePageForms.AcceptanceForm;
import cn.kejiao.challenge.web.ChallengePageForms.AwardForm;
import cn.kejiao.challenge.web.ChallengePageForms.DeliveryForm;
import cn.kejiao.challenge.web.ChallengePageForms.ExtensionForm;
import cn.kejiao.challenge.web.ChallengePageForms.MilestoneForm;
import cn.kejiao.challenge.web.ChallengePageForms.PanelForm;
import cn.kejiao.challenge.web.ChallengePageForms.ReviewForm;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * The challenge pages: the list and each challenge's page, which shows every visitor the problem, targets,
 * bounty, announcements and the published result, and to each signed-in role its own part — applying (handled by
 * {@link ChallengeApplicationPageController}), the publisher's deadline, panel, ranking and award, a panellist's
 * rubric. Every form is a record of {@link ChallengePageForms}; one facade call per step, which decides who may take
 * it. Publishing has a page of its own ({@link ChallengePublishPageController}).
 */
@Controller
class ChallengePageController {

	private final Challenges challenges;
	private final ChallengeApplications applications;
	private final ChallengeReviews reviews;
	private final ChallengeAwards awards;
	private final ChallengeMilestones milestones;
	private final Problems problems;

	ChallengePageController(Challenges challenges, ChallengeApplications applications, ChallengeReviews reviews,
			ChallengeAwards awards, ChallengeMilestones milestones, Problems problems) {
		this.challenges = challenges;
		this.applications = applications;
		this.reviews = reviews;
		this.awards = awards;
		this.milestones = milestones;
		this.problems = problems;
	}

	@GetMapping("/challenges")
	String list(Model model) {
		Actor reader = Actors.current().orElse(null);
		model.addAttribute("challenges", challenges.list(reader));
		model.addAttribute("mayPublish", challenges.mayPublish(reader));
		model.addAttribute("applicant", reader != null && reader.organisationId() != null);
		return "challenge/list";
	}

	@GetMapping("/challenges/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Actor reader = Actors.current().orElse(null);
		ChallengeView challenge = challenges.get(id, reader);
		ChallengeState state = ChallengeState.valueOf(challenge.state());
		model.addAttribute("challenge", challenge);
		model.addAttribute("rubric", Rubric.STANDARD.weights());
		List<RankedApplication> results = state == ChallengeState.NOTICE || state == ChallengeState.AWARDED
				? awards.results(id) : List.of();
		model.addAttribute("results", results);
		model.addAttribute("teams", results.stream()
			.collect(Collectors.toMap(RankedApplication::applicationId, RankedApplication::applicantName)));
		model.addAttribute("ranking", challenge.manageable() && state != ChallengeState.DRAFT && state != ChallengeState.OPEN
				? reviews.ranking(id) : List.of());
		model.addAttribute("queue", state == ChallengeState.REVIEW ? reviews.queueFor(id, reader).orElse(null) : null);
		List<ApplicationView> mine = reader == null ? List.of() : applications.myApplications(reader).stream()
			.filter(a -> a.challengeId().equals(id)).toList();
		model.addAttribute("mine", mine);
		model.addAttribute("myApplicationIds", mine.stream().map(ApplicationView::id).collect(Collectors.toSet()));
		model.addAttribute("signedIn", reader != null);
		model.addAttribute("milestones", state == ChallengeState.AWARDED
				? milestones.milestonesFor(id, reader).orElse(null) : null);
		return "challenge/detail";
	}

	@PostMapping("/challenges/{id}/milestones")
	String addMilestone(@PathVariable UUID id, @Valid @ModelAttribute MilestoneForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> milestones.addMilestone(id, form.applicationId(), form.title(), form.dueOn(),
				form.paymentAmount()), id, "challenge.done.milestone-added", redirect, request);
	}

	@PostMapping("/challenges/{id}/milestones/{milestoneId}/deliver")
	String deliverMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId, @Valid @ModelAttribute DeliveryForm form,
			BindingResult binding, RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> milestones.deliver(milestoneId, form.deliverable()), id, "challenge.done.delivered", redirect,
				request);
	}

	@PostMapping("/challenges/{id}/milestones/{milestoneId}/accept")
	String acceptMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId, @Valid @ModelAttribute AcceptanceForm form,
			BindingResult binding, RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> milestones.accept(milestoneId, form.paymentReference()), id, "challenge.done.accepted",
				redirect, request);
	}

	@PostMapping("/challenges/{id}/deadline")
	String extend(@PathVariable UUID id, @Valid @ModelAttribute ExtensionForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> challenges.extend(id, form.deadline(), form.reason()), id, "challenge.done.extended",
				redirect, request);
	}

	@PostMapping("/challenges/{id}/panel")
	String panel(@PathVariable UUID id, @Valid @ModelAttribute PanelForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> reviews.panel(id, form.usernames()), id, redirect, request);
	}

	/** The rubric's scores come as {@code score-<criterion>}, one field per criterion of the rubric. */
	@PostMapping("/challenges/{id}/reviews")
	String review(@PathVariable UUID id, @Valid @ModelAttribute ReviewForm form, BindingResult binding,
			@RequestParam Map<String, String> fields, RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> reviews.review(id, form.applicationId(), ReviewForm.scores(fields), form.comment()), id,
				redirect, request);
	}

	@PostMapping("/challenges/{id}/award")
	String award(@PathVariable UUID id, @Valid @ModelAttribute AwardForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> awards.award(id, List.of(form.award()), form.decision()), id, "challenge.done.awarded",
				redirect, request);
	}

	private String step(BindingResult binding, Supplier<?> step, UUID id, RedirectAttributes redirect,
			HttpServletRequest request) {
		return problems.step(binding, step, "/challenges/" + id, redirect, request);
	}

	/** {@link #step} whose confirmation says what happened: the message {@code done}. */
	private String step(BindingResult binding, Supplier<?> step, UUID id, String done, RedirectAttributes redirect,
			HttpServletRequest request) {
		String back = step(binding, step, id, redirect, request);
		if ("saved".equals(redirect.getFlashAttributes().get("message"))) {
			redirect.addFlashAttribute("message", done);
		}
		return back;
	}
}
