package cn.kejiao.challenge;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One of an organisation's applications as its list (我的揭榜) shows it: the challenge, the receipt number, when
 * it was handed in, changed or withdrawn, the deadline and its {@link ApplicationStatus}.
 */
public record MyApplication(UUID id, UUID challengeId, String challengeNumber, String challengeTitle, String receipt,
		Instant submittedAt, @Nullable Instant updatedAt, @Nullable Instant withdrawnAt, Instant deadline,
		ApplicationStatus status) {

	public boolean changeable() {
		return status.changeable();
	}
}
