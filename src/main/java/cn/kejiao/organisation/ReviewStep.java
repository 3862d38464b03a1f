package cn.kejiao.organisation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step of an organisation's verification: who did what when, and the reason of a rejection. */
public record ReviewStep(Instant at, Step step, @Nullable String by, @Nullable String reason) {

	public enum Step {
		REGISTERED, REJECTED, RESUBMITTED, APPROVED, NOTICE_ENDED
	}
}
