package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.kejiao.challenge.ChallengeApplicationWithdrawn;
import cn.kejiao.challenge.ChallengeApplied;
import cn.kejiao.challenge.ChallengeAwarded;
import cn.kejiao.challenge.ChallengeFlows;
import cn.kejiao.challenge.ChallengeOpened;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;

/**
 * Challenges published (with their bounties), applied for (challenge region / applicant region) and awarded
 * (publisher region / winner region, with the amounts), from {@link ChallengeFlows}. Each step counts today, except
 * a withdrawal: the application leaves the day it was handed in.
 */
@Component
class ChallengeSource implements FactSource {

	private static final List<String> EVERY_REGION = List.of();

	private final ChallengeFlows challenges;
	private final StaleDays stale;

	ChallengeSource(ChallengeFlows challenges, StaleDays stale) {
		this.challenges = challenges;
		this.stale = stale;
	}

	@Override
	public Set<InsightKind> kinds() {
		return EnumSet.of(InsightKind.CHALLENGES_PUBLISHED, InsightKind.CHALLENGE_APPLICATIONS,
				InsightKind.CHALLENGES_AWARDED);
	}

	@Override
	public List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to) {
		return switch (kind) {
			case CHALLENGES_PUBLISHED -> challenges.published(from, to, EVERY_REGION);
			case CHALLENGE_APPLICATIONS -> challenges.applications(from, to, EVERY_REGION);
			case CHALLENGES_AWARDED -> challenges.awarded(from, to, EVERY_REGION);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@Override
	public List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return switch (kind) {
			case CHALLENGES_PUBLISHED -> {
				Collection<String> regions = OneRegion.regions(served, serving);
				yield regions == null ? List.of() : challenges.publishedRows(from, to, regions, offset, limit);
			}
			case CHALLENGE_APPLICATIONS -> challenges.applicationRows(from, to, served, serving, offset, limit);
			case CHALLENGES_AWARDED -> challenges.awardRows(from, to, served, serving, offset, limit);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@EventListener
	void on(ChallengeOpened opened) {
		stale.markToday(InsightKind.CHALLENGES_PUBLISHED);
	}

	@EventListener
	void on(ChallengeApplied applied) {
		stale.markToday(InsightKind.CHALLENGE_APPLICATIONS);
	}

	@EventListener
	void on(ChallengeApplicationWithdrawn withdrawn) {
		stale.mark(InsightKind.CHALLENGE_APPLICATIONS, withdrawn.submittedAt());
	}

	@EventListener
	void on(ChallengeAwarded awarded) {
		stale.markToday(InsightKind.CHALLENGES_AWARDED);
	}
}
