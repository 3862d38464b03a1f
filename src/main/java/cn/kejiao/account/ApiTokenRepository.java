package cn.kejiao.account;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, String> {

	@Modifying
	@Query("delete from ApiToken t where t.expiresAt < :now")
	int deleteExpired(Instant now);

	/** Ends every token of a user whose password changed, so an old password's tokens stop working. */
	@Modifying
	@Query("delete from ApiToken t where t.userId = :userId")
	int deleteByUser(java.util.UUID userId);
}
