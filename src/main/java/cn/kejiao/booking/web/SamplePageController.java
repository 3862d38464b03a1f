package cn.kejiao.booking.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.booking.Bookings;
import cn.kejiao.booking.Samples;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/** The booker records, on "my bookings", the sample it sends in: what, how many, the tracking number. */
@Controller
class SamplePageController {

	private final Samples samples;
	private final Bookings bookings;
	private final Problems problems;

	SamplePageController(Samples samples, Bookings bookings, Problems problems) {
		this.samples = samples;
		this.bookings = bookings;
		this.problems = problems;
	}

	@PostMapping("/bookings/{id}/sample")
	String sent(@PathVariable UUID id, @RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String count,
			@RequestParam(required = false) @Nullable String trackingNumber, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			samples.sent(id, description, pieces(count), trackingNumber);
			redirect.addFlashAttribute("message", "sample-sent");
			redirect.addFlashAttribute("number", bookings.booking(id).number());
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			redirect.addFlashAttribute("failed", id);
		}
		return "redirect:/bookings";
	}

	private static @Nullable Integer pieces(@Nullable String count) {
		if (count == null || count.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(count.strip());
		}
		catch (NumberFormatException ex) {
			throw KejiaoException.invalid("booking.sample-count");
		}
	}
}
