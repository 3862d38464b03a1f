package cn.kejiao.organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

	boolean existsByCreditCode(String creditCode);

	@Query("""
			select o from Organisation o
			where o.regionCode like :regionPattern
			  and (:status is null or o.status = :status)
			  and (:text is null or lower(o.name) like :text or o.creditCode like :text)
			order by o.registeredAt desc
			""")
	Page<Organisation> search(String regionPattern, @Nullable OrganisationStatus status, @Nullable String text,
			Pageable pageable);

	@Query("select o from Organisation o where o.status = cn.kejiao.organisation.OrganisationStatus.IN_NOTICE order by o.noticeEndsAt")
	List<Organisation> inNotice();

	@Query("select o from Organisation o where o.status = cn.kejiao.organisation.OrganisationStatus.IN_NOTICE and o.noticeEndsAt <= :now")
	List<Organisation> noticeDue(Instant now);

	long countByStatus(OrganisationStatus status);

	List<Organisation> findByStatusAndTypeInOrderByRegisteredAtAscIdAsc(OrganisationStatus status,
			java.util.Collection<OrganisationType> types);
}
