package cn.kejiao.demand.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.catalog.EntryType;
import cn.kejiao.demand.DemandForm;
import cn.kejiao.demand.DemandPosting;
import cn.kejiao.demand.DemandState;
import cn.kejiao.demand.DemandView;
import cn.kejiao.demand.Demands;
import cn.kejiao.demand.Matching;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Technology demands, their matches and the verdicts on them. Budgets are yuan strings. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Demands and matching")
class DemandApiController {

	private final Demands demands;
	private final DemandPosting posting;
	private final Matching matching;

	DemandApiController(Demands demands, DemandPosting posting, Matching matching) {
		this.demands = demands;
		this.posting = posting;
		this.matching = matching;
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "demand.posters-only")
	@PostMapping("/demands")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Post a demand (enterprise; or region admin for an industry chain)", description = "Created as a draft unless \"open\": true. modes: TRANSFER, LICENCE, JOINT, COMMISSIONED, CONSULTING; visibility: PUBLIC, ZONE (with zoneCode), REGION; hideName hides the enterprise's name and county until it reveals it; only the owner decides it.")
	DemandView create(@RequestBody DemandBody body) {
		return posting.create(body.form(), Boolean.TRUE.equals(body.open()));
	}

	record DemandBody(@Nullable String title, @Nullable String description, @Nullable String field,
			@Nullable List<String> keywords, @Nullable String budget, java.time.@Nullable LocalDate deadline,
			@Nullable List<cn.kejiao.demand.CooperationMode> modes, cn.kejiao.demand.@Nullable Visibility visibility,
			@Nullable String zoneCode, @Nullable Boolean hideName, @Nullable String regionCode,
			@Nullable String industryChain, @Nullable Boolean open) {

		DemandForm form() {
			return new DemandForm(title, description, field, keywords, budget, deadline, modes, visibility, zoneCode,
					hideName, regionCode, industryChain);
		}
	}

	@GetMapping("/demands")
	@Operation(summary = "Demands the caller may see", description = "mine=true: the caller's organisation's, or its region's for an admin, in any state; region: a region code (includes everything below); state; q: text.")
	List<DemandView> list(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "false") boolean mine) {
		return demands.list(Actors.current().orElse(null), region, state(state), q, mine);
	}

	@GetMapping("/demands/{id}")
	DemandView get(@PathVariable UUID id) {
		return demands.get(id, Actors.current().orElse(null));
	}

	@PutMapping("/demands/{id}")
	@Operation(summary = "Change a draft or open demand", description = "A field left out of the body is read as empty, except hideName: left out, it stays as it is; only the owner may change it.")
	DemandView update(@PathVariable UUID id, @RequestBody DemandBody body) {
		return posting.update(id, body.form());
	}

	@PostMapping("/demands/{id}/{action:open|in-talks|solved|close|reveal}")
	@Operation(summary = "Open, mark in talks, solved, close; or reveal the enterprise's name (the owner only)")
	DemandView act(@PathVariable UUID id, @PathVariable String action) {
		return switch (action) {
			case "open" -> posting.open(id);
			case "in-talks" -> posting.inTalks(id);
			case "solved" -> posting.solved(id);
			case "close" -> posting.close(id);
			default -> posting.reveal(id);
		};
	}

	@GetMapping("/demands/{id}/matches")
	@Operation(summary = "What could answer the demand, best first, each with its reasons", description = "type: instrument|service|achievement|expert (all when absent); limit 1–100 (20).")
	List<Matching.MatchView> matches(@PathVariable UUID id, @RequestParam(required = false) @Nullable String type,
			@RequestParam(defaultValue = "20") int limit) {
		return matching.matches(id, type(type), limit);
	}

	record Feedback(@Nullable Boolean useful, @Nullable String reason, @Nullable String note) {
	}

	@PostMapping("/demands/{id}/matches/{type}/{entryId}/feedback")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark a suggestion useful or not", description = "{\"useful\": false, \"reason\": \"TOO_EARLY|BENEFIT_UNCLEAR|PRICE|REGION|OTHER\", \"note\": \"…\"}")
	void feedback(@PathVariable UUID id, @PathVariable String type, @PathVariable UUID entryId,
			@RequestBody Feedback feedback) {
		if (feedback.useful() == null) {
			throw KejiaoException.invalid("request.missing-parameter", "useful");
		}
		EntryType entryType = type(type);
		if (entryType == null) {
			throw KejiaoException.invalid("request.missing-parameter", "type");
		}
		matching.feedback(id, entryType, entryId, feedback.useful(), feedback.reason(), feedback.note());
	}

	@GetMapping("/demand-feedback")
	@Operation(summary = "Verdicts on suggestions for the demands of the admin's region")
	List<Matching.FeedbackView> feedbackOfRegion() {
		return matching.feedbackOfRegion();
	}

	@GetMapping("/catalog/entries/{id}/demands")
	@Operation(summary = "Open demands a catalog entry could answer")
	List<Matching.DemandMatch> demandsFor(@PathVariable UUID id, @RequestParam(defaultValue = "20") int limit) {
		return matching.demandsFor(id, limit);
	}

	static @Nullable EntryType type(@Nullable String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		String name = type.strip().toUpperCase(Locale.ROOT);
		for (EntryType candidate : EntryType.values()) {
			if (candidate.name().equals(name) || candidate.plural().equalsIgnoreCase(type.strip())) {
				return candidate;
			}
		}
		throw KejiaoException.invalid("catalog.unknown-type", type);
	}

	static @Nullable DemandState state(@Nullable String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return DemandState.valueOf(state.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid("demand.state-unknown", state);
		}
	}
}
