package cn.kejiao.booking.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import cn.kejiao.booking.BookingView;
import cn.kejiao.booking.Bookings;
import cn.kejiao.booking.CalendarGrid;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.voucher.GrantView;
import cn.kejiao.voucher.VoucherGrants;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The booking calendar on an instrument's catalog page, loaded there by htmx from this module's own address (the
 * catalog knows nothing of booking): a week or a day of free, taken and closed slots, moving by weeks; a free slot
 * picked opens the booking form in place, and the booking made is confirmed in place. Visitors see the same calendar
 * and are asked to sign in, which brings them back to the slot they picked.
 */
@Controller
class CalendarPageController {

	static final String FRAGMENT = "booking/calendar :: calendar";

	/** What the booking form sends: the start (China time, 2026-12-08T09:00), how long, why, how to pay, how often. */
	record BookingForm(@Nullable String start, @Nullable Integer minutes, @Nullable String purpose,
			@Nullable UUID grantId, @Nullable Integer repeat, @Nullable String view) {
	}

	private final CalendarGrid grid;
	private final Bookings bookings;
	private final VoucherGrants grants;
	private final Problems problems;
	private final Clock clock;

	CalendarPageController(CalendarGrid grid, Bookings bookings, VoucherGrants grants, Problems problems, Clock clock) {
		this.clock = clock;
		this.grid = grid;
		this.bookings = bookings;
		this.grants = grants;
		this.problems = problems;
	}

	@GetMapping("/instruments/{id}/calendar")
	String calendar(@PathVariable UUID id, @RequestParam(required = false) @Nullable String week,
			@RequestParam(required = false) @Nullable String day, @RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable Integer minutes, @RequestParam(required = false) @Nullable String view,
			@RequestHeader(name = "HX-Current-URL", required = false) @Nullable String page, Model model) {
		if (start == null && week == null && day == null && page != null) {
			// first loaded into the instrument's page: the slot that page's address names (from the free-slot search,
			// or back from signing in)
			MultiValueMap<String, String> asked = UriComponentsBuilder.fromUriString(page).build().getQueryParams();
			start = asked.getFirst("start") == null ? null
					: UriUtils.decode(asked.getFirst("start"), java.nio.charset.StandardCharsets.UTF_8);
			minutes = minutes(asked.getFirst("minutes"));
		}
		@Nullable Instant selected = start == null || start.isBlank() ? null : startOf(start);
		LocalDate shown = date(day, selected != null ? selected.atZone(ChinaTime.ZONE).toLocalDate() : date(week, today()));
		fill(model, id, shown, view, selected, new BookingForm(start, minutes, null, null, 1, view));
		return FRAGMENT;
	}

	/** Signing in to book: the login page comes back here, and here goes back to the instrument's page at the slot. */
	@GetMapping("/instruments/{id}/booking")
	String signedInToBook(@PathVariable UUID id, @RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable Integer minutes) {
		Actors.require();
		UriComponentsBuilder to = UriComponentsBuilder.fromPath("/catalog/entries/{id}");
		if (start != null && !start.isBlank()) {
			startOf(start);
			to.queryParam("start", start.strip());
		}
		if (minutes != null) {
			to.queryParam("minutes", minutes);
		}
		return "redirect:" + to.fragment("booking-calendar").buildAndExpand(id).toUriString();
	}

	@PostMapping("/instruments/{id}/bookings")
	String book(@PathVariable UUID id, @ModelAttribute BookingForm form, Model model, HttpServletRequest request) {
		Actors.require();
		@Nullable Instant start = null;
		try {
			if (form.start() == null || form.start().isBlank()) {
				throw KejiaoException.invalid("booking.time-required", "start");
			}
			start = startOf(form.start());
			if (form.minutes() == null || form.minutes() < 1) {
				throw KejiaoException.invalid("booking.minutes-required");
			}
			Bookings.Request wanted = new Bookings.Request(id, start, start.plusSeconds(form.minutes() * 60L),
					form.purpose(), form.grantId());
			int repeat = form.repeat() == null ? 1 : form.repeat();
			List<BookingView> made = repeat > 1 ? bookings.requestSeries(wanted, 7, repeat) : List.of(bookings.request(wanted));
			model.addAttribute("booked", made);
			LocalDate day = start.atZone(ChinaTime.ZONE).toLocalDate();
			fill(model, id, day, form.view(), null, new BookingForm(null, null, null, null, 1, form.view()));
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.message(ex.code(), ex.args(), request));
			LocalDate day = start == null ? today() : start.atZone(ChinaTime.ZONE).toLocalDate();
			fill(model, id, day, form.view(), start, form);
		}
		return FRAGMENT;
	}

	private void fill(Model model, UUID id, LocalDate day, @Nullable String view, @Nullable Instant selected,
			BookingForm form) {
		@Nullable Actor actor = Actors.current().orElse(null);
		CalendarGrid.Week week = grid.week(id, day);
		boolean dayView = "day".equals(view);
		model.addAttribute("week", week);
		model.addAttribute("view", dayView ? "day" : "week");
		model.addAttribute("day", day);
		model.addAttribute("days", dayView ? week.days().stream().filter(d -> d.date().equals(day)).toList() : week.days());
		model.addAttribute("selected", selected);
		model.addAttribute("form", form);
		model.addAttribute("grants", actor == null || actor.organisationId() == null || actor.isRegionAdmin()
				|| actor.isPlatformAdmin() ? List.<GrantView>of()
						: grants.grants(actor).stream().filter(g -> "ACTIVE".equals(g.state())).toList());
	}

	private static @Nullable Integer minutes(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A slot's start as the calendar writes it: China time to the minute. */
	static Instant startOf(String text) {
		try {
			return LocalDateTime.parse(text.strip()).atZone(ChinaTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("booking.time-invalid", "start", text);
		}
	}

	private static LocalDate date(@Nullable String text, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("booking.time-invalid", "day", text);
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}
}
