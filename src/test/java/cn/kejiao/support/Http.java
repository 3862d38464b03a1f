package cn.kejiao.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the running application: JSON calls to the API (optionally with a bearer
 * token and a language), and a browser-like session with cookies and CSRF tokens for the web pages.
 */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;
	private final HttpClient client;
	private String token;
	private String language;
	private String accept;

	private Http(String base, HttpClient client) {
		this.base = base;
		this.client = client;
	}

	/** A client without cookies, for the API. */
	public static Http api(int port) {
		return new Http("http://localhost:" + port,
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build());
	}

	/**
	 * A client without cookies whose requests come from another loopback address ({@code 127.0.0.2},
	 * {@code 127.0.0.3}, …): as the server sees it, another client machine.
	 */
	public static Http apiFrom(int port, String loopbackAddress) {
		try {
			return new Http("http://127.0.0.1:" + port, HttpClient.newBuilder()
				.localAddress(java.net.InetAddress.getByName(loopbackAddress)).connectTimeout(Duration.ofSeconds(10))
				.followRedirects(HttpClient.Redirect.NEVER).build());
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException(loopbackAddress, ex);
		}
	}

	/** A client that keeps cookies and asks for HTML like a browser, for the pages. */
	public static Http browser(int port) {
		Http http = new Http("http://localhost:" + port, HttpClient.newBuilder().cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build());
		http.accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
		return http;
	}

	/** An API client signed in with a bearer token for the user. */
	public static Http as(int port, String username) {
		return as(port, username, "kejiao-demo");
	}

	/** An API client signed in with a bearer token for the user with this password. */
	public static Http as(int port, String username, String password) {
		Http http = api(port);
		Response response = http.post("/api/v1/auth/tokens", Map.of("username", username, "password", password));
		if (response.status() != 201) {
			throw new IllegalStateException("could not get a token for " + username + ": " + response.body());
		}
		http.token = response.json().get("token").asString();
		return http;
	}

	/** The bearer token this client signs in with, for a client of another kind. */
	public String token() {
		return token;
	}

	public Http language(String language) {
		this.language = language;
		return this;
	}

	public Http token(String token) {
		this.token = token;
		return this;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response send(String method, String path, String contentType, String body) {
		HttpRequest.Builder builder = request(path);
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts JSON with one extra header (an Idempotency-Key, say). */
	public Response sendWith(String method, String path, String body, String header, String value) {
		return send(request(path).header("Content-Type", "application/json").header(header, value)
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts a multipart form with one file in the field "file", as an upload form or a script would. */
	public Response upload(String path, Map<String, String> fields, String fileName, byte[] content) {
		return upload(path, fields, "file", fileName, content);
	}

	/** The CSRF token of the form on a page, as a browser would send it back. */
	public String csrf(String formPage) {
		String token = csrfIn(get(formPage).body());
		if (token == null) {
			throw new IllegalStateException("no CSRF token on " + formPage);
		}
		return token;
	}

	private static @org.jspecify.annotations.Nullable String csrfIn(String page) {
		Matcher matcher = CSRF.matcher(page);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** Posts a multipart form with one file in the given field. */
	public Response upload(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
		String boundary = "----kejiao" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> field : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
						+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** The raw bytes of a GET, for downloads. */
	public byte[] download(String path) {
		try {
			HttpResponse<byte[]> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("download " + path + ": " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Posts a form as a browser would, with the CSRF token read from the page at {@code formPage}. */
	public Response submitForm(String formPage, String action, Map<String, String> fields) {
		String token = csrfIn(get(formPage).body());
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (token != null) {
			all.put("_csrf", token);
		}
		String form = all.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** Signs in through the login form; the session cookie is kept for later requests. */
	public Response login(String username, String password) {
		return submitForm("/login", "/login", Map.of("username", username, "password", password));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		if (language != null) {
			builder.header("Accept-Language", language);
		}
		if (accept != null) {
			builder.header("Accept", accept);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String body, String contentType, String location) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		/** The stable code of a problem detail. */
		public String code() {
			JsonNode code = json().get("code");
			return code == null ? null : code.asString();
		}
	}
}
