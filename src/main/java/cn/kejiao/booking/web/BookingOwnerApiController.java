package cn.kejiao.booking.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.Samples;
import cn.kejiao.booking.WorkingCalendar;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What an instrument's owner keeps for booking: its rules, its closures, the training records of its users, the
 * samples sent in; and the holidays and make-up working days the platform admin states per year.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Instrument booking")
class BookingOwnerApiController {

	private final BookingRules rules;
	private final Samples samples;
	private final WorkingCalendar calendar;
	private final Clock clock;

	BookingOwnerApiController(BookingRules rules, Samples samples, WorkingCalendar calendar, Clock clock) {
		this.rules = rules;
		this.samples = samples;
		this.calendar = calendar;
		this.clock = clock;
	}

	@GetMapping("/instruments/{id}/booking-rules")
	@Operation(summary = "An instrument's booking rules", description = "The owner's, or the defaults while it set none (configured false). Times HH:mm in China time, 24:00 for midnight; openDays ISO (1 = Monday); mode SELF (the booker operates), STAFF (the owner's staff operate) or SAMPLE (a sample is sent in).")
	RulesInput.Answer rules(@PathVariable UUID id) {
		return RulesInput.Answer.of(rules.rules(id));
	}

	@PutMapping("/instruments/{id}/booking-rules")
	@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
	@Operation(summary = "Set an instrument's booking rules (its owner)", description = "A field left out keeps the value in force. Contradicting rules are refused, each with its own code: booking.rules-hours, booking.rules-days, booking.rules-durations, booking.rules-limits, booking.rules-time, booking.rules-mode.")
	RulesInput.Answer saveRules(@PathVariable UUID id, @RequestBody RulesInput input) {
		return RulesInput.Answer.of(rules.save(input.over(rules.rules(id))));
	}

	@GetMapping("/instruments/{id}/closures")
	@Operation(summary = "An instrument's closures (maintenance, holidays of its own)", description = "from, to: ISO-8601 with offset or dates (China time); by default from today for a year.")
	List<BookingRules.Closure> closures(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		rules.rules(id);
		Instant since = from == null || from.isBlank()
				? LocalDate.now(clock.withZone(ChinaTime.ZONE)).atStartOfDay(ChinaTime.ZONE).toInstant()
				: BookingApiController.time(from, "from", false);
		Instant until = to == null || to.isBlank() ? since.plus(java.time.Duration.ofDays(366))
				: BookingApiController.time(to, "to", true);
		return rules.closures(id, since, until);
	}

	record ClosureRequest(@Nullable String start, @Nullable String end, @Nullable String reason) {
	}

	@PostMapping("/instruments/{id}/closures")
	@ResponseStatus(HttpStatus.CREATED)
	@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
	@Operation(summary = "Close an instrument for a time (its owner)", description = "start, end: ISO-8601 with offset, or dates (China time; the end date included). Bookings already made in it stay, for the owner to cancel.")
	BookingRules.Closure close(@PathVariable UUID id, @RequestBody ClosureRequest request) {
		return rules.close(id, required(request.start(), "start", false), required(request.end(), "end", true),
				request.reason());
	}

	@DeleteMapping("/closures/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a closure (the instrument's owner)")
	void reopen(@PathVariable UUID id) {
		rules.reopen(id);
	}

	@GetMapping("/instruments/{id}/trainings")
	@Operation(summary = "The training records of an instrument (its owner), newest first")
	List<BookingRules.Training> trainings(@PathVariable UUID id) {
		return rules.trainings(id);
	}

	record TrainingRequest(@Nullable String username, @Nullable String trainedOn, @Nullable String expiresOn,
			@Nullable String trainer, @Nullable String note) {
	}

	@PostMapping("/instruments/{id}/trainings")
	@ResponseStatus(HttpStatus.CREATED)
	@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
	@Operation(summary = "Record that a user was trained on an instrument (its owner)", description = "trainedOn (today when left out) and expiresOn (required, included): dates such as 2026-12-08.")
	BookingRules.Training train(@PathVariable UUID id, @RequestBody TrainingRequest request) {
		return rules.train(id, request.username(), date(request.trainedOn(), "trainedOn"),
				date(request.expiresOn(), "expiresOn"), request.trainer(), request.note());
	}

