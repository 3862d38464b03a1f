package cn.kejiao.cooperation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.cooperation.EventFollowUps;
import cn.kejiao.cooperation.EventRegistrationState;
import cn.kejiao.cooperation.EventRegistrationView;
import cn.kejiao.cooperation.EventRegistrations;
import cn.kejiao.cooperation.EventView;
import cn.kejiao.cooperation.Events;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The event calendar (upcoming and past, by month), an event's page with its agenda, the registration button or the
 * reader's place (admitted, or waiting with the position) and cancel, what was presented and what came of it; and
 * the new-event form of a region admin.
 */
@Controller
class EventPageController {

	private final Events events;
	private final EventRegistrations registrations;
	private final EventFollowUps followUps;
	private final Regions regions;
	private final Problems problems;
	private final Clock clock;

	EventPageController(Events events, EventRegistrations registrations, EventFollowUps followUps, Regions regions,
			Problems problems, Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.followUps = followUps;
		this.regions = regions;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/events")
	String calendar(Model model) {
		Instant now = clock.instant();
		List<EventView> all = events.list(null, null).stream()
			.filter(e -> e.state() != cn.kejiao.cooperation.EventState.DRAFT || e.manageable()).toList();
		model.addAttribute("upcoming", byMonth(all.stream().filter(e -> e.endsAt().isAfter(now)).toList()));
		model.addAttribute("past", byMonth(all.stream().filter(e -> !e.endsAt().isAfter(now))
			.sorted((a, b) -> b.startsAt().compareTo(a.startsAt())).toList()));
		Optional<Actor> actor = Actors.current();
		model.addAttribute("mayCreate", actor.map(a -> a.isRegionAdmin() || a.isPlatformAdmin()).orElse(false));
		return "cooperation/events/calendar";
	}

	private static Map<YearMonth, List<EventView>> byMonth(List<EventView> events) {
		Map<YearMonth, List<EventView>> months = new LinkedHashMap<>();
		for (EventView event : events) {
			months.computeIfAbsent(YearMonth.from(event.startsAt().atZone(ChinaTime.ZONE)), m -> new java.util.ArrayList<>())
				.add(event);
		}
		return months;
	}

	@GetMapping("/events/{id}")
	String event(@PathVariable UUID id, Model model) {
		EventView event = events.get(id);
		model.addAttribute("event", event);
		model.addAttribute("mine", registrations.mine(id).orElse(null));
		model.addAttribute("items", followUps.items(id));
		model.addAttribute("followUps", followUps.followUps(id));
		model.addAttribute("produced", followUps.produced(id));
		model.addAttribute("actor", Actors.current().orElse(null));
		return "cooperation/events/event";
	}

	@PostMapping("/events/{id}/register")
	String register(@PathVariable UUID id, @RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String contact, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			EventRegistrationView registration = registrations.register(id,
					new EventRegistrations.Registration(organisation, contact, note));
			redirect.addFlashAttribute("message", registration.state() == EventRegistrationState.WAITING ? "waiting" : "registered");
			redirect.addFlashAttribute("position", registration.position());
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/events/" + id;
	}

	@PostMapping("/events/{id}/registrations/{registrationId}/cancel")
	String cancel(@PathVariable UUID id, @PathVariable UUID registrationId, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			registrations.cancel(id, registrationId);
			redirect.addFlashAttribute("message", "cancelled");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/events/" + id;
	}

	@GetMapping("/events/new")
	String form(Model model) {
		return form(EventPageForm.empty(), null, model);
	}

	@PostMapping("/events")
	String create(@ModelAttribute EventPageForm form, Model model, HttpServletRequest request) {
		Actor actor = Actors.require();
		try {
			EventView event = events.create(form.form(actor.regionCode(), regions), form.openNow());
			return "redirect:/events/" + event.id() + "/console";
		}
		catch (KejiaoException refused) {
			return form(form, problems.refusal(refused, request), model);
		}
	}

	private String form(EventPageForm form, @Nullable String error, Model model) {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("event.admins-only");
		}
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("ownRegion", regions.fullNameOrCode(actor.regionCode()));
		model.addAttribute("kinds", cn.kejiao.cooperation.EventKind.values());
		return "cooperation/events/new";
	}
}
