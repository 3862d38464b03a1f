package cn.kejiao.challenge;

import java.time.Instant;

/**
 * What a reader is told about a challenge: its {@link ChallengeState} at this moment, and, for an open challenge
 * whose deadline has passed, that applications are closed and the review is still to come (CLOSED, 揭榜截止). The
 * one place where the clock decides what a page or the API shows; the steps keep asking {@link ChallengeState}.
 */
public enum ChallengeStatus {

	DRAFT, OPEN, CLOSED, REVIEW, NOTICE, AWARDED;

	/** The status at {@code now} of a challenge in {@code state} (already read at {@code now}) with this deadline. */
	static ChallengeStatus of(ChallengeState state, Instant deadline, Instant now) {
		if (state == ChallengeState.OPEN && !now.isBefore(deadline)) {
			return CLOSED;
		}
		return valueOf(state.name());
	}

	/** Whether applications are taken: open and before the deadline. */
	public boolean takesApplications() {
		return this == OPEN;
	}
}
