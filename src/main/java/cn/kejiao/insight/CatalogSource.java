package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.kejiao.catalog.CatalogFlows;
import cn.kejiao.catalog.EntrySharingChanged;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.organisation.OrganisationFlows;
import cn.kejiao.organisation.OrganisationVerified;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;

/**
 * What the platform shares, by region: the service institutions ({@link OrganisationFlows}) and the catalog's
 * instruments, services, achievements and experts ({@link CatalogFlows}), net per day, so a stock is the running
 * sum. An entry's change of sharing counts today; an institution on the day it took effect.
 */
@Component
class CatalogSource implements FactSource {

	private static final List<String> EVERY_REGION = List.of();

	private final CatalogFlows catalog;
	private final OrganisationFlows organisations;
	private final StaleDays stale;

	CatalogSource(CatalogFlows catalog, OrganisationFlows organisations, StaleDays stale) {
		this.catalog = catalog;
		this.organisations = organisations;
		this.stale = stale;
	}

	@Override
	public Set<InsightKind> kinds() {
		return EnumSet.of(InsightKind.INSTITUTIONS, InsightKind.INSTRUMENTS, InsightKind.SERVICES,
				InsightKind.ACHIEVEMENTS, InsightKind.EXPERTS);
	}

	@Override
	public List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to) {
		if (kind == InsightKind.INSTITUTIONS) {
			return organisations.institutions(from, to, EVERY_REGION);
		}
		return catalog.shared(type(kind), from, to, EVERY_REGION);
	}

	/** A fact of one region: the rows are those of the regions named on either side (both, when both are named). */
	@Override
	public List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		Collection<String> regions = OneRegion.regions(served, serving);
		if (regions == null) {
			return List.of();
		}
		if (kind == InsightKind.INSTITUTIONS) {
			return organisations.institutionRows(from, to, regions, offset, limit);
		}
		return catalog.sharedRows(type(kind), from, to, regions, offset, limit);
	}

	@EventListener
	void on(EntrySharingChanged changed) {
		stale.markToday(kind(changed.type()));
	}

	/**
	 * Today, where an approval without notice counts (the organisation may not be written yet when it is told), and
	 * the day the organisation counts from as its module says, for a notice that ended before it was noticed.
	 */
	@EventListener
	void on(OrganisationVerified verified) {
		stale.markToday(InsightKind.INSTITUTIONS);
		organisations.institutionSince(verified.organisationId())
			.ifPresent(since -> stale.mark(InsightKind.INSTITUTIONS, since));
	}

	private static EntryType type(InsightKind kind) {
		return switch (kind) {
			case INSTRUMENTS -> EntryType.INSTRUMENT;
			case SERVICES -> EntryType.SERVICE;
			case ACHIEVEMENTS -> EntryType.ACHIEVEMENT;
			case EXPERTS -> EntryType.EXPERT;
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	private static InsightKind kind(EntryType type) {
		return switch (type) {
			case INSTRUMENT -> InsightKind.INSTRUMENTS;
			case SERVICE -> InsightKind.SERVICES;
			case ACHIEVEMENT -> InsightKind.ACHIEVEMENTS;
			case EXPERT -> InsightKind.EXPERTS;
		};
	}
}
