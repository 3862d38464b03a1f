package cn.kejiao.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogEntryRepository extends JpaRepository<CatalogEntry, UUID> {

	Optional<CatalogEntry> findByOwnerOrgIdAndTypeAndExternalCode(UUID ownerOrgId, EntryType type, String externalCode);

	List<CatalogEntry> findByOwnerOrgIdAndTypeOrderByUpdatedAtDesc(UUID ownerOrgId, EntryType type);

	List<CatalogEntry> findByOwnerOrgIdOrderByUpdatedAtDesc(UUID ownerOrgId);

	/** Each owner with each region its entries are in: one row per pair. */
	@org.springframework.data.jpa.repository.Query("select distinct e.ownerOrgId, e.regionCode from CatalogEntry e")
	List<Object[]> ownersAndRegions();

	long countByStateIn(List<EntryState> states);

	List<CatalogEntry> findByTypeAndStateInAndRegionCodeStartingWithOrderByTitle(EntryType type, List<EntryState> states,
			String regionPrefix);

	@org.springframework.data.jpa.repository.Query("""
			select e from CatalogEntry e
			where e.regionCode like :regionPattern
			  and (:state is null or e.state = :state)
			  and (:text is null or lower(e.title) like :text or lower(e.ownerOrgName) like :text)
			order by e.updatedAt desc
			""")
	org.springframework.data.domain.Page<CatalogEntry> inRegion(String regionPattern,
			@org.jspecify.annotations.Nullable EntryState state, @org.jspecify.annotations.Nullable String text,
			org.springframework.data.domain.Pageable pageable);
}
