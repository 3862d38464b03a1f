package cn.kejiao.challenge.web;

import java.io.IOException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.challenge.ApplicationView;
import cn.kejiao.challenge.ChallengeApplications;
import cn.kejiao.challenge.MyApplication;
import cn.kejiao.challenge.MyApplications;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * Applying to a challenge and the applicant's own applications (我的揭榜): the list with status and receipt
 * number, each application as it was handed in, changing it and withdrawing it (after a confirmation) while the
 * challenge takes applications. A refused form comes back with what was typed.
 */
@Controller
class ChallengeApplicationPageController {

	/** An application as typed: the team, the proposal, a file (chosen again after a refusal), or none any more. */
	record ApplicationPageForm(@Nullable String team, @Nullable String proposal, @Nullable MultipartFile attachment,
			@Nullable Boolean dropAttachment) {
	}

	/** What the apply form keeps across the redirect after a refusal. */
	record Typed(@Nullable String team, @Nullable String proposal) implements java.io.Serializable {
	}

	private final ChallengeApplications applications;
	private final MyApplications mine;
	private final Problems problems;

	ChallengeApplicationPageController(ChallengeApplications applications, MyApplications mine, Problems problems) {
		this.applications = applications;
		this.mine = mine;
		this.problems = problems;
	}

	@PostMapping("/challenges/{id}/apply")
	String apply(@PathVariable UUID id, @Valid @ModelAttribute ApplicationPageForm form, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) throws IOException {
		String back = "redirect:/challenges/" + id;
		byte[] content = form.attachment() == null || form.attachment().isEmpty() ? null : form.attachment().getBytes();
		try {
			if (binding.hasErrors()) {
				throw Problems.notBound(binding);
			}
			if (content != null && content.length > ChallengeApplications.MAX_ATTACHMENT) {
				throw KejiaoException.invalid("challenge.attachment-too-large", ChallengeApplications.MAX_ATTACHMENT / 1024 / 1024);
			}
			ApplicationView applied = applications.apply(id, form.team(), form.proposal(),
					content == null ? null : form.attachment().getOriginalFilename(), content);
			redirect.addFlashAttribute("message", "challenge.done.applied");
			redirect.addFlashAttribute("receipt", applied.receipt());
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			redirect.addFlashAttribute("typed", new Typed(form.team(), form.proposal()));
		}
		return back;
	}

	@GetMapping("/challenges/mine")
	String list(Model model) {
		model.addAttribute("applications", mine.list(Actors.require()));
		return "challenge/mine";
	}

	@GetMapping("/challenges/applications/{id}")
	String application(@PathVariable UUID id, Model model) {
		Actor reader = Actors.require();
		MyApplication status = mine.get(id, reader);
		ApplicationView application = applications.application(id, reader);
		return page(model, status, application, application.team(), application.proposal(), null);
	}

	@PostMapping("/challenges/applications/{id}")
	String change(@PathVariable UUID id, @Valid @ModelAttribute ApplicationPageForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletRequest request) throws IOException {
		Actor reader = Actors.require();
		MyApplication status = mine.get(id, reader);
		byte[] content = form.attachment() == null || form.attachment().isEmpty() ? null : form.attachment().getBytes();
		try {
			if (binding.hasErrors()) {
				throw Problems.notBound(binding);
			}
			if (content != null && content.length > ChallengeApplications.MAX_ATTACHMENT) {
				throw KejiaoException.invalid("challenge.attachment-too-large", ChallengeApplications.MAX_ATTACHMENT / 1024 / 1024);
			}
			mine.change(id, form.team(), form.proposal(), content == null ? null : form.attachment().getOriginalFilename(),
					content, Boolean.TRUE.equals(form.dropAttachment()));
			redirect.addFlashAttribute("message", "challenge.done.changed");
			return "redirect:/challenges/applications/" + id;
		}
		catch (KejiaoException ex) {
			String error = problems.refusal(ex, request);
			return page(model, status, applications.application(id, reader), form.team(), form.proposal(), error);
		}
	}

	@GetMapping("/challenges/applications/{id}/withdraw")
	String confirmWithdrawal(@PathVariable UUID id, Model model) {
		Actor reader = Actors.require();
		model.addAttribute("mine", mine.get(id, reader));
		return "challenge/withdraw";
	}

	@PostMapping("/challenges/applications/{id}/withdraw")
	String withdraw(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			MyApplication withdrawn = mine.withdraw(id);
			redirect.addFlashAttribute("message", "challenge.done.withdrawn");
			redirect.addFlashAttribute("receipt", withdrawn.receipt());
			redirect.addFlashAttribute("challengeTitle", withdrawn.challengeTitle());
			return "redirect:/challenges/mine";
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			return "redirect:/challenges/applications/" + id;
		}
	}

	@GetMapping("/challenges/applications/{applicationId}/attachment")
	ResponseEntity<byte[]> attachment(@PathVariable UUID applicationId) {
		ChallengeApplications.Attachment attachment = applications.attachment(applicationId, Actors.require());
		return Downloads.file(attachment.name(), MediaType.APPLICATION_OCTET_STREAM, attachment.content());
	}

	private String page(Model model, MyApplication status, ApplicationView application, @Nullable String team,
			@Nullable String proposal, @Nullable String error) {
		model.addAttribute("status", status);
		model.addAttribute("submitted", application);
		model.addAttribute("team", team);
		model.addAttribute("proposal", proposal);
		if (error != null) {
			model.addAttribute("error", error);
		}
		return "challenge/application";
	}
}
