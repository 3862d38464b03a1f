package cn.kejiao.cooperation;

import java.util.Set;

/**
 * Where an event stands: a draft only its organisers see; open for registration; registration closed; held (it took
 * place, and what it produced is recorded); cancelled. Which step leads where is decided here alone.
 */
public enum EventState {
	DRAFT, OPEN, CLOSED, HELD, CANCELLED;

	/** The states this one may go on to. */
	public Set<EventState> next() {
		return switch (this) {
			case DRAFT -> Set.of(OPEN, CANCELLED);
			case OPEN -> Set.of(CLOSED, HELD, CANCELLED);
			case CLOSED -> Set.of(OPEN, HELD, CANCELLED);
			case HELD, CANCELLED -> Set.of();
		};
	}

	/** Whether anyone besides its organisers sees the event. */
	public boolean published() {
		return this != DRAFT;
	}
}
