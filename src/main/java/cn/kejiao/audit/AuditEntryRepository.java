package cn.kejiao.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

	@Query("""
			select e from AuditEntry e
			where (:regionPattern is null or e.regionCode like :regionPattern)
			  and (:action is null or e.action = :action)
			  and (:text is null or lower(e.actorUsername) like :text or lower(e.subjectName) like :text
			       or lower(e.subjectId) like :text or lower(e.action) like :text or lower(e.actorOrgName) like :text)
			  and e.occurredAt >= :from and e.occurredAt < :to
			order by e.occurredAt desc, e.id desc
			""")
	Page<AuditEntry> search(@Nullable String regionPattern, @Nullable String action, @Nullable String text, Instant from,
			Instant to,
			Pageable pageable);
}
