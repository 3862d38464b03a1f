package cn.kejiao.challenge;

import cn.kejiao.platform.KejiaoException;

/** A milestone's way: PLANNED, its deliverable handed in (DELIVERED), accepted by the publisher (ACCEPTED). */
enum MilestoneState {

	PLANNED, DELIVERED, ACCEPTED;

	/** The team hands in the deliverable; {@code challenge.milestone-state} unless the milestone is planned. */
	MilestoneState deliver() {
		return next(PLANNED, DELIVERED);
	}

	/** The publisher accepts; {@code challenge.milestone-state} unless the deliverable is in. */
	MilestoneState accept() {
		return next(DELIVERED, ACCEPTED);
	}

	private MilestoneState next(MilestoneState from, MilestoneState to) {
		if (this != from) {
			throw KejiaoException.conflict("challenge.milestone-state", name());
		}
		return to;
	}
}
