package cn.kejiao.platform.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import cn.kejiao.platform.KejiaoException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Failures on pages render a readable page in the user's language; never a stack trace.
 * <p>
 * One rule for what a person is shown when a page or a step is refused:
 * <ul>
 * <li><b>missing (404)</b>: what the reader may not see does not exist for them, so the facades answer "not
 * found" for both, and the page is the error page with status 404 — never a hint that it exists;</li>
 * <li><b>forbidden (403)</b>: the reader sees the thing but may not do this at all (a role or region they do
 * not have): the error page with status 403 and the reason, as there is nothing to correct on the form;</li>
 * <li><b>anything else</b> (400 bad input, 409 wrong state): shown on the page the step came from, in the
 * reader's language, with what was typed kept, so the person can correct it.</li>
 * </ul>
 * Controllers apply it with {@link Problems#refusal} (or {@link Problems#step}); the decision itself is
 * {@link #isPageOfItsOwn}.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final Problems problems;

	PageExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	/** Whether a refusal with this status is shown as an error page of its own rather than on the form. */
	static boolean isPageOfItsOwn(HttpStatusCode status) {
		return status.value() == HttpStatus.NOT_FOUND.value() || status.value() == HttpStatus.FORBIDDEN.value();
	}

	@ExceptionHandler(KejiaoException.class)
	ModelAndView kejiao(KejiaoException ex, HttpServletRequest request, HttpServletResponse response) {
		return page(ex.status(), problems.message(ex.code(), ex.args(), request), ex.code(), null, response);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView denied(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response) {
		return page(HttpStatus.FORBIDDEN, problems.message("auth.forbidden", new Object[0], request), "auth.forbidden",
				null, response);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		var refused = RequestFailures.of(ex);
		if (refused.isPresent()) {
			return kejiao(refused.get(), request, response);
		}
		if (ex instanceof org.springframework.web.ErrorResponse errorResponse
				&& errorResponse.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(errorResponse.getStatusCode().value());
			return page(status, problems.message("request.invalid", new Object[0], request), "request.invalid", null,
					response);
		}
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected failure on page {}, incident {}", request.getRequestURI(), incident, ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, problems.message("internal", new Object[] { incident }, request),
				"internal", incident, response);
	}

	static ModelAndView page(HttpStatus status, String message, String code, String incident,
			HttpServletResponse response) {
		response.setStatus(status.value());
		ModelAndView view = new ModelAndView("error/page");
		view.addObject("status", status.value());
		view.addObject("message", message);
		view.addObject("code", code);
		view.addObject("incident", incident);
		view.setStatus(status);
		return view;
	}
}
