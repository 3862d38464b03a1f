package cn.kejiao.trading.web;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One watcher's stream of a lot's events. The thread that hands a change to every watcher only queues its frame
 * here; a writer sends what has queued up in one write and one flush, so that a slow or busy stream never holds
 * up the others, and a stream that fell behind catches up with all it missed at once, in order.
 */
final class LotEventStream {

	private final SseEmitter emitter;
	private final Executor writers;
	private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
	private final AtomicBoolean writing = new AtomicBoolean();

	LotEventStream(SseEmitter emitter, Executor writers) {
		this.emitter = emitter;
		this.writers = writers;
	}

	/** An event as the stream carries it: {@code event:}, {@code id:} and one {@code data:} line, then a blank line. */
	static String frame(String name, String id, String json) {
		return "event:" + name + "\nid:" + id + "\ndata:" + json + "\n\n";
	}

	static final String KEEP_ALIVE = ":keep-alive\n\n";

	void queue(String frame) {
		pending.add(frame);
		if (writing.compareAndSet(false, true)) {
			writers.execute(this::write);
		}
	}

	private void write() {
		do {
			StringBuilder text = new StringBuilder();
			for (String frame; (frame = pending.poll()) != null;) {
				text.append(frame);
			}
			if (!text.isEmpty()) {
				try {
					emitter.send(raw(text.toString()));
				}
				catch (IOException | IllegalStateException e) {
					pending.clear();
					emitter.completeWithError(e);
					return;
				}
			}
			writing.set(false);
		}
		while (!pending.isEmpty() && writing.compareAndSet(false, true));
	}

	/** Text already in the stream's format, written as it is. */
	private static SseEmitter.SseEventBuilder raw(String text) {
		return new SseEmitter.SseEventBuilder() {

			@Override
			public SseEmitter.SseEventBuilder id(String id) {
				throw new UnsupportedOperationException();
			}

			@Override
			public SseEmitter.SseEventBuilder name(String eventName) {
				throw new UnsupportedOperationException();
			}

			@Override
			public SseEmitter.SseEventBuilder reconnectTime(long reconnectTimeMillis) {
				throw new UnsupportedOperationException();
			}

			@Override
			public SseEmitter.SseEventBuilder comment(String comment) {
				throw new UnsupportedOperationException();
			}

			@Override
			public SseEmitter.SseEventBuilder data(Object object) {
				throw new UnsupportedOperationException();
			}

			@Override
			public SseEmitter.SseEventBuilder data(Object object, MediaType mediaType) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Set<ResponseBodyEmitter.DataWithMediaType> build() {
				return Set.of(new ResponseBodyEmitter.DataWithMediaType(text, MediaType.TEXT_PLAIN));
			}
		};
	}
}
