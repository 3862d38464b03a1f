package cn.kejiao.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details: a stable {@code code} property, a title and a detail in the request's
 * language. Used by the exception handlers, the error controller and the security entry points alike, so
 * every error of the API has one shape.
 */
@Component
public class Problems {

	public static final String TYPE_PREFIX = "https://kejiao.cn/problems/";

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final JsonMapper json;

	Problems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	public ProblemDetail create(HttpStatusCode status, String code, Object[] args, HttpServletRequest request) {
		Locale locale = locales.resolveLocale(request);
		String detail = messages.getMessage("error." + code, args, null, locale);
		if (detail == null) {
			detail = messages.getMessage("error.request.invalid", null, "Invalid request", locale);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + code));
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle(messages.getMessage("status." + status.value(), null,
				known != null ? known.getReasonPhrase() : "Error", locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("code", code);
		return problem;
	}

	public String message(String code, Object[] args, HttpServletRequest request) {
		Locale locale = locales.resolveLocale(request);
		return messages.getMessage("error." + code, args, code, locale);
	}

	/**
	 * The refusal of a form that did not bind: the first field that is missing or cannot be read, named, so
	 * every page words it alike. Bad input, so {@link #refusal} shows it on the form.
	 */
	public static cn.kejiao.platform.KejiaoException notBound(org.springframework.validation.Errors binding) {
		org.springframework.validation.FieldError error = binding.getFieldError();
		String field = error == null ? "" : error.getField();
		Object value = error == null ? null : error.getRejectedValue();
		return cn.kejiao.platform.KejiaoException.invalid(value == null || value.toString().isBlank()
				? "request.missing-parameter" : "request.invalid-parameter", field);
	}

	/**
	 * A page step's refusal, in the reader's language, to show on the page the step came from; a 404 or 403 is
	 * thrown on instead, to be shown as a page of its own (the rule is in {@link PageExceptionHandler}).
	 */
	public String refusal(cn.kejiao.platform.KejiaoException ex, HttpServletRequest request) {
		if (PageExceptionHandler.isPageOfItsOwn(ex.status())) {
			throw ex;
		}
		return message(ex.code(), ex.args(), request);
	}

	/**
	 * Runs a page's step and goes back to the page: "saved" on success, the refusal in the reader's language
	 * otherwise ({@link #refusal}: what is missing or forbidden is a page of its own).
	 */
	public String step(java.util.function.Supplier<?> step, String back,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, HttpServletRequest request) {
		try {
			step.get();
			redirect.addFlashAttribute("message", "saved");
		}
		catch (cn.kejiao.platform.KejiaoException ex) {
			redirect.addFlashAttribute("error", refusal(ex, request));
		}
		return "redirect:" + back;
	}

	/**
	 * {@link #step} for a bound form: a form that did not bind goes back to its page naming the first field that
	 * is missing or malformed ({@link #notBound}), and the step is not run.
	 */
	public String step(org.springframework.validation.Errors binding, java.util.function.Supplier<?> step, String back,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, HttpServletRequest request) {
		return binding.hasErrors() ? refused(binding, back, redirect, request) : step(step, back, redirect, request);
	}

	/** A form that did not bind goes back to its page, naming the first field that is missing or malformed. */
	public String refused(org.springframework.validation.Errors binding, String back,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, HttpServletRequest request) {
		redirect.addFlashAttribute("error", refusal(notBound(binding), request));
		return "redirect:" + back;
	}

	/**
	 * {@link #step} for a form with one optional file: the file (name and bytes, both null when none was
	 * chosen) goes to the step; one larger than {@code maxBytes} is refused with {@code tooLargeCode} (its
	 * argument the limit in MB) and nothing is done.
	 */
	public String stepWithFile(org.springframework.web.multipart.@org.jspecify.annotations.Nullable MultipartFile file,
			long maxBytes, String tooLargeCode, java.util.function.BiFunction<String, byte[], ?> step, String back,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, HttpServletRequest request)
			throws IOException {
		byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
		if (content != null && content.length > maxBytes) {
			redirect.addFlashAttribute("error", message(tooLargeCode, new Object[] { maxBytes / 1024 / 1024 }, request));
			return "redirect:" + back;
		}
		String name = content == null ? null : file.getOriginalFilename();
		return step(() -> step.apply(name, content), back, redirect, request);
	}

	public String text(String key, Object[] args, String defaultMessage, HttpServletRequest request) {
		Locale locale = locales.resolveLocale(request);
		String text = messages.getMessage(key, args, defaultMessage, locale);
		return text != null ? text : defaultMessage;
	}

	/** Writes a problem straight to the response, for filters that run before Spring MVC. */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), asMap(problem));
	}

	public static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

	public static boolean isApiRequest(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.startsWith(request.getContextPath() + "/api/");
	}
}
