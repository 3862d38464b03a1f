package cn.kejiao.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The benchmarks' HTTP client: blocking, on kept-alive connections (HttpURLConnection), as wrk or ab would be.
 * java.net.http's selector and executor threads hand every request over twice, on the two cores the server
 * also needs: about 2 ms per request at the median.
 */
final class BlockingHttp {

	private BlockingHttp() {
	}

	/**
	 * Sends a request (with a JSON body when {@code json} is given) and reads the answer to the end; anything
	 * but 200 is an error. {@code headers} are name, value pairs.
	 */
	static String send(String method, String url, @Nullable String token, @Nullable String json, String... headers)
			throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		connection.setRequestMethod(method);
		if (token != null) {
			connection.setRequestProperty("Authorization", "Bearer " + token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			connection.setRequestProperty(headers[i], headers[i + 1]);
		}
		if (json != null) {
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			try (var body = connection.getOutputStream()) {
				body.write(json.getBytes(StandardCharsets.UTF_8));
			}
		}
		int status = connection.getResponseCode();
		try (var answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
			String text = answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8);
			if (status != 200) {
				throw new IllegalStateException(method + " " + url + ": " + status + " " + text);
			}
			return text;
		}
	}
}
