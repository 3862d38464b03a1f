package cn.kejiao.challenge;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An expert of the pool as a publisher sees it when forming a panel: who, where, its field, the conflicts of
 * interest it has with the challenge's applicants, and its invitation's state if already invited (INVITED,
 * ACCEPTED, DECLINED).
 */
public record PoolExpert(UUID userId, String username, String displayName, ExpertProfile profile,
		@Nullable String organisationName, String regionCode, String regionName, List<ExpertConflict> conflicts,
		@Nullable String invitation) {

	public boolean conflicted() {
		return !conflicts.isEmpty();
	}
}
