package cn.kejiao.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the servlet container forwards to when nothing else handled a failure (an unknown path, a
 * rejected request): a problem detail for the API, a page in the user's language for everything else.
 */
@Controller
class KejiaoErrorController implements org.springframework.boot.webmvc.error.ErrorController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KejiaoErrorController.class);

	private final Problems problems;

	KejiaoErrorController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request);
		String code = codeFor(status);
		String incident = incident(status, request);
		return PageExceptionHandler.page(status, problems.message(code, new Object[] { incident }, request), code,
				status.is5xxServerError() ? incident : null, response);
	}

	@RequestMapping("/error")
	ResponseEntity<Object> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		String code = codeFor(status);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		ProblemDetail problem = problems.create(status, code, new Object[] { incident(status, request) }, request);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.asMap(problem));
	}

	/** A failure that reached the container (one in rendering a page, say) is logged under an incident id. */
	private static String incident(HttpStatus status, HttpServletRequest request) {
		if (!status.is5xxServerError()) {
			return "-";
		}
		String incident = java.util.UUID.randomUUID().toString();
		log.error("Unexpected failure on {}, incident {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), incident,
				(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		return incident;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	static String codeFor(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "request.not-found";
			case UNAUTHORIZED -> "auth.required";
			case FORBIDDEN -> "auth.forbidden";
			case METHOD_NOT_ALLOWED -> "request.method-not-allowed";
			case UNSUPPORTED_MEDIA_TYPE -> "request.unsupported-media-type";
			case PAYLOAD_TOO_LARGE -> "request.too-large";
			default -> status.is5xxServerError() ? "internal" : "request.invalid";
		};
	}
}