	@PostMapping("/trainings/{id}/revoke")
	@Operation(summary = "Revoke a training record (the instrument's owner)")
	BookingRules.Training revoke(@PathVariable UUID id) {
		return rules.revoke(id);
	}

	// ---- samples

	@GetMapping("/bookings/{id}/sample")
	@Operation(summary = "The sample sent in for a booking (its parties)")
	Samples.Sample sample(@PathVariable UUID id) {
		return samples.of(id).orElseThrow(() -> KejiaoException.notFound("booking.sample-not-found", id));
	}

	record SampleSent(@Nullable String description, @Nullable Integer count, @Nullable String trackingNumber) {
	}

	@PutMapping("/bookings/{id}/sample")
	@Operation(summary = "Record the sample sent (the booker)", description = "For a booking of mode SAMPLE, until the owner received it: what, how many (count, 1 by default), the tracking number.")
	Samples.Sample sent(@PathVariable UUID id, @RequestBody SampleSent sent) {
		return samples.sent(id, sent.description(), sent.count(), sent.trackingNumber());
	}

	record SampleReceived(@Nullable String note) {
	}

	@PostMapping("/bookings/{id}/sample/received")
	@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
	@Operation(summary = "Record that the sample arrived (the owner)", description = "Checks the booking in.")
	Samples.Sample received(@PathVariable UUID id, @RequestBody(required = false) @Nullable SampleReceived received) {
		return samples.received(id, received == null ? null : received.note());
	}

	record SampleReturned(@Nullable String returnedOn, @Nullable String returnTracking) {
	}

	@PostMapping("/bookings/{id}/sample/returned")
	@ForRoles(value = Role.PROVIDER, refusal = "booking.not-owner")
	@Operation(summary = "Record that the sample went back (the owner)", description = "returnedOn: a date (today when left out); returnTracking: the return's tracking number.")
	Samples.Sample returned(@PathVariable UUID id, @RequestBody(required = false) @Nullable SampleReturned returned) {
		SampleReturned given = returned == null ? new SampleReturned(null, null) : returned;
		return samples.returned(id, date(given.returnedOn(), "returnedOn"), given.returnTracking());
	}

	// ---- China's working-day calendar

	record Holidays(int year, List<WorkingCalendar.Day> days, String lines) {

		static Holidays of(int year, List<WorkingCalendar.Day> days) {
			return new Holidays(year, days, HolidayLines.text(days));
		}
	}

	@GetMapping("/booking/holidays/{year}")
	@Operation(summary = "China's holidays and make-up working days (调休) of a year", description = "lines: the same as text, one date,kind,name a line (kind HOLIDAY or WORKDAY).")
	Holidays holidays(@PathVariable int year) {
		return Holidays.of(year, calendar.year(HolidayLines.year(year)));
	}

	record HolidayText(@Nullable String lines) {
	}

	@PutMapping("/booking/holidays/{year}")
	@ForRoles(Role.PLATFORM_ADMIN)
	@Operation(summary = "State a year's holidays and make-up working days (platform admin)", description = "lines: one date,kind,name a line (kind HOLIDAY or WORKDAY, or 休 / 班), as the State Council announced them; they replace what was known of that year. A line that cannot be read: 400 booking.holiday-line, naming it.")
	Holidays replaceHolidays(@PathVariable int year, @RequestBody HolidayText text) {
		return Holidays.of(year, calendar.replaceYear(HolidayLines.year(year), text.lines() == null ? "" : text.lines()));
	}

	private static Instant required(@Nullable String text, String field, boolean endOfDay) {
		if (text == null || text.isBlank()) {
			throw KejiaoException.invalid("booking.time-required", field);
		}
		return BookingApiController.time(text, field, endOfDay);
	}

	static @Nullable LocalDate date(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("booking.date-invalid", field, text.strip());
		}
	}
}
