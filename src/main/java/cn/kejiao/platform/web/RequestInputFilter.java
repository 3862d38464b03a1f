package cn.kejiao.platform.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

import cn.kejiao.platform.KejiaoException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * Reads every request's headers, parameters and uploaded parts before anything else does (security included), and
 * refuses what cannot be read or stored with a 4xx of its own code, rendered by {@link KejiaoErrorController} as a
 * problem for the API and a page for the rest: parameters Tomcat cannot parse, empty or control-character
 * names, text {@link RequestInput} refuses, truncated multipart bodies, file names with U+0000, header values with
 * control characters. Later code — the firewall's lazy checks, data binding, the database — never meets them.
 */
class RequestInputFilter extends OncePerRequestFilter {

	/**
	 * The longest URL answered, in characters: what every browser and proxy passes. Tomcat reads request lines up
	 * to {@code server.max-http-request-header-size} (16 KB), so a longer URL is refused here, as a problem.
	 */
	static final int MAX_URL = 8 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		@Nullable KejiaoException refusal;
		try {
			refusal = check(request);
		}
		catch (RuntimeException | IOException | ServletException ex) {
			boolean multipart = isMultipart(request);
			refusal = RequestFailures.of(ex)
				.or(() -> multipart ? java.util.Optional.of(KejiaoException.invalid("request.malformed-multipart"))
						: java.util.Optional.empty())
				.orElseThrow(() -> ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex));
			if (multipart) {
				// the dispatcher servlet does not try to read the body again while rendering the error
				request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MultipartException(refusal.code(), ex));
			}
		}
		if (refusal != null) {
			KejiaoErrorController.reject(request, response, refusal);
			return;
		}
		chain.doFilter(request, response);
	}

	private static @Nullable KejiaoException check(HttpServletRequest request) throws IOException, ServletException {
		String query = request.getQueryString();
		if (request.getRequestURI().length() + (query == null ? 0 : query.length()) > MAX_URL) {
			return new KejiaoException(HttpStatus.URI_TOO_LONG, "request.too-long", MAX_URL / 1024);
		}
		for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
			String name = names.nextElement();
			for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
				if (!isHeaderValue(values.nextElement())) {
					return KejiaoException.invalid("request.malformed-header", name);
				}
			}
		}
		if (isMultipart(request)) {
			Collection<Part> parts = request.getParts();
			for (Part part : parts) {
				if (!RequestInput.isParameterName(part.getName())) {
					return KejiaoException.invalid("request.malformed-parameters");
				}
				if (!RequestInput.isStorable(part.getSubmittedFileName())) {
					return KejiaoException.invalid("request.invalid-character", part.getName());
				}
			}
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!RequestInput.isParameterName(parameter.getKey())) {
				return KejiaoException.invalid("request.malformed-parameters");
			}
			for (String value : parameter.getValue()) {
				if (!RequestInput.isStorable(value)) {
					return KejiaoException.invalid("request.invalid-character", parameter.getKey());
				}
			}
		}
		return null;
	}

	/** What HTTP allows in a header value once decoded: visible characters, spaces and tabs, no C1 controls. */
	private static boolean isHeaderValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\t' && Character.isISOControl(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
				&& !"GET".equals(request.getMethod());
	}
}
