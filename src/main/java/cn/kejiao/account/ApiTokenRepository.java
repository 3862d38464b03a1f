package cn.kejiao.account;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, String> {

	@Modifying
	@Query("delete from ApiToken t where t.expiresAt < :now")
	int deleteExpired(Instant now);
}
