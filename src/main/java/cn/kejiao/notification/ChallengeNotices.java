package cn.kejiao.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.challenge.ChallengeAwarded;
import cn.kejiao.challenge.ChallengeDeadlineExtended;
import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.challenge.ChallengePanelFormed;
import cn.kejiao.challenge.ExpertsInvited;
import cn.kejiao.challenge.InvitationAnswered;
import cn.kejiao.platform.Role;
import cn.kejiao.challenge.MilestoneDelivered;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.platform.ChinaTime;

/**
 * What the applicants of a 揭榜挂帅 challenge are told: a later deadline, and the published result; and what its
 * experts are told: that they were put on its review panel; and what its publisher is told: that a milestone
 * was delivered and waits for acceptance. Each notice
 * has a once-key, so an event delivered again after a failure tells nobody twice.
 */
@Component
class ChallengeNotices {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;
	private final RegionAdmins admins;

	private final Accounts accounts;

	ChallengeNotices(Notifications notifications, RegionAdmins admins, Accounts accounts) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.admins = admins;
	}

	@ApplicationModuleListener
	void on(ChallengeDeadlineExtended event) {
		for (UUID applicant : event.applicantOrgIds()) {
			notifications.tell(new Notice(applicant, "challenge", "challenge-deadline-extended",
					List.of(event.title(), local(event.previousDeadline()), local(event.deadline()), event.reason()),
					link(event.challengeId()), "challenge-deadline:" + event.challengeId() + ":" + event.deadline() + ":" + applicant));
		}
	}

	@ApplicationModuleListener
	void on(ChallengeAwarded event) {
		for (ChallengeAwarded.Winner winner : event.winners()) {
			notifications.tell(new Notice(winner.organisationId(), "challenge", "challenge-awarded",
					List.of(event.title(), winner.amount().yuan(), local(event.noticeEndsAt())), link(event.challengeId()),
					"challenge-awarded:" + event.challengeId() + ":" + winner.organisationId()));
		}
		for (UUID applicant : event.otherApplicantOrgIds()) {
			notifications.tell(new Notice(applicant, "challenge", "challenge-result-published",
					List.of(event.title(), local(event.noticeEndsAt())), link(event.challengeId()),
					"challenge-awarded:" + event.challengeId() + ":" + applicant));
		}
	}

	/** Each expert alone, never the expert's organisation: who sits on a blind panel stays hidden from it. */
	@ApplicationModuleListener
	void on(ChallengePanelFormed event) {
		for (String expert : event.panellists()) {
			notifications.tell(Notice.toUser(expert, "challenge", "challenge-panel-formed", List.of(event.title()),
					link(event.challengeId()), "challenge-panel:" + event.challengeId() + ":" + expert));
		}
	}

	/** Each invited expert alone: an invitation waits for its answer, and the review is due by a date. */
	@ApplicationModuleListener
	void on(ExpertsInvited event) {
		String due = event.reviewDue() == null ? "-" : local(event.reviewDue());
		for (UserView expert : accounts.withRole(Role.EXPERT)) {
			if (event.experts().contains(expert.id())) {
				notifications.tell(Notice.toUser(expert.username(), "challenge", "challenge-invited", List.of(event.title(), due),
						"/reviews", "challenge-invited:" + event.challengeId() + ":" + expert.id()));
			}
		}
	}

	/** The publisher's organisation learns each answer: the panel it forms waits for them. */
	@ApplicationModuleListener
	void on(InvitationAnswered event) {
		if (event.publisherOrgId() == null) {
			return;
		}
		String message = event.accepted() ? "challenge-invitation-accepted"
				: event.conflict() ? "challenge-invitation-declined-conflict" : "challenge-invitation-declined";
		notifications.tell(new Notice(event.publisherOrgId(), "challenge", message, List.of(event.title(), event.expertName()),
				"/challenges/" + event.challengeId() + "/panel",
				"challenge-invitation-answered:" + event.challengeId() + ":" + event.expert()));
	}

	/** The publisher accepts a delivered milestone: its organisation, or the admins of its region without one. */
	@ApplicationModuleListener
	void on(MilestoneDelivered event) {
		UUID publisher = event.publisherOrgId();
		List<UUID> told = publisher != null ? List.of(publisher)
				: admins.of(event.regionCode()).stream().map(OrganisationView::id).toList();
		for (UUID organisation : told) {
			notifications.tell(new Notice(organisation, "challenge", "challenge-milestone-delivered",
					List.of(event.challengeTitle(), event.milestoneTitle()), link(event.challengeId()),
					"challenge-milestone-delivered:" + event.milestoneId() + ":" + organisation));
		}
	}

	private static String link(UUID challengeId) {
		return "/challenges/" + challengeId;
	}

	private static String local(Instant instant) {
		return MINUTES.format(instant.atZone(ChinaTime.ZONE));
	}
}
