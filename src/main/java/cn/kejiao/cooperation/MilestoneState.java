package cn.kejiao.cooperation;

import cn.kejiao.platform.KejiaoException;

/**
 * A project milestone: planned, its deliverables handed in by the lead organisation, then accepted (验收) or
 * rejected with remarks by the funding region's admin; a rejected milestone is delivered again.
 */
public enum MilestoneState {

	PLANNED, DELIVERED, ACCEPTED, REJECTED;

	/** Whether the milestone still waits for the lead organisation's deliverables (and so can fall overdue). */
	public boolean awaitsDelivery() {
		return this == PLANNED || this == REJECTED;
	}

	void checkDeliver() {
		if (!awaitsDelivery()) {
			throw KejiaoException.conflict("project.milestone-not-awaiting-delivery");
		}
	}

	void checkDecide() {
		if (this != DELIVERED) {
			throw KejiaoException.conflict("project.milestone-not-delivered");
		}
	}
}
