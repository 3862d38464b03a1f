package cn.kejiao.challenge;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.platform.Money;

/**
 * What a publisher states. {@code bounty} above zero; {@code deadline} a date (applications close at its end,
 * China time) or an ISO date-time; empty eligibility lists mean everyone; {@code requirements} what else an
 * applicant must bring, in words (at most 2,000 characters).
 */
public record ChallengeForm(@Nullable String title, @Nullable String problem, @Nullable List<Target> targets,
		@Nullable Money bounty, @Nullable List<String> eligibleRegions, @Nullable List<String> eligibleZones,
		@Nullable List<OrganisationType> eligibleOrgTypes, @Nullable String deadline, @Nullable Integer noticeDays,
		@Nullable String requirements) {

	/** Without requirements in words. */
	public ChallengeForm(@Nullable String title, @Nullable String problem, @Nullable List<Target> targets,
			@Nullable Money bounty, @Nullable List<String> eligibleRegions, @Nullable List<String> eligibleZones,
			@Nullable List<OrganisationType> eligibleOrgTypes, @Nullable String deadline, @Nullable Integer noticeDays) {
		this(title, problem, targets, bounty, eligibleRegions, eligibleZones, eligibleOrgTypes, deadline, noticeDays, null);
	}
}
