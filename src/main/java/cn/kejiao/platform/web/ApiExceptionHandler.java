package cn.kejiao.platform.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.kejiao.platform.KejiaoException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every failure of a REST controller becomes a problem detail with a stable {@code code}: wrong input is a
 * 4xx the client can fix, never a 500; an unexpected failure is logged with an incident id that the
 * problem carries, and no stack trace reaches the client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final Problems problems;

	ApiExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(KejiaoException.class)
	ResponseEntity<Object> kejiao(KejiaoException ex, NativeWebRequest request) {
		ResponseEntity<Object> response = respond(ex.status(), ex.code(), ex.args(), request);
		if (!ex.properties().isEmpty() && response.getBody() instanceof ProblemDetail problem) {
			ex.properties().forEach(problem::setProperty);
		}
		return response;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> denied(AccessDeniedException ex, NativeWebRequest request) {
		return respond(HttpStatus.FORBIDDEN, "auth.forbidden", new Object[0], request);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException ex, NativeWebRequest request) {
		return respond(HttpStatus.UNAUTHORIZED, "auth.required", new Object[0], request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrent(OptimisticLockingFailureException ex, NativeWebRequest request) {
		return respond(HttpStatus.CONFLICT, "request.concurrent-change", new Object[0], request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex, NativeWebRequest request) {
		var refused = RequestFailures.of(ex);
		if (refused.isPresent()) {
			return kejiao(refused.get(), request);
		}
		log.info("Rejected by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return respond(HttpStatus.CONFLICT, "request.conflict", new Object[0], request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, NativeWebRequest request) {
		var refused = RequestFailures.of(ex);
		if (refused.isPresent()) {
			return kejiao(refused.get(), request);
		}
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected failure, incident {}", incident, ex);
		ResponseEntity<Object> response = respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[] { incident }, request);
		if (response.getBody() instanceof ProblemDetail problem) {
			problem.setProperty("incident", incident);
		}
		return response;
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// A value type that refuses its JSON (an amount that is not a yuan string) says why in its own code.
		for (Throwable cause = ex.getCause(); ex instanceof HttpMessageNotReadableException && cause != null; cause = cause.getCause()) {
			if (cause instanceof KejiaoException known) {
				return kejiao(known, (NativeWebRequest) request);
			}
		}
		String code = switch (ex) {
			case HttpMessageNotReadableException e -> "request.malformed";
			case MethodArgumentNotValidException e -> "request.invalid-fields";
			case HandlerMethodValidationException e -> "request.invalid-fields";
			case TypeMismatchException e -> "request.invalid-parameter";
			case MissingServletRequestParameterException e -> "request.missing-parameter";
			case NoResourceFoundException e -> "request.not-found";
			case HttpRequestMethodNotSupportedException e -> "request.method-not-allowed";
			case HttpMediaTypeNotSupportedException e -> "request.unsupported-media-type";
			case HttpMediaTypeNotAcceptableException e -> "request.not-acceptable";
			case MaxUploadSizeExceededException e -> "request.too-large";
			default -> statusCode.is5xxServerError() ? "internal" : "request.invalid";
		};
		Object[] args = switch (ex) {
			case TypeMismatchException e -> new Object[] { e.getPropertyName() };
			case MissingServletRequestParameterException e -> new Object[] { e.getParameterName() };
			default -> new Object[0];
		};
		if (statusCode.is5xxServerError()) {
			log.error("Request failed", ex);
		}
		ResponseEntity<Object> response = respond(statusCode, code, args, request);
		if (ex instanceof MethodArgumentNotValidException invalid && response.getBody() instanceof ProblemDetail problem) {
			problem.setProperty("errors", fieldErrors(invalid.getBindingResult().getFieldErrors(), request));
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			headers = new HttpHeaders();
		}
		return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(response.getBody());
	}

	private List<Map<String, Object>> fieldErrors(List<FieldError> errors, WebRequest request) {
		HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		return errors.stream().map(error -> Map.<String, Object>of("field", error.getField(), "code",
				String.valueOf(error.getCode()), "message", fieldMessage(error, servletRequest))).toList();
	}

	private String fieldMessage(FieldError error, HttpServletRequest request) {
		return problems.text("error.field." + error.getCode(), new Object[] { error.getField() },
				String.valueOf(error.getDefaultMessage()), request);
	}

	private ResponseEntity<Object> respond(HttpStatusCode status, String code, Object[] args, WebRequest request) {
		HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		ProblemDetail problem = problems.create(status, code, args, servletRequest);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
