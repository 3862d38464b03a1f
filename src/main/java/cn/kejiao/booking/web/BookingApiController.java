package cn.kejiao.booking.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.booking.Availability;
import cn.kejiao.booking.BookingView;
import cn.kejiao.booking.Bookings;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Instrument calendars and bookings: what the instrument page, "my bookings" and the owner's queue do. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Instrument booking")
class BookingApiController {

	private final Availability availability;
	private final Bookings bookings;

	BookingApiController(Availability availability, Bookings bookings) {
		this.availability = availability;
		this.bookings = bookings;
	}

	@GetMapping("/instruments/{id}/availability")
	@Operation(summary = "An instrument's free, taken and closed time", description = "from, to: ISO-8601 times with offset (2026-12-08T09:00+08:00) or dates (China time; to included); at most six weeks. Taken time never says who booked it; the reader's own bookings are marked mine.")
	Availability.Calendar availability(@PathVariable UUID id, @RequestParam String from, @RequestParam String to) {
		return availability.between(id, time(from, "from", false), time(to, "to", true));
	}

	record BookingRequest(@Nullable UUID instrumentId, @Nullable String start, @Nullable String end,
			@Nullable String purpose, @Nullable UUID grantId, @Nullable Integer everyDays, @Nullable Integer count) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "booking.verified-only")
	@PostMapping("/bookings")
	@Operation(summary = "Book an instrument", description = "start, end: ISO-8601 with offset. grantId: a voucher grant to pay part of the fee. everyDays and count: the same time repeated (7 and 6: every week for six weeks), booked all or nothing. 201 with the booking (a list for a series); 409 booking.clash with the interval that clashed (clash.start, clash.end), booking.series-clash with each failed occurrence (clashes); 400 with the rule broken.")
	ResponseEntity<Object> book(@RequestBody BookingRequest request) {
		if (request.instrumentId() == null) {
			throw KejiaoException.invalid("booking.instrument-required");
		}
		Bookings.Request wanted = new Bookings.Request(request.instrumentId(), required(request.start(), "start"),
				required(request.end(), "end"), request.purpose(), request.grantId());
		if (request.count() != null && request.count() > 1) {
			return ResponseEntity.status(HttpStatus.CREATED).body(bookings.requestSeries(wanted,
					request.everyDays() == null ? 7 : request.everyDays(), request.count()));
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(bookings.request(wanted));
	}

	@GetMapping("/bookings")
	@Operation(summary = "Bookings: mine (the booker's organisation) or of my instruments (owner)", description = "mine=true: what the caller's organisation booked; mine=false: the bookings of the instruments it owns. from: only those ending after it.")
	List<BookingView> list(@RequestParam(defaultValue = "true") boolean mine, @RequestParam(required = false) @Nullable String from) {
		Instant since = from == null || from.isBlank() ? null : time(from, "from", false);
		return mine ? bookings.mine(since) : bookings.ofMyInstruments(List.of(), since);
	}

	@GetMapping("/bookings/{id}")
	@Operation(summary = "One booking (its booker, the owner, the admins of either region)")
	BookingView one(@PathVariable UUID id) {
		return bookings.booking(id);
	}

	record Reason(@Nullable String reason) {
	}

	@PostMapping("/bookings/{id}/approve")
	@Operation(summary = "Approve a requested booking (owner): the voucher part, if any, is held")
	BookingView approve(@PathVariable UUID id) {
		return bookings.approve(id);
	}

	@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
	@PostMapping("/bookings/{id}/reject")
	@Operation(summary = "Reject a requested booking with a reason (owner)")
	BookingView reject(@PathVariable UUID id, @RequestBody(required = false) @Nullable Reason reason) {
		return bookings.reject(id, reason == null ? null : reason.reason());
	}

	@PostMapping("/bookings/{id}/cancel")
	@Operation(summary = "Cancel a booking (booker until the deadline; owner with a reason)")
	BookingView cancel(@PathVariable UUID id, @RequestBody(required = false) @Nullable Reason reason) {
		return bookings.cancel(id, reason == null ? null : reason.reason());
	}

	@PostMapping("/bookings/{id}/check-in")
	@Operation(summary = "Check in (booker or owner), from 30 minutes before the start; the sample received for a sample booking")
	BookingView checkIn(@PathVariable UUID id) {
		return bookings.checkIn(id);
	}

	record Use(@Nullable String actualStart, @Nullable String actualEnd, @Nullable BigDecimal quantity,
			@Nullable Boolean bill) {
	}

	@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
	@PostMapping("/bookings/{id}/complete")
	@Operation(summary = "Record the use (owner)", description = "actualStart, actualEnd: ISO-8601 with offset (the booked time when left out); quantity: samples or runs for such a price. bill (default true): bill the fee at once.")
	BookingView complete(@PathVariable UUID id, @RequestBody(required = false) @Nullable Use use) {
		Use given = use == null ? new Use(null, null, null, null) : use;
		BookingView used = bookings.complete(id, optional(given.actualStart(), "actualStart"),
				optional(given.actualEnd(), "actualEnd"), given.quantity());
		return Boolean.FALSE.equals(given.bill()) ? used : bookings.bill(id);
	}

	@PostMapping("/bookings/{id}/bill")
	@Operation(summary = "Bill a recorded use (owner)")
	BookingView bill(@PathVariable UUID id) {
		return bookings.bill(id);
	}

	@PostMapping("/bookings/{id}/no-show")
	@Operation(summary = "Mark that the booker did not come (owner): the time is released")
	BookingView noShow(@PathVariable UUID id) {
		return bookings.noShow(id);
	}

	private static Instant required(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw KejiaoException.invalid("booking.time-required", field);
		}
		return time(text, field, false);
	}

	private static @Nullable Instant optional(@Nullable String text, String field) {
		return text == null || text.isBlank() ? null : time(text, field, false);
	}

	/** An ISO-8601 time with offset, or a date in China time (its start; its end when {@code endOfDay}). */
	static Instant time(String text, String field, boolean endOfDay) {
		String value = text.strip();
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ChinaTime.ZONE).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("booking.time-invalid", field, value);
		}
	}
}
