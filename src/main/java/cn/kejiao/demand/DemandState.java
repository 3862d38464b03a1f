package cn.kejiao.demand;

/** A demand's life: drafted, open to answers, in talks with someone, solved, or closed unsolved. */
public enum DemandState {
	DRAFT, OPEN, IN_TALKS, SOLVED, CLOSED;

	/** Whether people other than its owner and the region's admins see it. */
	public boolean isPublished() {
		return this == OPEN || this == IN_TALKS || this == SOLVED;
	}
}
