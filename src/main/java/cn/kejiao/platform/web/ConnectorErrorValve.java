package cn.kejiao.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's error report for what never reaches the application — a request line or header Tomcat cannot parse, a
 * path with an encoded NUL, a URL beyond the header buffer: a problem detail with a {@code code} for the API (and
 * for any caller that did not ask for HTML), a plain page in the user's language otherwise. Never Tomcat's own page.
 */
class ConnectorErrorValve extends ErrorReportValve {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConnectorErrorValve.class);

	private final Problems problems;

	ConnectorErrorValve(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status == null || status.value() < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		String code = KejiaoErrorController.codeFor(status);
		try {
			response.resetBuffer();
			if (wantsProblem(request)) {
				problems.write(response, problems.create(status, code, new Object[] { "-" }, request));
			}
			else {
				String message = HtmlUtils.htmlEscape(problems.message(code, new Object[] { "-" }, request));
				String title = HtmlUtils.htmlEscape(problems.text("status." + status.value(), null, status.getReasonPhrase(), request));
				response.setContentType(MediaType.TEXT_HTML_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title
						+ "</title></head><body><h1>" + title + "</h1><p>" + message + "</p><p><code>" + code
						+ "</code></p><p><a href=\"/\">Kejiao 科交</a></p></body></html>");
			}
			response.finishResponse();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not write the error report", ex);
		}
	}

	/** A problem for the API, and for any caller that does not ask for HTML (the path may be unknown here). */
	private static boolean wantsProblem(Request request) {
		String uri = null;
		try {
			uri = request.getRequestURI();
		}
		catch (RuntimeException ex) {
			// the request line could not be read
		}
		if (uri != null && !uri.isEmpty()) {
			return uri.startsWith("/api/");
		}
		String accept = request.getHeader("Accept");
		return accept == null || !accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE);
	}
}
