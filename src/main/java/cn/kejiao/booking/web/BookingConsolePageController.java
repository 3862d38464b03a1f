package cn.kejiao.booking.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.booking.BookingState;
import cn.kejiao.booking.BookingView;
import cn.kejiao.booking.Bookings;
import cn.kejiao.booking.Samples;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The owner's booking console: the requests to approve or reject, today's and the coming bookings to check in,
 * the use to record and bill, no-shows and cancellations, the samples received and sent back; and its instruments,
 * each leading to its booking rules.
 */
@Controller
@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
class BookingConsolePageController {

	static final String CONSOLE = "/bookings/console";

	private final Bookings bookings;
	private final Samples samples;
	private final Catalog catalog;
	private final Problems problems;
	private final Clock clock;

	BookingConsolePageController(Bookings bookings, Samples samples, Catalog catalog, Problems problems, Clock clock) {
		this.bookings = bookings;
		this.samples = samples;
		this.catalog = catalog;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping(CONSOLE)
	String console(Model model) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Instant tomorrow = today.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
		List<BookingView> all = bookings.ofMyInstruments(List.of(), now.minus(Duration.ofDays(30)));
		model.addAttribute("queue", all.stream().filter(b -> b.state() == BookingState.REQUESTED && b.end().isAfter(now))
			.toList());
		model.addAttribute("current", all.stream().filter(b -> b.start().isBefore(tomorrow) && (b.state() == BookingState.APPROVED
				|| b.state() == BookingState.CHECKED_IN || b.state() == BookingState.USED)).toList());
		model.addAttribute("upcoming", all.stream().filter(b -> !b.start().isBefore(tomorrow)
				&& (b.state() == BookingState.APPROVED || b.state() == BookingState.CHECKED_IN)).toList());
		model.addAttribute("recent", all.stream().filter(b -> !b.state().holdsTime() || b.state() == BookingState.BILLED)
			.filter(b -> b.state() != BookingState.REQUESTED).sorted(Comparator.comparing(BookingView::start).reversed())
			.limit(30).toList());
		model.addAttribute("samples", samples.ofBookings(all.stream().map(BookingView::id).toList()));
		model.addAttribute("instruments", catalog.mine(EntryType.INSTRUMENT));
		model.addAttribute("now", now);
		return "booking/console";
	}

	@PostMapping(CONSOLE + "/{id}/{step:approve|check-in|no-show|bill}")
	String step(@PathVariable UUID id, @PathVariable String step, RedirectAttributes redirect,
			HttpServletRequest request) {
		return done(() -> switch (step) {
			case "approve" -> bookings.approve(id);
			case "check-in" -> bookings.checkIn(id);
			case "no-show" -> bookings.noShow(id);
			default -> bookings.bill(id);
		}, id, step, redirect, request);
	}

	@PostMapping(CONSOLE + "/{id}/{step:reject|cancel}")
	String withReason(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect, HttpServletRequest request) {
		return done(() -> step.equals("reject") ? bookings.reject(id, reason) : bookings.cancel(id, reason), id, step,
				redirect, request);
	}

	/** The use as the owner records it, in China time; billed at once unless "bill now" is unticked. */
	@PostMapping(CONSOLE + "/{id}/use")
	String use(@PathVariable UUID id, @RequestParam(required = false) @Nullable String actualStart,
			@RequestParam(required = false) @Nullable String actualEnd,
			@RequestParam(required = false) @Nullable String quantity,
			@RequestParam(required = false) @Nullable String billNow, RedirectAttributes redirect,
			HttpServletRequest request) {
		return done(() -> {
			BookingView used = bookings.complete(id, local(actualStart, "actualStart"), local(actualEnd, "actualEnd"),
					number(quantity));
			return billNow == null ? used : bookings.bill(id);
		}, id, billNow == null ? "use" : "use-bill", redirect, request);
	}

	@PostMapping(CONSOLE + "/{id}/sample/received")
	String received(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes redirect, HttpServletRequest request) {
		return done(() -> samples.received(id, note), id, "sample-received", redirect, request);
	}

	@PostMapping(CONSOLE + "/{id}/sample/returned")
	String returned(@PathVariable UUID id, @RequestParam(required = false) @Nullable String returnedOn,
			@RequestParam(required = false) @Nullable String returnTracking, RedirectAttributes redirect,
			HttpServletRequest request) {
		return done(() -> samples.returned(id, BookingOwnerApiController.date(returnedOn, "returnedOn"), returnTracking),
				id, "sample-returned", redirect, request);
	}

	private String done(java.util.function.Supplier<?> step, UUID id, String what, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			step.get();
			redirect.addFlashAttribute("message", what);
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			redirect.addFlashAttribute("failed", id);
		}
		return "redirect:" + CONSOLE + "#booking-" + id;
	}

	/** A time typed in a datetime-local field: China time. */
	static @Nullable Instant local(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(ChinaTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("booking.time-invalid", field, text.strip());
		}
	}

	private static @Nullable BigDecimal number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", "quantity");
		}
	}
}
