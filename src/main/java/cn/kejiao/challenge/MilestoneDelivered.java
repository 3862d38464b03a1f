package cn.kejiao.challenge;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An awarded team handed in a milestone's deliverable; the challenge's publisher now accepts it.
 *
 * @param publisherOrgId the publishing organisation, null for a challenge published by a region's admins alone
 * @param regionCode the challenge's region, whose admins act for a publisher without an organisation
 */
public record MilestoneDelivered(UUID milestoneId, UUID challengeId, String challengeTitle, String milestoneTitle,
		@Nullable UUID publisherOrgId, String regionCode) {
}
