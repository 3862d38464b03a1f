package cn.kejiao.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;

/**
 * Keeps every entry in its organisation's region ({@link Catalog} accepts no other on creating or changing
 * one). Entries an owner moved elsewhere before that rule are moved back once the application is ready, each
 * move audited ({@code catalog.region-followed}); with nothing to move this is one query over the pairs of owner
 * and region.
 */
@Component
class EntryRegions {

	private final CatalogEntryRepository entries;
	private final Organisations organisations;
	private final AuditLog audit;
	private final Clock clock;
	private final CatalogFlows flows;

	EntryRegions(CatalogEntryRepository entries, Organisations organisations, AuditLog audit, Clock clock,
			CatalogFlows flows) {
		this.flows = flows;
		this.entries = entries;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Moves the entries that are not in their organisation's region back into it; how many moved. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public int followOrganisations() {
		int moved = 0;
		Instant now = clock.instant();
		for (Object[] pair : entries.ownersAndRegions()) {
			UUID owner = (UUID) pair[0];
			String region = (String) pair[1];
			String home = organisations.find(owner).map(OrganisationView::regionCode).orElse(region);
			if (home.equals(region)) {
				continue;
			}
			for (CatalogEntry entry : entries.findByOwnerOrgIdOrderByUpdatedAtDesc(owner)) {
				if (entry.regionCode().equals(region)) {
					entry.followOrganisation(home, now);
					entries.saveAndFlush(entry);
					flows.follow(entry, now);
					audit.record("catalog.region-followed", "catalog-" + entry.type().name().toLowerCase(),
							entry.id().toString(), entry.title(), home, Map.of("regionCode", region), Map.of("regionCode", home));
					moved++;
				}
			}
		}
		return moved;
	}
}
