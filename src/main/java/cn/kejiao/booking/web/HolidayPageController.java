package cn.kejiao.booking.web;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.booking.WorkingCalendar;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/** The platform admin states China's holidays and make-up working days (调休) of a year, as announced. */
@Controller
@ForRoles(Role.PLATFORM_ADMIN)
class HolidayPageController {

	private static final String PAGE = "/admin/booking/holidays";

	private final WorkingCalendar calendar;
	private final Problems problems;
	private final Clock clock;

	HolidayPageController(WorkingCalendar calendar, Problems problems, Clock clock) {
		this.calendar = calendar;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	String page(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int shown = HolidayLines.year(year == null ? LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear() : year);
		return page(shown, null, model);
	}

	@PostMapping(PAGE)
	String save(@RequestParam int year, @RequestParam(required = false) @Nullable String lines,
			RedirectAttributes redirect, HttpServletRequest request, Model model) {
		try {
			calendar.replaceYear(HolidayLines.year(year), lines == null ? "" : lines);
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.refusal(ex, request));
			return page(year, lines, model);
		}
		redirect.addFlashAttribute("message", "saved");
		return "redirect:" + PAGE + "?year=" + year;
	}

	private String page(int year, @Nullable String typed, Model model) {
		var days = calendar.year(year);
		model.addAttribute("year", year);
		model.addAttribute("days", days);
		model.addAttribute("lines", typed == null ? HolidayLines.text(days) : typed);
		int thisYear = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(thisYear - 1, thisYear + 2).boxed().toList());
		return "booking/holidays";
	}
}
