package cn.kejiao.cooperation;

import java.util.Set;

import cn.kejiao.platform.KejiaoException;

/**
 * Where a funded project stands: approved (立项), in progress, accepted at its final review (验收通过), failed its
 * review, or terminated early. Only an approved or running project goes on; the last three are final.
 */
public enum ProjectStage {

	APPROVED, IN_PROGRESS, ACCEPTED, FAILED, TERMINATED;

	/** Whether the project still runs (its milestones can fall overdue). */
	public boolean isOpen() {
		return this == APPROVED || this == IN_PROGRESS;
	}

	/** The stages this one may move to. */
	public Set<ProjectStage> next() {
		return switch (this) {
			case APPROVED -> Set.of(IN_PROGRESS, TERMINATED);
			case IN_PROGRESS -> Set.of(ACCEPTED, FAILED, TERMINATED);
			default -> Set.of();
		};
	}

	/** Checks the move; {@code project.stage-not-allowed} (409) when it is not one. */
	public ProjectStage moveTo(ProjectStage target) {
		if (!next().contains(target)) {
			throw KejiaoException.conflict("project.stage-not-allowed", name(), target.name());
		}
		return target;
	}
}
