package cn.kejiao.trading;

import cn.kejiao.platform.KejiaoException;

/**
 * Where a technology contract stands: drafted, signed by both sides, registered by the seller's region (认定登记),
 * being performed, completed; or terminated, with a reason, at any point before it is completed. Which step is
 * allowed when is decided here alone.
 */
public enum ContractState {
	DRAFT, SIGNED, REGISTERED, IN_PERFORMANCE, COMPLETED, TERMINATED;

	/** What someone does to a contract. */
	public enum Step {
		SIGN, REGISTER, START, COMPLETE, TERMINATE
	}

	/** Whether the step may be taken in this state. */
	public boolean allows(Step step) {
		return switch (step) {
			case SIGN -> this == DRAFT;
			case REGISTER -> this == SIGNED;
			case START -> this == REGISTERED;
			case COMPLETE -> this == IN_PERFORMANCE;
			case TERMINATE -> this != COMPLETED && this != TERMINATED;
		};
	}

	/**
	 * The state the step leads to; signing leads to {@link #SIGNED} only once both sides signed, which the caller
	 * knows.
	 * @throws KejiaoException {@code contract.wrong-state} (409) naming the state and the step
	 */
	public ContractState then(Step step) {
		if (!allows(step)) {
			throw KejiaoException.conflict("contract.wrong-state").with("state", name()).with("step", step.name());
		}
		return switch (step) {
			case SIGN -> SIGNED;
			case REGISTER -> REGISTERED;
			case START -> IN_PERFORMANCE;
			case COMPLETE -> COMPLETED;
			case TERMINATE -> TERMINATED;
		};
	}

	/** Registered, in performance or completed: what the statistics of technology-contract value count. */
	public boolean counted() {
		return this == REGISTERED || this == IN_PERFORMANCE || this == COMPLETED;
	}
}
