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

	/** Counts a failure atomically, so concurrent guesses cannot slip past the limit. */
	@Query(value = """
			update account.user_account set failed_logins = failed_logins + 1 where id = :id
			returning failed_logins
			""", nativeQuery = true)
	List<Integer> countFailure(UUID id);

	/**
	 * Locks until the given time. The failure count stays: the first wrong password after the lock ends
	 * locks again, and only a successful sign-in resets it.
	 */
	@Modifying
	@Query(value = "update account.user_account set locked_until = :until where id = :id", nativeQuery = true)
	int lock(UUID id, Instant until);

	@Modifying
	@Query(value = """
			update account.user_account set failed_logins = 0, locked_until = null, last_login_at = :now where id = :id
			""", nativeQuery = true)
	int recordSuccess(UUID id, Instant now);
}
