package cn.kejiao.challenge;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.KejiaoException;

/**
 * Where a challenge is. Four states are stored, each written by a step: DRAFT (created), OPEN (opened),
 * REVIEW (panel formed), NOTICE (award published). AWARDED is never stored: a challenge in NOTICE is final
 * once its notice period has passed, and nothing has to run at that moment for it to be so. Applications
 * close by the deadline, not by a state (docs/decisions/0007-challenge-states.md).
 */
public enum ChallengeState {

	DRAFT, OPEN, REVIEW, NOTICE, AWARDED;

	/** The state as a reader sees it at {@code now}: a stored NOTICE is AWARDED once the notice period ended. */
	static ChallengeState at(ChallengeState stored, @Nullable Instant noticeEndsAt, Instant now) {
		if (stored == NOTICE && noticeEndsAt != null && !now.isBefore(noticeEndsAt)) {
			return AWARDED;
		}
		return stored;
	}

	/**
	 * The state the step leads to.
	 * @param refusalArgs the arguments of the step's refusal; none for {@code challenge.state}, which names this state
	 * @throws KejiaoException (409) the step's refusal when it may not start from this state
	 */
	ChallengeState then(Step step, Object... refusalArgs) {
		if (!step.from.contains(this)) {
			throw KejiaoException.conflict(step.refusal, refusalArgs.length == 0 ? new Object[] { name() } : refusalArgs);
		}
		return step.to;
	}

	/** The steps of a challenge: from which states each may start, where it leads, and the refusal otherwise. */
	enum Step {

		PUBLISH(EnumSet.of(DRAFT), OPEN, "challenge.state"),
		EXTEND_DEADLINE(EnumSet.of(OPEN), OPEN, "challenge.state"),
		/** Also refused in OPEN once the deadline has passed; the facade checks the clock. */
		APPLY(EnumSet.of(OPEN), OPEN, "challenge.closed-for-applications"),
		/** Also refused before the deadline; forming it again while in review replaces the panel. */
		FORM_PANEL(EnumSet.of(OPEN, REVIEW), REVIEW, "challenge.state"),
		SCORE(EnumSet.of(REVIEW), REVIEW, "challenge.state"),
		AWARD(EnumSet.of(REVIEW), NOTICE, "challenge.state"),
		PLAN_MILESTONES(EnumSet.of(AWARDED), AWARDED, "challenge.not-final");

		private final Set<ChallengeState> from;
		private final ChallengeState to;
		private final String refusal;

		Step(Set<ChallengeState> from, ChallengeState to, String refusal) {
			this.from = from;
			this.to = to;
			this.refusal = refusal;
		}
	}
}
