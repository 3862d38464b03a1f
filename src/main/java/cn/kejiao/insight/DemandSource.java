package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.kejiao.catalog.EntryType;
import cn.kejiao.demand.DemandFlows;
import cn.kejiao.demand.DemandOpened;
import cn.kejiao.demand.MatchFlows;
import cn.kejiao.demand.MatchSuggested;
import cn.kejiao.demand.MatchVerdictGiven;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;

/**
 * Demands posted and matched by the demand's region ({@link DemandFlows}), and confirmed matches between the
 * demand's and the achievement's regions ({@link MatchFlows}). A confirmed match counts on the day of its first
 * useful verdict still standing, so a verdict marks that day as it was before and as it is after.
 */
@Component
class DemandSource implements FactSource {

	private static final List<String> EVERY_REGION = List.of();

	private final DemandFlows demands;
	private final MatchFlows matches;
	private final StaleDays stale;

	DemandSource(DemandFlows demands, MatchFlows matches, StaleDays stale) {
		this.demands = demands;
		this.matches = matches;
		this.stale = stale;
	}

	@Override
	public Set<InsightKind> kinds() {
		return EnumSet.of(InsightKind.DEMANDS_POSTED, InsightKind.DEMANDS_MATCHED, InsightKind.MATCHES_CONFIRMED);
	}

	@Override
	public List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to) {
		return switch (kind) {
			case DEMANDS_POSTED -> demands.posted(from, to, EVERY_REGION);
			case DEMANDS_MATCHED -> demands.matched(from, to, EVERY_REGION);
			case MATCHES_CONFIRMED -> matches.flows(from, to, EVERY_REGION);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@Override
	public List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		if (kind == InsightKind.MATCHES_CONFIRMED) {
			return demands.confirmedRows(from, to, served, serving, offset, limit);
		}
		Collection<String> regions = OneRegion.regions(served, serving);
		if (regions == null) {
			return List.of();
		}
		return switch (kind) {
			case DEMANDS_POSTED -> demands.postedRows(from, to, regions, offset, limit);
			case DEMANDS_MATCHED -> demands.matchedRows(from, to, regions, offset, limit);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@EventListener
	void on(DemandOpened opened) {
		stale.markToday(InsightKind.DEMANDS_POSTED);
	}

	@EventListener
	void on(MatchSuggested suggested) {
		stale.markToday(InsightKind.DEMANDS_MATCHED);
	}

	@EventListener
	void on(MatchVerdictGiven verdict) {
		if (verdict.entryType() != EntryType.ACHIEVEMENT) {
			return;
		}
		if (verdict.firstUsefulBefore() != null) {
			stale.mark(InsightKind.MATCHES_CONFIRMED, verdict.firstUsefulBefore());
		}
		if (verdict.firstUsefulAfter() != null) {
			stale.mark(InsightKind.MATCHES_CONFIRMED, verdict.firstUsefulAfter());
		}
	}
}
