package cn.kejiao.booking.web;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.booking.FreeSlots;
import cn.kejiao.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Free time across instruments, for anyone: what the catalog finds, with availability. */
@RestController
@Tag(name = "Instrument booking")
class FreeSlotApiController {

	private final FreeSlots freeSlots;
	private final Regions regions;
	private final Clock clock;

	FreeSlotApiController(FreeSlots freeSlots, Regions regions, Clock clock) {
		this.freeSlots = freeSlots;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping("/api/v1/instruments/free")
	@Operation(summary = "Instruments with free time", description = "q: catalog words; region: a region code or a cooperation zone (code or name, e.g. 长三角); zone: a zone code; date (tomorrow when left out), from and to (China time, 09:00 and 17:00 when left out); minutes (60). The first 30 instruments the catalog finds, those with a free time of that length first (earliest first), each with its earliest free starts (at most 3).")
	FreeSlots.Result free(@ModelAttribute FreeSlotParams params) {
		return freeSlots.search(params.toQuery(regions, FreeSlotPageController.today(clock)));
	}
}
