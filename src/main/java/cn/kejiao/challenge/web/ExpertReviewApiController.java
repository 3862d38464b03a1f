package cn.kejiao.challenge.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.challenge.ExpertPool;
import cn.kejiao.challenge.ExpertProfile;
import cn.kejiao.challenge.InvitationView;
import cn.kejiao.challenge.MyReview;
import cn.kejiao.challenge.PanelInvitations;
import cn.kejiao.challenge.PoolExpert;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The expert pool, panel invitations and an expert's reviews: what the panel and "my reviews" pages do. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "揭榜挂帅 challenges")
class ExpertReviewApiController {

	private final ExpertPool pool;
	private final PanelInvitations invitations;

	ExpertReviewApiController(ExpertPool pool, PanelInvitations invitations) {
		this.pool = pool;
		this.invitations = invitations;
	}

	@GetMapping("/challenges/{id}/experts")
	@Operation(summary = "Search the expert pool for a challenge's panel (publisher)", description = "q: words of the field (title, discipline, keywords, name); region: a region code the expert lies within; organisation: part of its organisation's name. Each expert comes with its conflicts of interest with the applicants (SAME_ORGANISATION, RELATED_ORGANISATION, DECLARED) and its invitation state.")
	List<PoolExpert> pool(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String organisation) {
		return pool.search(id, new ExpertPool.Query(q, region, organisation));
	}

	record Invitation(@Nullable List<String> experts, @Nullable String reviewDue) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "challenge.publisher-only")
	@PostMapping("/challenges/{id}/invitations")
	@Operation(summary = "Invite experts to the panel after the deadline (publisher)", description = "experts: usernames; reviewDue: the date the review is due (China time). The challenge goes into review; only experts who accept score.")
	List<InvitationView> invite(@PathVariable UUID id, @RequestBody Invitation invitation) {
		return invitations.invite(id, invitation.experts(), invitation.reviewDue());
	}

	@GetMapping("/challenges/{id}/invitations")
	@Operation(summary = "The panel's invitations and how the experts answered (publisher)")
	List<InvitationView> invitations(@PathVariable UUID id) {
		return invitations.invitations(id);
	}

	record Acceptance(@Nullable Boolean noConflict) {
	}

	@ForRoles(value = Role.EXPERT, refusal = "challenge.experts-only")
	@PostMapping("/challenges/{id}/invitation/accept")
	@Operation(summary = "Accept an invitation to the panel (invited expert)", description = "noConflict: true, the expert's promise that it has no conflict of interest with the challenge.")
	MyReview accept(@PathVariable UUID id, @RequestBody Acceptance acceptance) {
		return invitations.accept(id, Boolean.TRUE.equals(acceptance.noConflict()));
	}

	record Refusal(@Nullable String reason, @Nullable Boolean conflict) {
	}

	@ForRoles(value = Role.EXPERT, refusal = "challenge.experts-only")
	@PostMapping("/challenges/{id}/invitation/decline")
	@Operation(summary = "Decline an invitation to the panel (invited expert)", description = "reason: why; conflict: true when the expert declares a conflict of interest.")
	MyReview decline(@PathVariable UUID id, @RequestBody Refusal refusal) {
		return invitations.decline(id, refusal.reason(), Boolean.TRUE.equals(refusal.conflict()));
	}

	@GetMapping("/reviews/mine")
	@Operation(summary = "The caller's reviews (expert): invitations to answer, applications to score, by when")
	List<MyReview> mine() {
		return invitations.myReviews();
	}

	@GetMapping("/experts/me")
	@Operation(summary = "The caller's expert profile")
	ExpertProfile profile() {
		return pool.myProfile();
	}

	record Profile(@Nullable String title, @Nullable String discipline, @Nullable String keywords,
			@Nullable List<String> affiliations) {
	}

	@ForRoles(value = Role.EXPERT, refusal = "challenge.experts-only")
	@PutMapping("/experts/me")
	@Operation(summary = "Write the caller's expert profile", description = "title (职称), discipline, keywords: what publishers search by; affiliations: organisations (names) the expert works for part-time or collaborates with — their applications are conflicts of interest.")
	ExpertProfile saveProfile(@RequestBody Profile profile) {
		return pool.saveProfile(profile.title(), profile.discipline(), profile.keywords(), profile.affiliations());
	}
}
