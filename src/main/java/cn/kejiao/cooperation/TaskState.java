package cn.kejiao.cooperation;

/**
 * Where a task of an agreement stands. Planned and in-progress tasks are open: once their due date has passed they
 * are overdue. Done and suspended tasks are closed; a suspended task may be taken up again.
 */
public enum TaskState {
	PLANNED, IN_PROGRESS, DONE, SUSPENDED;

	/** Whether the task still has work to do by its due date. */
	public boolean isOpen() {
		return this == PLANNED || this == IN_PROGRESS;
	}
}
