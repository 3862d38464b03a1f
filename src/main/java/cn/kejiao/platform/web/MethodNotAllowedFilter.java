package cn.kejiao.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import cn.kejiao.platform.KejiaoException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A method no handler of an existing path accepts is a 405 with {@code Allow}, for anyone: it runs before security,
 * so {@code DELETE /api/v1/regions} is not a 401 to a stranger and a 403 to a user. It asks the controllers' own
 * mapping, so what it answers is exactly what Spring MVC would answer after sign-in. Only the API's paths: on the
 * web side, security's own filters answer paths no controller maps ({@code POST /login}, {@code POST /logout}).
 */
class MethodNotAllowedFilter extends OncePerRequestFilter {

	private final HandlerMapping mappings;

	MethodNotAllowedFilter(HandlerMapping mappings) {
		this.mappings = mappings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !Problems.isApiRequest(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Set<String> allowed = unsupported(request);
		if (allowed != null) {
			response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
			KejiaoErrorController.reject(request, response,
					new KejiaoException(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed"));
			return;
		}
		chain.doFilter(request, response);
	}

	/** The methods the path accepts when it does not accept this one; null when it does, or when no handler knows the path. */
	private @org.jspecify.annotations.Nullable Set<String> unsupported(HttpServletRequest request) {
		Set<String> before = new HashSet<>(Collections.list(request.getAttributeNames()));
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		try {
			if (!parsed) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			mappings.getHandler(request);
			return null;
		}
		catch (HttpRequestMethodNotSupportedException ex) {
			return ex.getSupportedMethods() == null ? Set.of() : Set.of(ex.getSupportedMethods());
		}
		catch (Exception ex) {
			// anything else (a media type, a parameter) is Spring MVC's to answer once the request is let in
			return null;
		}
		finally {
			// the lookup leaves its findings on the request: the dispatcher makes its own
			for (String name : Collections.list(request.getAttributeNames())) {
				if (!before.contains(name)) {
					request.removeAttribute(name);
				}
			}
		}
	}
}
