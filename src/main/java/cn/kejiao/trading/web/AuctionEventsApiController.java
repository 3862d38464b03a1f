package cn.kejiao.trading.web;

import cn.kejiao.platform.Actors;
import cn.kejiao.trading.AuctionQueries;
import cn.kejiao.trading.LotChange;
import cn.kejiao.trading.LotView;
import cn.kejiao.trading.LotWatchers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** The live stream of a lot: every new leading bid and the close, as server-sent events, on any node. */
@RestController
@Tag(name = "Auctions")
class AuctionEventsApiController {

	private static final long STREAM_FOR = Duration.ofHours(1).toMillis();

	private final AuctionQueries queries;
	private final LotWatchers watchers;
	private final JsonMapper mapper;
	private final AtomicReference<Written> last = new AtomicReference<>();
	/** Writes to the streams, so that the thread handing changes out never waits for a client. */
	private final Executor writers = Executors.newVirtualThreadPerTaskExecutor();

	AuctionEventsApiController(AuctionQueries queries, LotWatchers watchers, JsonMapper mapper) {
		this.queries = queries;
		this.watchers = watchers;
		this.mapper = mapper;
	}

	private record Written(LotChange change, String frame) {
	}

	/** A change is handed to every stream of its lot in turn: it is written out once, not once per stream. */
	private String frame(LotChange change) {
		Written written = last.get();
		if (written == null || written.change() != change) {
			written = new Written(change, LotEventStream.frame(change.kind(), Integer.toString(change.bidCount()),
					mapper.writeValueAsString(change)));
			last.set(written);
		}
		return written.frame();
	}

	@GetMapping(path = "/api/v1/auctions/{lotId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "A lot's live events (server-sent events)", description = "First a `lot` event with the lot as GET /auctions/{lotId} gives it; then a `bid` event for each new leading bid (lotId, bidCount, leadingAmount, leader, closesAt, at: the server's instant of acceptance) and a `closed` event (state SOLD or UNSOLD). The event id is the bid count; a comment every 20 s keeps the stream open.")
	SseEmitter events(@PathVariable UUID lotId) {
		SseEmitter emitter = new SseEmitter(STREAM_FOR);
		LotEventStream stream = new LotEventStream(emitter, writers);
		Runnable stop = watchers.watch(lotId, change -> send(stream, change), emitter::complete);
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError(error -> stop.run());
		try {
			LotView lot = queries.lot(lotId, Actors.current().orElse(null));
			stream.queue(LotEventStream.frame("lot", Integer.toString(lot.bidCount()), mapper.writeValueAsString(lot)));
		}
		catch (RuntimeException e) {
			stop.run();
			throw e;
		}
		return emitter;
	}

	private void send(LotEventStream stream, @Nullable LotChange change) {
		stream.queue(change == null ? LotEventStream.KEEP_ALIVE : frame(change));
	}
}
