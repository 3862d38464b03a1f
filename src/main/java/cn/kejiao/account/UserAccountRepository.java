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

	@Query("select u from UserAccount u where :role member of u.roles and u.enabled = true order by u.username")
	List<UserAccount> findEnabledWithRole(cn.kejiao.platform.Role role);

	@Modifying
	@Query(value = "update account.user_account set last_login_at = :now where id = :id", nativeQuery = true)
	int recordSuccess(UUID id, Instant now);
}
