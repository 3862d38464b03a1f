package cn.kejiao.platform;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Reads who is acting, and from which client address, in the current request. */
public final class Actors {

	private Actors() {
	}

	public static Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	/** The acting user, or a 401 problem when nobody is signed in. */
	public static Actor require() {
		return current().orElseThrow(() -> new KejiaoException(HttpStatus.UNAUTHORIZED, "auth.required"));
	}

	/**
	 * Runs a step as the actor, as if it had signed in (demo data, command-line tools, benchmarks), so that
	 * the facades check it as they check a request; whoever acted before acts again afterwards.
	 */
	public static <T> T runAs(Actor actor, Supplier<T> step) {
		Authentication previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new Acting(actor), null, actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		try {
			return step.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	private record Acting(Actor actor) implements ActorPrincipal {
	}

	/** The client's address as the server saw it (behind a proxy, set server.forward-headers-strategy). */
	public static Optional<String> clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return Optional.ofNullable(attributes.getRequest().getRemoteAddr());
		}
		return Optional.empty();
	}
}
