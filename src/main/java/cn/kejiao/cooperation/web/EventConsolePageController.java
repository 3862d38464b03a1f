package cn.kejiao.cooperation.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.cooperation.EventFollowUps;
import cn.kejiao.cooperation.EventFollowUps.FollowUpKind;
import cn.kejiao.cooperation.EventFollowUps.ItemKind;
import cn.kejiao.cooperation.EventRegistrationState;
import cn.kejiao.cooperation.EventRegistrationView;
import cn.kejiao.cooperation.EventRegistrations;
import cn.kejiao.cooperation.EventView;
import cn.kejiao.cooperation.Events;
import cn.kejiao.cooperation.ProjectQuery;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.demand.Demands;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.trading.Contracts;
import cn.kejiao.voucher.ServiceOrders;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The organisers' console of an event: its state and next steps, the registrations (admitted, waiting with their
 * positions, cancelled) searchable by name with one-click check-in and walk-ins, the demands and achievements
 * presented, and the follow-ups with what the event produced per kind.
 */
@Controller
class EventConsolePageController {

	private final Events events;
	private final EventRegistrations registrations;
	private final EventFollowUps followUps;
	private final Demands demands;
	private final Catalog catalog;
	private final ServiceOrders orders;
	private final Contracts contracts;
	private final Problems problems;
	private final Projects projects;

	EventConsolePageController(Events events, EventRegistrations registrations, EventFollowUps followUps, Demands demands,
			Catalog catalog, ServiceOrders orders, Contracts contracts, Problems problems, Projects projects) {
		this.projects = projects;
		this.events = events;
		this.registrations = registrations;
		this.followUps = followUps;
		this.demands = demands;
		this.catalog = catalog;
		this.orders = orders;
		this.contracts = contracts;
		this.problems = problems;
	}

	@GetMapping("/events/{id}/console")
	String console(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name, Model model) {
		Actor actor = Actors.require();
		EventView event = events.get(id);
		if (!event.manageable()) {
			throw KejiaoException.forbidden("event.organisers-only");
		}
		List<EventRegistrationView> all = registrations.list(id, name);
		model.addAttribute("event", event);
		model.addAttribute("name", name == null ? "" : name);
		model.addAttribute("present", all.stream().filter(r -> r.state() == EventRegistrationState.ADMITTED
				|| r.state() == EventRegistrationState.WALK_IN).toList());
		model.addAttribute("waiting", all.stream().filter(r -> r.state() == EventRegistrationState.WAITING).toList());
		model.addAttribute("cancelled", all.stream().filter(r -> r.state() == EventRegistrationState.CANCELLED).toList());
		model.addAttribute("items", followUps.items(id));
		model.addAttribute("followUps", followUps.followUps(id));
		model.addAttribute("produced", followUps.produced(id));
		model.addAttribute("steps", event.state().next());
		model.addAttribute("demands", demands.list(actor, null, null, null, false).stream().limit(100).toList());
		model.addAttribute("achievements", achievements());
		model.addAttribute("orders", orders.orders(actor, null).stream().limit(100).toList());
		model.addAttribute("contracts", contracts.list(Paging.of(0, 100, 100)).getContent());
		model.addAttribute("projects", projects.portfolio(ProjectQuery.ALL).items().stream().limit(100).toList());
		return "cooperation/events/console";
	}

	private List<EntryView> achievements() {
		return catalog.inRegion(EntryState.PUBLISHED, "", 0).getContent().stream()
			.filter(e -> e.type() == EntryType.ACHIEVEMENT).toList();
	}

	@PostMapping("/events/{id}/state")
	String move(@PathVariable UUID id, @RequestParam(required = false) @Nullable String state, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(() -> events.move(id, Events.state(state)), id, "moved", redirect, request);
	}

	@PostMapping("/events/{id}/registrations/{registrationId}/check-in")
	String checkIn(@PathVariable UUID id, @PathVariable UUID registrationId, @RequestParam(required = false) @Nullable String name,
			RedirectAttributes redirect, HttpServletRequest request) {
		if (name != null && !name.isBlank()) {
			redirect.addAttribute("name", name);
		}
		return step(() -> registrations.checkIn(id, registrationId), id, "checked-in", redirect, request);
	}

	@PostMapping("/events/{id}/walk-ins")
	String walkIn(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String organisation, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> registrations.walkIn(id, name, organisation), id, "walked-in", redirect, request);
	}

	@PostMapping("/events/{id}/items")
	String present(@PathVariable UUID id, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String ref, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> followUps.present(id, EventFollowUps.kind(ItemKind.class, kind, "event.item-kind"),
				uuid(ref, "event.item-required"), note), id, "presented", redirect, request);
	}

	@PostMapping("/events/{id}/follow-ups")
	String followUp(@PathVariable UUID id, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String ref, @RequestParam(required = false) @Nullable String other,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> {
			FollowUpKind followUpKind = EventFollowUps.kind(FollowUpKind.class, kind, "event.follow-up-kind");
			return followUps.record(id, followUpKind, uuid(ref, "event.follow-up-required"),
					followUpKind == FollowUpKind.MATCH ? uuid(other, "event.follow-up-required") : null, note);
		}, id, "followed-up", redirect, request);
	}

	private static @Nullable UUID uuid(@Nullable String text, String code) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid(code);
		}
	}

	private String step(Supplier<?> step, UUID id, String done, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			step.get();
			redirect.addFlashAttribute("message", done);
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/events/" + id + "/console";
	}
}
