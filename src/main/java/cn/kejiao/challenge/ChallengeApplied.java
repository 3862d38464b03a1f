package cn.kejiao.challenge;

import java.util.UUID;

/** An organisation handed in an application to a challenge. */
public record ChallengeApplied(UUID challengeId, UUID applicationId, UUID applicantOrgId) {
}
