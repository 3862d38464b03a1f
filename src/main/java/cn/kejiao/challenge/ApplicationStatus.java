package cn.kejiao.challenge;

/**
 * Where an application stands, as its team is told: SUBMITTED (the challenge still takes applications, so it may
 * be changed or withdrawn), CLOSED (the deadline passed, the review is to come), UNDER_REVIEW, SHORTLISTED (chosen,
 * the result in its notice period), AWARDED (chosen, final), NOT_SELECTED, WITHDRAWN.
 */
public enum ApplicationStatus {

	SUBMITTED, CLOSED, UNDER_REVIEW, SHORTLISTED, AWARDED, NOT_SELECTED, WITHDRAWN;

	/** The status of a standing application of a challenge in {@code challenge}, chosen or not. */
	static ApplicationStatus of(ChallengeStatus challenge, boolean chosen) {
		return switch (challenge) {
			case DRAFT, OPEN -> SUBMITTED;
			case CLOSED -> CLOSED;
			case REVIEW -> UNDER_REVIEW;
			case NOTICE -> chosen ? SHORTLISTED : NOT_SELECTED;
			case AWARDED -> chosen ? AWARDED : NOT_SELECTED;
		};
	}

	/** Whether its team may still change or withdraw it. */
	public boolean changeable() {
		return this == SUBMITTED;
	}
}
