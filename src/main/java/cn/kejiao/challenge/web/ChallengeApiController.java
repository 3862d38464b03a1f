package cn.kejiao.challenge.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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
import cn.kejiao.challenge.QueueItem;
import cn.kejiao.challenge.RankedApplication;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 揭榜挂帅 challenges. Amounts are yuan strings. */
@RestController
@RequestMapping("/api/v1/challenges")
@Tag(name = "揭榜挂帅 challenges")
class ChallengeApiController {

	private final Challenges challenges;
	private final ChallengeApplications applications;
	private final ChallengeReviews reviews;
	private final ChallengeAwards awards;
	private final ChallengeMilestones milestones;

	ChallengeApiController(Challenges challenges, ChallengeApplications applications, ChallengeReviews reviews,
			ChallengeAwards awards, ChallengeMilestones milestones) {
		this.challenges = challenges;
		this.applications = applications;
		this.reviews = reviews;
		this.awards = awards;
		this.milestones = milestones;
	}

	record ChallengeBody(@Nullable String title, @Nullable String problem, @Nullable List<cn.kejiao.challenge.Target> targets,
			@Nullable Money bounty, @Nullable List<String> eligibleRegions, @Nullable List<String> eligibleZones,
			@Nullable List<cn.kejiao.organisation.OrganisationType> eligibleOrgTypes, @Nullable String deadline,
			@Nullable Integer noticeDays, @Nullable Boolean open, @Nullable String requirements) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "challenge.publishers-only")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a challenge (region admin or enterprise)", description = "targets: [{\"indicator\",\"target\"}]; bounty in yuan; deadline a date (closing at its end, China time) or an ISO date-time; eligibleRegions/eligibleZones/eligibleOrgTypes empty for everyone; noticeDays (7) the 公示 period; requirements: other conditions in words (≤ 2,000 characters); \"open\": true publishes at once.")
	ChallengeView create(@RequestBody ChallengeBody body) {
		ChallengeForm form = new ChallengeForm(body.title(), body.problem(), body.targets(), body.bounty(),
				body.eligibleRegions(), body.eligibleZones(), body.eligibleOrgTypes(), body.deadline(), body.noticeDays(),
				body.requirements());
		return Boolean.TRUE.equals(body.open()) ? challenges.publish(form) : challenges.create(form);
	}

	@GetMapping
	List<ChallengeView> list() {
		return challenges.list(Actors.current().orElse(null));
	}

	@GetMapping("/{id}")
	ChallengeView get(@PathVariable UUID id) {
		return challenges.get(id, Actors.current().orElse(null));
	}

	@PostMapping("/{id}/open")
	ChallengeView open(@PathVariable UUID id) {
		return challenges.open(id);
	}

	record Extension(@Nullable String deadline, @Nullable String reason) {
	}

	@PostMapping("/{id}/deadline")
	@Operation(summary = "Extend the deadline (publisher); audited and announced to the applicants")
	ChallengeView extend(@PathVariable UUID id, @RequestBody Extension extension) {
		return challenges.extend(id, extension.deadline(), extension.reason());
	}

	record Application(@Nullable String team, @Nullable String proposal, @Nullable String attachmentName,
			@Nullable String attachmentBase64) {
	}

	@PostMapping("/{id}/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply (揭榜) with a proposal and an optional attachment (base64)")
	ApplicationView apply(@PathVariable UUID id, @RequestBody Application application) {
		byte[] attachment = null;
		if (application.attachmentBase64() != null && !application.attachmentBase64().isBlank()) {
			try {
				attachment = java.util.Base64.getDecoder().decode(application.attachmentBase64().strip());
			}
			catch (IllegalArgumentException ex) {
				throw KejiaoException.invalid("request.invalid-parameter", "attachmentBase64");
			}
			if (attachment.length > ChallengeApplications.MAX_ATTACHMENT) {
				throw KejiaoException.invalid("request.too-large");
			}
		}
		return applications.apply(id, application.team(), application.proposal(), application.attachmentName(), attachment);
	}

	@GetMapping("/applications/mine")
	@Operation(summary = "The caller's organisation's applications, with the publishers' announcements")
	List<ApplicationView> mine() {
		return applications.myApplications(Actors.require());
	}

	record Panel(@Nullable List<String> experts) {
	}

	@PostMapping("/{id}/panel")
	@Operation(summary = "Form the expert panel after the deadline (publisher): usernames of experts")
	ChallengeView panel(@PathVariable UUID id, @RequestBody Panel panel) {
		return reviews.panel(id, panel.experts() == null ? List.of() : panel.experts());
	}

	@GetMapping("/{id}/reviews")
	@Operation(summary = "A panellist's queue: the applications it may score, with its own scores only")
	List<QueueItem> queue(@PathVariable UUID id) {
		return reviews.reviewQueue(id);
	}

	/** @param scores criterion → a whole number 0–100; a fraction (99.9) is refused with challenge.score-whole */
	record Review(@Nullable UUID applicationId, @Nullable Map<String, BigDecimal> scores, @Nullable String comment) {
	}

	@PostMapping("/{id}/reviews")
	@Operation(summary = "Score an application (panellist)", description = "scores: {\"SOLUTION\": 0–100, \"TEAM\": …, \"PLAN\": …, \"BUDGET\": …}, whole numbers (a fraction such as 99.9 is refused with challenge.score-whole, never rounded), weighted 40/30/20/10 (Rubric.STANDARD).")
	QueueItem review(@PathVariable UUID id, @RequestBody Review review) {
		if (review.applicationId() == null) {
			throw KejiaoException.invalid("request.missing-parameter", "applicationId");
		}
		return reviews.review(id, review.applicationId(), review.scores(), review.comment());
	}

	@GetMapping("/{id}/ranking")
	@Operation(summary = "Applications by mean score (publisher)")
	List<RankedApplication> ranking(@PathVariable UUID id) {
		return reviews.ranking(id);
	}

	record AwardBody(@Nullable List<Award> awards, @Nullable String decision) {
	}

	@PostMapping("/{id}/award")
	@Operation(summary = "Award one or more applications (publisher); published for the notice period, then final")
	ChallengeView award(@PathVariable UUID id, @RequestBody AwardBody body) {
		return awards.award(id, body.awards() == null ? List.of() : body.awards(), body.decision());
	}

	@GetMapping("/{id}/results")
	@Operation(summary = "The published result: awarded teams and amounts")
	List<RankedApplication> results(@PathVariable UUID id) {
		return awards.results(id);
	}

	record Milestone(@Nullable UUID applicationId, @Nullable String title, @Nullable LocalDate dueOn, @Nullable Money payment) {
	}

	@PostMapping("/{id}/milestones")
	@ResponseStatus(HttpStatus.CREATED)
	MilestoneView addMilestone(@PathVariable UUID id, @RequestBody Milestone milestone) {
		if (milestone.applicationId() == null) {
			throw KejiaoException.invalid("request.missing-parameter", "applicationId");
		}
		return milestones.addMilestone(id, milestone.applicationId(), milestone.title(), milestone.dueOn(), milestone.payment());
	}

	@GetMapping("/{id}/milestones")
	List<MilestoneView> milestones(@PathVariable UUID id) {
		return milestones.milestones(id, Actors.require());
	}

	record Deliverable(@Nullable String deliverable) {
	}

	@PostMapping("/milestones/{milestoneId}/deliver")
	MilestoneView deliver(@PathVariable UUID milestoneId, @RequestBody Deliverable deliverable) {
		return milestones.deliver(milestoneId, deliverable.deliverable());
	}

	record Acceptance(@Nullable String paymentReference) {
	}

	@PostMapping("/milestones/{milestoneId}/accept")
	MilestoneView accept(@PathVariable UUID milestoneId, @RequestBody Acceptance acceptance) {
		return milestones.accept(milestoneId, acceptance.paymentReference());
	}
}
