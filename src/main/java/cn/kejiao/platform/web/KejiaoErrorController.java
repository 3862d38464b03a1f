package cn.kejiao.platform.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import cn.kejiao.platform.KejiaoException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the servlet container forwards to when nothing else handled a failure (an unknown path, a request refused
 * by a filter, an exception that left the dispatcher): a problem detail for every path of the API, whatever the
 * caller accepts, and a page in the user's language for everything else. A request refused before Spring MVC
 * ({@link #reject}) keeps its own status and code.
 */
@Controller
class KejiaoErrorController implements org.springframework.boot.webmvc.error.ErrorController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KejiaoErrorController.class);

	/** The request attribute that carries a refusal from a filter to this controller. */
	static final String REFUSAL = KejiaoErrorController.class.getName() + ".refusal";

	private final Problems problems;

	KejiaoErrorController(Problems problems) {
		this.problems = problems;
	}

	/** Refuses a request from a filter: the error page answers it with the refusal's status and code. */
	static void reject(HttpServletRequest request, HttpServletResponse response, KejiaoException refusal)
			throws IOException {
		request.setAttribute(REFUSAL, refusal);
		response.sendError(refusal.status().value());
	}

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	@Nullable
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		KejiaoException failure = failure(request);
		if (isApi(request)) {
			problems.write(response, problem(failure, request));
			return null;
		}
		String incident = incident(failure.status(), request);
		return PageExceptionHandler.page(failure.status(), problems.message(failure.code(), args(failure, incident), request),
				failure.code(), failure.status().is5xxServerError() ? incident : null, response);
	}

	@RequestMapping("/error")
	ResponseEntity<Object> problem(HttpServletRequest request) {
		KejiaoException failure = failure(request);
		return ResponseEntity.status(failure.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.asMap(problem(failure, request)));
	}

	private ProblemDetail problem(KejiaoException failure, HttpServletRequest request) {
		String incident = incident(failure.status(), request);
		ProblemDetail problem = problems.create(failure.status(), failure.code(), args(failure, incident), request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			try {
				problem.setInstance(java.net.URI.create(uri.toString()));
			}
			catch (IllegalArgumentException ex) {
				problem.setInstance(null);
			}
		}
		if (failure.status().is5xxServerError()) {
			problem.setProperty("incident", incident);
		}
		return problem;
	}

	private static Object[] args(KejiaoException failure, String incident) {
		return failure.status().is5xxServerError() ? new Object[] { incident } : failure.args();
	}

	/**
	 * The failure to answer: the refusal of a filter, else what {@link RequestFailures} makes of the exception
	 * that reached the container, else the status the container was given.
	 */
	private static KejiaoException failure(HttpServletRequest request) {
		if (request.getAttribute(REFUSAL) instanceof KejiaoException refusal) {
			return refusal;
		}
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
			var known = RequestFailures.of(thrown);
			if (known.isPresent()) {
				return known.get();
			}
		}
		HttpStatus status = status(request);
		return new KejiaoException(status, codeFor(status));
	}

	/** Whether the request that failed was one of the API's, which always answers with a problem. */
	static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null ? uri.toString().startsWith(request.getContextPath() + "/api/") : Problems.isApiRequest(request);
	}

	/** A failure that reached the container (one in rendering a page, say) is logged under an incident id. */
	private static String incident(HttpStatus status, HttpServletRequest request) {
		if (!status.is5xxServerError()) {
			return "-";
		}
		Object existing = request.getAttribute(KejiaoErrorController.class.getName() + ".incident");
		if (existing instanceof String id) {
			return id;
		}
		String incident = java.util.UUID.randomUUID().toString();
		request.setAttribute(KejiaoErrorController.class.getName() + ".incident", incident);
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
			case NOT_ACCEPTABLE -> "request.not-acceptable";
			case PAYLOAD_TOO_LARGE -> "request.too-large";
			case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "request.too-long";
			default -> status.is5xxServerError() ? "internal" : "request.invalid";
		};
	}
}
