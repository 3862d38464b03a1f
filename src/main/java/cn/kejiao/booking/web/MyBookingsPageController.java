package cn.kejiao.booking.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.BookingState;
import cn.kejiao.booking.BookingView;
import cn.kejiao.booking.Bookings;
import cn.kejiao.booking.Mode;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * "My bookings": what the booker's organisation booked, upcoming first then past, each with its state in words, its
 * time in China time, its fee, until when it may be cancelled, and the cancel and check-in buttons when they apply.
 */
@Controller
class MyBookingsPageController {

	/** A booking on the page: until when its booker may cancel it, whether it may be cancelled or checked in now. */
	record Row(BookingView booking, Instant cancelBy, boolean cancellable, boolean checkIn) {
	}

	private final Bookings bookings;
	private final BookingRules rules;
	private final Problems problems;
	private final Clock clock;

	MyBookingsPageController(Bookings bookings, BookingRules rules, Problems problems, Clock clock) {
		this.bookings = bookings;
		this.rules = rules;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/bookings")
	String mine(Model model) {
		Actors.require();
		Instant now = clock.instant();
		Map<UUID, Integer> cancelHours = new HashMap<>();
		List<Row> rows = bookings.mine(null).stream().map(b -> {
			int hours = cancelHours.computeIfAbsent(b.instrumentId(), id -> rules.rules(id).cancelHours());
			Instant cancelBy = b.start().minus(Duration.ofHours(hours));
			boolean checkIn = b.state().allows(BookingState.Step.CHECK_IN) && b.mode() != Mode.SAMPLE
					&& !now.isBefore(b.start().minus(Duration.ofMinutes(30))) && !now.isAfter(b.end());
			return new Row(b, cancelBy, b.state().allows(BookingState.Step.CANCEL), checkIn);
		}).toList();
		model.addAttribute("upcoming", rows.stream().filter(r -> r.booking().end().isAfter(now)).toList());
		model.addAttribute("past", rows.stream().filter(r -> !r.booking().end().isAfter(now))
			.sorted((a, b) -> b.booking().start().compareTo(a.booking().start())).limit(100).toList());
		return "booking/mine";
	}

	@PostMapping("/bookings/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> bookings.cancel(id, reason), "cancelled", id, redirect, request);
	}

	@PostMapping("/bookings/{id}/check-in")
	String checkIn(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> bookings.checkIn(id), "checked-in", id, redirect, request);
	}

	private String step(java.util.function.Supplier<BookingView> step, String done, UUID id, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			BookingView booking = step.get();
			redirect.addFlashAttribute("message", done);
			redirect.addFlashAttribute("number", booking.number());
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			redirect.addFlashAttribute("failed", id);
		}
		return "redirect:/bookings";
	}
}
