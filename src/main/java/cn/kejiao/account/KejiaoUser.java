package cn.kejiao.account;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.ActorPrincipal;

/** The authenticated principal: Spring Security's user details carrying the platform's {@link Actor}. */
public final class KejiaoUser implements UserDetails, CredentialsContainer, ActorPrincipal {

	private static final long serialVersionUID = 1L;

	private final Actor actor;
	private @Nullable String passwordHash;

	KejiaoUser(Actor actor, @Nullable String passwordHash) {
		this.actor = actor;
		this.passwordHash = passwordHash;
	}

	@Override
	public Actor actor() {
		return actor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = actor.roles().stream()
			.<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KejiaoUser user && user.actor.userId().equals(actor.userId());
	}

	@Override
	public int hashCode() {
		return actor.userId().hashCode();
	}

	@Override
	public String toString() {
		return "KejiaoUser[" + actor.username() + "]";
	}
}
