package cn.kejiao.booking.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.kejiao.booking.BookingFeeds;

/**
 * Bookings for calendar apps (iCalendar): one's own bookings with the session, the same at a private address for
 * apps that cannot sign in (its page shows the address and makes a new one), and an instrument's bookings for its
 * owner.
 */
@Controller
class BookingFeedPageController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final BookingFeeds feeds;

	BookingFeedPageController(BookingFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/bookings.ics")
	ResponseEntity<String> mine() {
		return calendar(feeds.mine(), "bookings.ics");
	}

	@GetMapping("/instruments/{id}/bookings.ics")
	ResponseEntity<String> instrument(@PathVariable UUID id) {
		return calendar(feeds.instrument(id), "instrument-bookings.ics");
	}

	/** The private feed: no session, the token is the key. */
	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> byToken(@PathVariable String token) {
		return calendar(feeds.byToken(token), "bookings.ics");
	}

	@GetMapping("/bookings/feed")
	String feed(Model model) {
		model.addAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/calendar/{token}.ics").buildAndExpand(feeds.token()).toUriString());
		return "booking/feed";
	}

	@PostMapping("/bookings/feed")
	String renew(RedirectAttributes redirect) {
		feeds.renewToken();
		redirect.addFlashAttribute("message", "renewed");
		return "redirect:/bookings/feed";
	}

	private static ResponseEntity<String> calendar(String ics, String name) {
		return ResponseEntity.ok().contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(ics);
	}
}
