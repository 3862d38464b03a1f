package cn.kejiao.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watchers of a lot's live stream ({@code GET /api/v1/auctions/{lotId}/events}, server-sent events), each on its own
 * connection and virtual thread, as browsers on the lot page are. For every {@code bid} event a watcher notes the
 * event's bid count and the instant it arrived; the event's own {@code at} (when the server accepted the bid) is kept
 * once per bid count. A stream that ends is opened again (with Last-Event-ID when events carry ids) and counted.
 */
final class SseWatchers implements AutoCloseable {

	/** What one watcher received: bid counts and arrival instants (microseconds since the epoch), in arrival order. */
	static final class Watcher {

		private long[] bidCounts = new long[256];
		private long[] arrivals = new long[256];
		private int size;
		volatile boolean connected;
		String lastEventId;

		synchronized void add(long bidCount, long arrivalMicros) {
			if (size == bidCounts.length) {
				bidCounts = Arrays.copyOf(bidCounts, size * 2);
				arrivals = Arrays.copyOf(arrivals, size * 2);
			}
			bidCounts[size] = bidCount;
			arrivals[size] = arrivalMicros;
			size++;
		}

		synchronized int size() {
			return size;
		}

		synchronized long bidCount(int i) {
			return bidCounts[i];
		}

		synchronized long arrival(int i) {
			return arrivals[i];
		}
	}

	final List<Watcher> watchers = new ArrayList<>();
	/** The server's acceptance instant of each bid count, microseconds since the epoch. */
	final Map<Long, Long> acceptedAt = new ConcurrentHashMap<>();
	final AtomicInteger reopened = new AtomicInteger();
	final AtomicInteger failures = new AtomicInteger();
	final Set<String> otherEvents = ConcurrentHashMap.newKeySet();
	volatile String sample;
	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
	private volatile boolean closing;

	/**
	 * Opens {@code count} streams of the lot (a token of the bidders each, round robin) and returns once every one has
	 * its response headers, or after a minute.
	 */
	static SseWatchers open(String base, String lotId, List<String> tokens, int count) throws InterruptedException {
		SseWatchers lot = new SseWatchers();
		CountDownLatch opened = new CountDownLatch(count);
		String url = base + "/api/v1/auctions/" + lotId + "/events";
		for (int i = 0; i < count; i++) {
			Watcher watcher = new Watcher();
			lot.watchers.add(watcher);
			String token = tokens.get(i % tokens.size());
			lot.threads.submit(() -> lot.watch(watcher, url, token, opened));
		}
		if (!opened.await(60, TimeUnit.SECONDS)) {
			System.err.println("watchers: " + opened.getCount() + " of " + count + " streams not open after 60 s");
		}
		return lot;
	}

	long connectedCount() {
		return watchers.stream().filter(w -> w.connected).count();
	}

	private void watch(Watcher watcher, String url, String token, CountDownLatch opened) {
		boolean first = true;
		while (!closing) {
			try {
				HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
				connection.setRequestProperty("Authorization", "Bearer " + token);
				connection.setRequestProperty("Accept", "text/event-stream");
				if (watcher.lastEventId != null) {
					connection.setRequestProperty("Last-Event-ID", watcher.lastEventId);
				}
				connection.setConnectTimeout(30_000);
				int status = connection.getResponseCode();
				if (status != 200) {
					throw new IOException("events: " + status);
				}
				watcher.connected = true;
				if (first) {
					opened.countDown();
					first = false;
				}
				read(watcher, connection);
			}
			catch (IOException | RuntimeException ex) {
				if (!closing && failures.incrementAndGet() <= 3) {
					System.err.println("watcher: " + ex);
				}
			}
			watcher.connected = false;
			if (!closing) {
				reopened.incrementAndGet();
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}

	private void read(Watcher watcher, HttpURLConnection connection) throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
			String event = null;
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (data.length() > 0) {
						dispatch(watcher, event == null ? "message" : event, data.toString());
					}
					event = null;
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					event = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					if (data.length() > 0) {
						data.append('\n');
					}
					data.append(line.substring(5).strip());
				}
				else if (line.startsWith("id:")) {
					watcher.lastEventId = line.substring(3).strip();
				}
			}
		}
	}

	private void dispatch(Watcher watcher, String event, String data) {
		long arrival = micros(Instant.now());
		if (!"bid".equals(event)) {
			if (!"lot".equals(event)) { // the lot as it is when the stream opens
				otherEvents.add(event);
			}
			return;
		}
		if (sample == null) {
			sample = data;
		}
		long bidCount = Long.parseLong(field(data, "bidCount"));
		watcher.add(bidCount, arrival);
		acceptedAt.computeIfAbsent(bidCount, n -> micros(Instant.parse(field(data, "at"))));
	}

	/** A top-level field of the event's JSON, without parsing all of it (the watchers share the server's cores). */
	static String field(String json, String name) {
		int key = json.indexOf("\"" + name + "\"");
		if (key < 0) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		int start = json.indexOf(':', key) + 1;
		while (json.charAt(start) == ' ') {
			start++;
		}
		if (json.charAt(start) == '"') {
			return json.substring(start + 1, json.indexOf('"', start + 1));
		}
		int end = start;
		while (end < json.length() && ",}] ".indexOf(json.charAt(end)) < 0) {
			end++;
		}
		return json.substring(start, end);
	}

	static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	/**
	 * Closes every stream: each watcher's virtual thread is interrupted, which closes the socket it reads from
	 * (HttpURLConnection.disconnect would wait for the lock the blocked read holds).
	 */
	@Override
	public void close() {
		closing = true;
		threads.shutdownNow();
		try {
			if (!threads.awaitTermination(20, TimeUnit.SECONDS)) {
				System.err.println("watchers: some streams did not close within 20 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
