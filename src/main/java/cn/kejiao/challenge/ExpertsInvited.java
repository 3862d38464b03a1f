package cn.kejiao.challenge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The publisher invited experts (user ids) to a challenge's panel, the review due by {@code reviewDue}. */
public record ExpertsInvited(UUID challengeId, String title, List<UUID> experts, Instant reviewDue) {

	public ExpertsInvited {
		experts = List.copyOf(experts);
	}
}
