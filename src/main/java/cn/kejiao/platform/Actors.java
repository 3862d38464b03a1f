package cn.kejiao.platform;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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

	/** The client's address as the server saw it (behind a proxy, set server.forward-headers-strategy). */
	public static Optional<String> clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return Optional.ofNullable(attributes.getRequest().getRemoteAddr());
		}
		return Optional.empty();
	}
}
