package cn.kejiao.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	List<UserAccount> findByOrganisationId(UUID organisationId);

	/** Users in the regions matching the pattern (all when null) whose name, username or e-mail contains the text. */
	@Query("""
			select u from UserAccount u
			where (:regionPattern is null or u.regionCode like :regionPattern)
			  and (:text is null or lower(u.username) like :text or lower(u.displayName) like :text or lower(u.email) like :text)
			order by u.username""")
	org.springframework.data.domain.Page<UserAccount> search(@org.jspecify.annotations.Nullable String regionPattern,
			@org.jspecify.annotations.Nullable String text, org.springframework.data.domain.Pageable pageable);

	@Query("select u from UserAccount u where lower(u.email) = :email and u.enabled = true")
	List<UserAccount> findEnabledByEmail(String email);
	@Query("select u from UserAccount u where :role member of u.roles and u.enabled = true order by u.username")
	List<UserAccount> findEnabledWithRole(cn.kejiao.platform.Role role);

	@Modifying
	@Query(value = "update account.user_account set last_login_at = :now where id = :id", nativeQuery = true)
	int recordSuccess(UUID id, Instant now);
}
