package cn.kejiao.booking.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.kejiao.booking.FreeSlots;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/** Free time across instruments: the search page, public like the catalog and the calendars. */
@Controller
class FreeSlotPageController {

	private final FreeSlots freeSlots;
	private final Regions regions;
	private final Problems problems;
	private final Clock clock;

	FreeSlotPageController(FreeSlots freeSlots, Regions regions, Problems problems, Clock clock) {
		this.freeSlots = freeSlots;
		this.regions = regions;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/instruments/free")
	String page(@ModelAttribute("params") FreeSlotParams params, Model model, HttpServletRequest request) {
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("zones", regions.zones());
		try {
			FreeSlots.Query query = params.toQuery(regions, today());
			model.addAttribute("query", query);
			model.addAttribute("result", freeSlots.search(query));
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.refusal(ex, request));
		}
		model.addAttribute("tomorrow", today().plusDays(1));
		return "booking/free";
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}
}
