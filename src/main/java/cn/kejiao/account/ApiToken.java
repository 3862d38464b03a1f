package cn.kejiao.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bearer token for scripts, stored as its SHA-256 only. */
@Entity
@Table(schema = "account", name = "api_token")
class ApiToken {

	@Id
	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "user_id")
	private UUID userId;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	protected ApiToken() {
	}

	ApiToken(String tokenHash, UUID userId, Instant createdAt, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.userId = userId;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	UUID userId() {
		return userId;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	boolean isValidAt(Instant now) {
		return expiresAt.isAfter(now);
	}
}
