package cn.kejiao.challenge.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.challenge.ApplicationView;
import cn.kejiao.challenge.ChallengeApplications;
import cn.kejiao.challenge.ChallengeAwards;
import cn.kejiao.challenge.Award;
import cn.kejiao.challenge.ChallengeForm;
import cn.kejiao.challenge.ChallengeMilestones;
import cn.kejiao.challenge.ChallengeReviews;
import cn.kejiao.challenge.ChallengeView;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.challenge.MilestoneView;
import cn.kejiao.challenge.RankedApplication;
import cn.kejiao.challenge.Rubric;
import cn.kejiao.challenge.Target;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The challenge pages: the list and each challenge's page, which shows every visitor the problem, targets,
 * bounty, announcements and the published result, and to each signed-in role its own part — applying, the
 * publisher's deadline, panel, ranking and award, a panellist's rubric.
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
		model.addAttribute("mayPublish", reader != null && (reader.isRegionAdmin() || reader.isPlatformAdmin()
				|| reader.has(cn.kejiao.platform.Role.ENTERPRISE)));
		return "challenge/list";
	}

	@PostMapping("/challenges/new")
	String create(@RequestParam String title, @RequestParam String problem, @RequestParam String targets,
			@RequestParam String bounty, @RequestParam String deadline, @RequestParam(defaultValue = "") String zones,
			@RequestParam(defaultValue = "7") int noticeDays, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			// one target per line: "indicator：target"
			List<Target> parsed = Arrays.stream(targets.split("\\R")).map(String::strip).filter(l -> !l.isEmpty())
				.map(l -> l.split("[:：]", 2)).map(p -> new Target(p[0].strip(), p.length > 1 ? p[1].strip() : "")).toList();
			ChallengeView created = challenges.create(new ChallengeForm(title, problem, parsed, bounty.strip(), List.of(),
					Arrays.stream(zones.split("[,，\\s]+")).filter(z -> !z.isBlank()).toList(), List.of(), deadline, noticeDays));
			challenges.open(created.id());
			return "redirect:/challenges/" + created.id();
		}
		catch (KejiaoException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", problems.message(ex.code(), ex.args(), request));
			return "redirect:/challenges";
		}
	}

	@GetMapping("/challenges/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Actor reader = Actors.current().orElse(null);
		ChallengeView challenge = challenges.get(id, reader);
		model.addAttribute("challenge", challenge);
		model.addAttribute("rubric", Rubric.STANDARD.weights());
		List<RankedApplication> results = List.of("NOTICE", "AWARDED").contains(challenge.state()) ? awards.results(id)
				: List.of();
		model.addAttribute("results", results);
		model.addAttribute("teams", results.stream()
			.collect(Collectors.toMap(RankedApplication::applicationId, RankedApplication::applicantName)));
		model.addAttribute("ranking", challenge.manageable() && !List.of("DRAFT", "OPEN").contains(challenge.state())
				? reviews.ranking(id) : List.of());
		model.addAttribute("queue", reader != null && challenge.state().equals("REVIEW") ? queue(id) : null);
		List<ApplicationView> mine = reader == null ? List.of() : applications.myApplications(reader).stream()
			.filter(a -> a.challengeId().equals(id)).toList();
		model.addAttribute("mine", mine);
		model.addAttribute("myApplicationIds", mine.stream().map(ApplicationView::id).collect(Collectors.toSet()));
		model.addAttribute("signedIn", reader != null);
		model.addAttribute("milestones", milestones(challenge, reader));
		return "challenge/detail";
	}

	/** The milestones, for the publisher and the awarded teams once the award is final; null for anyone else. */
	private @Nullable List<MilestoneView> milestones(ChallengeView challenge, @Nullable Actor reader) {
		if (reader == null || !challenge.state().equals("AWARDED")) {
			return null;
		}
		try {
			return milestones.milestones(challenge.id(), reader);
		}
		catch (KejiaoException ex) {
			return null; // neither the publisher nor an awarded team
		}
	}

	private @Nullable Object queue(UUID id) {
		try {
			return reviews.reviewQueue(id);
		}
		catch (KejiaoException ex) {
			return null; // not on the panel
		}
	}

	@PostMapping("/challenges/{id}/apply")
	String apply(@PathVariable UUID id, @RequestParam String team, @RequestParam String proposal,
			@RequestParam(required = false) @Nullable MultipartFile attachment, RedirectAttributes redirect,
			HttpServletRequest request) throws IOException {
		return problems.stepWithFile(attachment, ChallengeApplications.MAX_ATTACHMENT, "challenge.attachment-too-large",
				(name, content) -> applications.apply(id, team, proposal, name, content), "/challenges/" + id, redirect, request);
	}

	@GetMapping("/challenges/applications/{applicationId}/attachment")
	ResponseEntity<byte[]> attachment(@PathVariable UUID applicationId) {
		ChallengeApplications.Attachment attachment = applications.attachment(applicationId, Actors.require());
		return Downloads.file(attachment.name(), MediaType.APPLICATION_OCTET_STREAM, attachment.content());
	}

	@PostMapping("/challenges/{id}/milestones")
	String addMilestone(@PathVariable UUID id, @RequestParam UUID applicationId, @RequestParam String title,
			@RequestParam(required = false) @Nullable LocalDate dueOn, @RequestParam(defaultValue = "") String payment,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> milestones.addMilestone(id, applicationId, title, dueOn, payment.isBlank() ? null : payment.strip()),
				id, redirect, request);
	}

	@PostMapping("/challenges/{id}/milestones/{milestoneId}/deliver")
	String deliverMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId, @RequestParam String deliverable,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> milestones.deliver(milestoneId, deliverable), id, redirect, request);
	}

	@PostMapping("/challenges/{id}/milestones/{milestoneId}/accept")
	String acceptMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId,
			@RequestParam(defaultValue = "") String paymentReference, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> milestones.accept(milestoneId, paymentReference), id, redirect, request);
	}

	@PostMapping("/challenges/{id}/deadline")
	String extend(@PathVariable UUID id, @RequestParam String deadline, @RequestParam String reason,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> challenges.extend(id, deadline, reason), id, redirect, request);
	}

	@PostMapping("/challenges/{id}/panel")
	String panel(@PathVariable UUID id, @RequestParam String experts, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(() -> reviews.panel(id, Arrays.stream(experts.split("[,，\\s]+")).filter(e -> !e.isBlank()).toList()),
				id, redirect, request);
	}

	@PostMapping("/challenges/{id}/reviews")
	String review(@PathVariable UUID id, @RequestParam UUID applicationId, @RequestParam Map<String, String> form,
			RedirectAttributes redirect, HttpServletRequest request) {
		Map<String, Integer> scores = new LinkedHashMap<>();
		for (String criterion : Rubric.STANDARD.criteria()) {
			String value = form.get("score-" + criterion);
			if (value != null && value.strip().matches("\\d{1,3}")) {
				scores.put(criterion, Integer.parseInt(value.strip()));
			}
		}
		return step(() -> reviews.review(id, applicationId, scores, form.get("comment")), id, redirect, request);
	}

	@PostMapping("/challenges/{id}/award")
	String award(@PathVariable UUID id, @RequestParam UUID applicationId, @RequestParam String amount,
			@RequestParam(defaultValue = "") String decision, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> awards.award(id, List.of(new Award(applicationId, amount.strip())), decision), id, redirect,
				request);
	}

	private String step(Supplier<?> step, UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return problems.step(step, "/challenges/" + id, redirect, request);
	}
}
