package cn.kejiao.challenge;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.platform.Money;

/**
 * What a publisher states. {@code bounty} above zero; {@code deadline} a date (applications close at its end,
 * China time) or an ISO date-time; empty eligibility lists mean everyone.
 */
public record ChallengeForm(@Nullable String title, @Nullable String problem, @Nullable List<Target> targets,
		@Nullable Money bounty, @Nullable List<String> eligibleRegions, @Nullable List<String> eligibleZones,
		@Nullable List<OrganisationType> eligibleOrgTypes, @Nullable String deadline, @Nullable Integer noticeDays) {
}
