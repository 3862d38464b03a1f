package cn.kejiao.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ImportJobRepository extends JpaRepository<ImportJob, UUID> {

	List<ImportJob> findTop20ByOwnerOrgIdOrderByCreatedAtDesc(UUID ownerOrgId);

	@Modifying
	@Query(value = """
			update catalog.import_job set state = 'FAILED', failure_code = 'import.interrupted', finished_at = now()
			where state in ('QUEUED', 'RUNNING')
			""", nativeQuery = true)
	int failInterrupted();
}
