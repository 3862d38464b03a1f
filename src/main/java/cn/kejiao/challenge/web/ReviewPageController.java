package cn.kejiao.challenge.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.challenge.ExpertPool;
import cn.kejiao.challenge.ExpertProfile;
import cn.kejiao.challenge.MyReview;
import cn.kejiao.challenge.PanelInvitations;
import cn.kejiao.challenge.web.ExpertReviewForms.AcceptForm;
import cn.kejiao.challenge.web.ExpertReviewForms.DeclineForm;
import cn.kejiao.challenge.web.ExpertReviewForms.ProfileForm;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * An expert's "my reviews" (我的评审): invitations to answer, panels with applications left to score and by when,
 * reviews done, each leading to the challenge's scoring; and the expert's profile that publishers search by.
 */
@Controller
class ReviewPageController {

	private final PanelInvitations invitations;
	private final ExpertPool pool;
	private final Problems problems;

	ReviewPageController(PanelInvitations invitations, ExpertPool pool, Problems problems) {
		this.invitations = invitations;
		this.pool = pool;
		this.problems = problems;
	}

	@GetMapping("/reviews")
	String reviews(Model model) {
		List<MyReview> reviews = invitations.myReviews();
		model.addAttribute("pending", reviews.stream().filter(MyReview::pending).toList());
		model.addAttribute("done", reviews.stream().filter(r -> !r.pending()).toList());
		ExpertProfile profile = pool.myProfile();
		model.addAttribute("profile", profile);
		model.addAttribute("affiliations", String.join("\n", profile.affiliations()));
		return "challenge/reviews";
	}

	@PostMapping("/reviews/{id}/accept")
	String accept(@PathVariable UUID id, @ModelAttribute AcceptForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> invitations.accept(id, Boolean.TRUE.equals(form.noConflict())), "accepted", redirect,
				request);
	}

	@PostMapping("/reviews/{id}/decline")
	String decline(@PathVariable UUID id, @ModelAttribute DeclineForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(binding, () -> invitations.decline(id, form.reason(), Boolean.TRUE.equals(form.conflict())), "declined",
				redirect, request);
	}

	@PostMapping("/reviews/profile")
	String profile(@ModelAttribute ProfileForm form, BindingResult binding, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(binding, () -> pool.saveProfile(form.title(), form.discipline(), form.keywords(), form.affiliationList()),
				"profile-saved", redirect, request);
	}

	/** Runs the step and goes back to "my reviews", saying what happened or why not. */
	private String step(BindingResult binding, Supplier<?> step, String done, RedirectAttributes redirect,
			HttpServletRequest request) {
		if (binding.hasErrors()) {
			return problems.refused(binding, "/reviews", redirect, request);
		}
		try {
			step.get();
			redirect.addFlashAttribute("message", done);
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/reviews";
	}
}
