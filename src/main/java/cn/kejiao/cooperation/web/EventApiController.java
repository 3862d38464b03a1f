package cn.kejiao.cooperation.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.cooperation.EventFollowUps;
import cn.kejiao.cooperation.EventFollowUps.FollowUpKind;
import cn.kejiao.cooperation.EventFollowUps.ItemKind;
import cn.kejiao.cooperation.EventForm;
import cn.kejiao.cooperation.EventKind;
import cn.kejiao.cooperation.EventRegistrationState;
import cn.kejiao.cooperation.EventRegistrationView;
import cn.kejiao.cooperation.EventRegistrations;
import cn.kejiao.cooperation.EventView;
import cn.kejiao.cooperation.Events;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Forums, roadshows and matchmaking sessions: events, registration with a waiting list, check-in, what they produced. */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Cooperation events")
class EventApiController {

	private final Events events;
	private final EventRegistrations registrations;
	private final EventFollowUps followUps;

	EventApiController(Events events, EventRegistrations registrations, EventFollowUps followUps) {
		this.events = events;
		this.registrations = registrations;
		this.followUps = followUps;
	}

	record NewEvent(@Nullable String kind, @Nullable String title, @Nullable String summary, @Nullable String startsAt,
			@Nullable String endsAt, @Nullable String place, @Nullable String onlineLink, @Nullable List<String> organisers,
			@Nullable List<EventForm.AgendaItem> agenda, @Nullable Integer capacity, @Nullable String registrationOpensAt,
			@Nullable String registrationClosesAt, @Nullable Boolean open) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "event.admins-only")
	@Operation(summary = "Create an event", description = "kind FORUM, ROADSHOW or MATCHMAKING; times ISO-8601 (with an offset, or China time without); organisers: region codes, the creating admin's own among them (400 event.organiser-own-region); capacity: places; open=true opens registration at once, else a draft only the organisers see.")
	EventView create(@RequestBody NewEvent body) {
		EventKind kind = EventFollowUps.kind(EventKind.class, body.kind(), "event.kind-unknown");
		return events.create(new EventForm(kind, body.title(), body.summary(), time(body.startsAt(), "startsAt"),
				time(body.endsAt(), "endsAt"), body.place(), body.onlineLink(), body.organisers(), body.agenda(),
				body.capacity(), time(body.registrationOpensAt(), "registrationOpensAt"),
				time(body.registrationClosesAt(), "registrationClosesAt")), Boolean.TRUE.equals(body.open()));
	}

	@GetMapping
	@Operation(summary = "Events", description = "Published events, soonest first, and drafts of those the caller organises. state=OPEN: those open for registration now; month=2026-12: those starting in that month (China time).")
	List<EventView> list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String month) {
		YearMonth yearMonth;
		try {
			yearMonth = month == null || month.isBlank() ? null : YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("request.invalid-parameter", "month");
		}
		return events.list(Events.state(state), yearMonth);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An event", description = "With capacity, registered (admitted), waiting, checkedIn and placesLeft; 404 event.not-found for a draft of someone else's.")
	EventView get(@PathVariable UUID id) {
		return events.get(id);
	}

	record Move(@Nullable String state) {
	}

	@PostMapping("/{id}/state")
	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "event.organisers-only")
	@Operation(summary = "Move an event on", description = "state OPEN (publish, open registration), CLOSED (close registration), HELD (after its start), CANCELLED; 409 event.state-step for a step that does not follow.")
	EventView move(@PathVariable UUID id, @RequestBody Move move) {
		return events.move(id, Events.state(move.state()));
	}

	@PostMapping("/{id}/registrations")
	@ForRoles({ Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT, Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@Operation(summary = "Register for an event", description = "The caller registers themself (organisation, contact and note optional: their organisation and e-mail by default). 201 with the registration while places remain; otherwise 409 EVENT_FULL with the waiting-list position (property position) and the registration (property registration): the caller is on the waiting list and moves up when a place is freed. 409 event.already-registered, event.registration-closed.")
	ResponseEntity<EventRegistrationView> register(@PathVariable UUID id,
			@RequestBody(required = false) EventRegistrations.@Nullable Registration body) {
		EventRegistrationView registration = registrations.register(id,
				body == null ? new EventRegistrations.Registration(null, null, null) : body);
		if (registration.state() == EventRegistrationState.WAITING) {
			throw KejiaoException.conflict("EVENT_FULL", registration.position())
				.with("position", java.util.Objects.requireNonNull(registration.position()))
				.with("registration", registration);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(registration);
	}

	@GetMapping("/{id}/registrations")
	@Operation(summary = "Registrations of an event", description = "For its organisers: admitted and walk-ins, the waiting list (with positions), cancelled; name: those whose name or organisation contains it.")
	List<EventRegistrationView> registrations(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name) {
		return registrations.list(id, name);
	}

	@GetMapping("/{id}/registrations/mine")
	@Operation(summary = "My registration for an event", description = "404 event.registration-not-found when the caller has none.")
	EventRegistrationView mine(@PathVariable UUID id) {
		events.get(id);
		return registrations.mine(id).orElseThrow(() -> KejiaoException.notFound("event.registration-not-found", id));
	}

	@PostMapping("/{id}/registrations/{registrationId}/cancel")
	@Operation(summary = "Cancel my registration", description = "The caller's own only (404 otherwise). A place freed goes to the first on the waiting list, who is told; the rest move up.")
	EventRegistrationView cancel(@PathVariable UUID id, @PathVariable UUID registrationId) {
		return registrations.cancel(id, registrationId);
	}

	@PostMapping("/{id}/registrations/{registrationId}/check-in")
	@Operation(summary = "Check a person in", description = "For the organisers; admitted registrations only (409 event.check-in-not-admitted).")
	EventRegistrationView checkIn(@PathVariable UUID id, @PathVariable UUID registrationId) {
		return registrations.checkIn(id, registrationId);
	}

	record WalkIn(@Nullable String name, @Nullable String organisation) {
	}

	@PostMapping("/{id}/walk-ins")
	@ResponseStatus(HttpStatus.CREATED)
	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "event.organisers-only")
	@Operation(summary = "Record a walk-in", description = "For the organisers: someone who came without registering, checked in at once; holds no place.")
	EventRegistrationView walkIn(@PathVariable UUID id, @RequestBody WalkIn walkIn) {
		return registrations.walkIn(id, walkIn.name(), walkIn.organisation());
	}

	record Presented(@Nullable String kind, @Nullable UUID id, @Nullable String note) {
	}

	@PostMapping("/{id}/items")
	@ResponseStatus(HttpStatus.CREATED)
	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "event.organisers-only")
	@Operation(summary = "Record a presented item", description = "kind DEMAND or ACHIEVEMENT, id: the demand or catalog achievement (as the organiser may read it). 409 event.item-duplicate.")
	EventFollowUps.Item present(@PathVariable UUID id, @RequestBody Presented item) {
		return followUps.present(id, EventFollowUps.kind(ItemKind.class, item.kind(), "event.item-kind"), item.id(),
				item.note());
	}

	@GetMapping("/{id}/items")
	@Operation(summary = "Demands and achievements presented at an event")
	List<EventFollowUps.Item> items(@PathVariable UUID id) {
		return followUps.items(id);
	}

	record NewFollowUp(@Nullable String kind, @Nullable UUID id, @Nullable UUID achievementId, @Nullable String note) {
	}

	@PostMapping("/{id}/follow-ups")
	@ResponseStatus(HttpStatus.CREATED)
	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "event.organisers-only")
	@Operation(summary = "Record a follow-up of an event", description = "kind MATCH (id: the demand, achievementId: the achievement), ORDER (a service order), CONTRACT (a technology contract) or PROJECT (a funded project), each as the organiser may read it; note: how it came of the event. 409 event.follow-up-duplicate.")
	EventFollowUps.FollowUp followUp(@PathVariable UUID id, @RequestBody NewFollowUp body) {
		return followUps.record(id, EventFollowUps.kind(FollowUpKind.class, body.kind(), "event.follow-up-kind"),
				body.id(), body.achievementId(), body.note());
	}

	record Produce(List<EventFollowUps.FollowUp> followUps, List<EventFollowUps.Produced> produced) {
	}

	@GetMapping("/{id}/follow-ups")
	@Operation(summary = "What an event produced", description = "followUps in the order recorded, and produced: per kind (MATCH, ORDER, CONTRACT, PROJECT) the count and the value.")
	Produce followUps(@PathVariable UUID id) {
		return new Produce(followUps.followUps(id), followUps.produced(id));
	}

	/** An ISO-8601 time with an offset, or a local time read in China time. */
	static @Nullable Instant time(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text.strip()).atZone(ChinaTime.ZONE).toInstant();
			}
			catch (DateTimeParseException again) {
				throw KejiaoException.invalid("event.time-invalid", field);
			}
		}
	}

}
