package cn.kejiao.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogEntryRepository extends JpaRepository<CatalogEntry, UUID> {

	Optional<CatalogEntry> findByOwnerOrgIdAndTypeAndExternalCode(UUID ownerOrgId, EntryType type, String externalCode);

	List<CatalogEntry> findByOwnerOrgIdAndTypeOrderByUpdatedAtDesc(UUID ownerOrgId, EntryType type);

	List<CatalogEntry> findByOwnerOrgIdOrderByUpdatedAtDesc(UUID ownerOrgId);

	long countByStateIn(List<EntryState> states);
}
