package cn.kejiao.challenge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The publisher moved a challenge's deadline later, for a reason its applicants are told.
 *
 * @param applicantOrgIds the organisations that had applied by then
 */
public record ChallengeDeadlineExtended(UUID challengeId, String title, List<UUID> applicantOrgIds,
		Instant previousDeadline, Instant deadline, String reason) {

	public ChallengeDeadlineExtended {
		applicantOrgIds = List.copyOf(applicantOrgIds);
	}
}
