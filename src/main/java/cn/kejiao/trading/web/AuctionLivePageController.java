package cn.kejiao.trading.web;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.RequestContextUtils;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The live part of the lot page as server-sent events for htmx's SSE extension: a {@code lot} event with the part's
 * HTML (leading amount, leader, bids, close time, result, history) when the page connects and after every change.
 */
@Controller
class AuctionLivePageController {

	private final LotLiveStreams streams;

	AuctionLivePageController(LotLiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/auctions/lots/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter live(@PathVariable UUID id, HttpServletRequest request) {
		return streams.open(id, RequestContextUtils.getLocale(request));
	}
}
