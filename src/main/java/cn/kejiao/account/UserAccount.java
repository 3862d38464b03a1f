package cn.kejiao.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import cn.kejiao.platform.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in. The password is kept only as a salted hash. */
@Entity
@Table(schema = "account", name = "user_account")
class UserAccount {

	@Id
	private UUID id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "display_name")
	private String displayName;

	private String email;

	private String phone;

	@Column(name = "organisation_id")
	private UUID organisationId;

	@Column(name = "region_code")
	private String regionCode;

	private boolean enabled;

	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(schema = "account", name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected UserAccount() {
	}

	UserAccount(UUID id, String username, String passwordHash, String displayName, String email, String phone,
			UUID organisationId, String regionCode, Set<Role> roles, Instant now) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.email = email;
		this.phone = phone == null ? "" : phone;
		this.organisationId = organisationId;
		this.regionCode = regionCode;
		this.roles = EnumSet.copyOf(roles);
		this.enabled = true;
		this.createdAt = now;
	}

	UUID id() {
		return id;
	}

	String username() {
		return username;
	}

	String passwordHash() {
		return passwordHash;
	}

	String displayName() {
		return displayName;
	}

	String email() {
		return email;
	}

	UUID organisationId() {
		return organisationId;
	}

	String regionCode() {
		return regionCode;
	}

	boolean enabled() {
		return enabled;
	}

	Set<Role> roles() {
		return roles;
	}

	String phone() {
		return phone;
	}

	/** Replaces the password hash (after a change, a reset or a recovery). */
	void changePassword(String newHash) {
		this.passwordHash = newHash;
	}

	/** Replaces the roles; a user keeps at least one. */
	void replaceRoles(Set<Role> newRoles) {
		if (newRoles.isEmpty()) {
			throw cn.kejiao.platform.KejiaoException.invalid("account.roles-required");
		}
		this.roles.clear();
		this.roles.addAll(newRoles);
	}

	/** Follows the organisation to the region it now says it is in. */
	void moveTo(String newRegionCode) {
		this.regionCode = newRegionCode;
	}

	UserView view() {
		return new UserView(id, username, displayName, email, organisationId, regionCode, Set.copyOf(roles), enabled);
	}
}
