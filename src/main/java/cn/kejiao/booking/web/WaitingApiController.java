package cn.kejiao.booking.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.booking.BookingView;
import cn.kejiao.booking.WaitingList;
import cn.kejiao.booking.WaitingView;
import cn.kejiao.platform.KejiaoException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The waiting list of an instrument's taken time: join it, see one's places, give one up, take an offered time. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Instrument booking")
class WaitingApiController {

	private final WaitingList waiting;

	WaitingApiController(WaitingList waiting) {
		this.waiting = waiting;
	}

	record Wanted(@Nullable String start, @Nullable String end, @Nullable String purpose) {
	}

	@PostMapping("/instruments/{id}/waiting")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Wait for a taken time of an instrument", description = "start, end: ISO-8601 with offset, a time the instrument's rules allow. When the time is released (a booking cancelled, rejected or not come to) the first in line is offered it for a limited time (kejiao.booking.offer-for, 2 hours), then the next. 409 booking.waiting-free when the time is free (book it instead), booking.waiting-already when already waiting for it.")
	WaitingView join(@PathVariable UUID id, @RequestBody Wanted wanted) {
		if (wanted.start() == null || wanted.start().isBlank()) {
			throw KejiaoException.invalid("booking.time-required", "start");
		}
		if (wanted.end() == null || wanted.end().isBlank()) {
			throw KejiaoException.invalid("booking.time-required", "end");
		}
		return waiting.join(id, BookingApiController.time(wanted.start(), "start", false),
				BookingApiController.time(wanted.end(), "end", false), wanted.purpose());
	}

	@GetMapping("/waiting")
	@Operation(summary = "My places on waiting lists", description = "mine=true (the only reading): the caller's own places, those waiting or offered first; ahead: how many wait before it for overlapping time; offerExpiresAt: until when an offered time may be taken.")
	List<WaitingView> mine(@RequestParam(defaultValue = "true") boolean mine) {
		if (!mine) {
			throw KejiaoException.invalid("booking.waiting-mine-only");
		}
		return waiting.mine();
	}

	@PostMapping("/waiting/{id}/withdraw")
	@Operation(summary = "Leave a waiting list", description = "An offer given up passes on to the next in line at once.")
	WaitingView withdraw(@PathVariable UUID id) {
		return waiting.withdraw(id);
	}

	record Take(@Nullable UUID grantId) {
	}

	@PostMapping("/waiting/{id}/take")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Book an offered time", description = "While the offer lasts; booked as any booking (the rules and the instrument's approval apply). grantId: a voucher grant to pay part of the fee. 409 booking.waiting-not-offered, booking.waiting-offer-lapsed, or booking.clash when someone booked the time meanwhile.")
	BookingView take(@PathVariable UUID id, @RequestBody(required = false) @Nullable Take take) {
		return waiting.take(id, take == null ? null : take.grantId());
	}
}
