package cn.kejiao.platform;

import org.springframework.http.HttpStatus;

/**
 * A failure the user can act on. The {@code code} is stable (clients may switch on it); the message is
 * looked up in the message bundles under {@code error.<code>} in the user's language, with {@code args}.
 */
public class KejiaoException extends RuntimeException {

	private final String code;
	private final HttpStatus status;
	private final transient Object[] args;
	private final transient java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

	public KejiaoException(HttpStatus status, String code, Object... args) {
		super(code);
		this.code = code;
		this.status = status;
		this.args = args;
	}

	public static KejiaoException notFound(String code, Object... args) {
		return new KejiaoException(HttpStatus.NOT_FOUND, code, args);
	}

	public static KejiaoException invalid(String code, Object... args) {
		return new KejiaoException(HttpStatus.BAD_REQUEST, code, args);
	}

	public static KejiaoException conflict(String code, Object... args) {
		return new KejiaoException(HttpStatus.CONFLICT, code, args);
	}

	public static KejiaoException forbidden(String code, Object... args) {
		return new KejiaoException(HttpStatus.FORBIDDEN, code, args);
	}

	/** Adds a detail a client can read from the problem besides the message (the interval that clashed, ...). */
	public KejiaoException with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	/** The details added with {@link #with}, in the order they were added. */
	public java.util.Map<String, Object> properties() {
		return java.util.Collections.unmodifiableMap(properties);
	}

	public String code() {
		return code;
	}

	public HttpStatus status() {
		return status;
	}

	public Object[] args() {
		return args.clone();
	}

	public String messageKey() {
		return "error." + code;
	}
}
