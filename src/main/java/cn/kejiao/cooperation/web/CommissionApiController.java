package cn.kejiao.cooperation.web;

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

import cn.kejiao.cooperation.CommissionMap;
import cn.kejiao.cooperation.CommissionView;
import cn.kejiao.cooperation.Commissions;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** S&T commissioners (科技特派员): commissions, service logs, ratings and the map-ready list of who serves where. */
@RestController
@RequestMapping("/api/v1/commissions")
@Tag(name = "S&T commissioners")
class CommissionApiController {

	private final Commissions commissions;

	CommissionApiController(Commissions commissions) {
		this.commissions = commissions;
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "commission.admin-only")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Commission an expert", description = "expert: username or user id of an EXPERT. servedKind: ENTERPRISE (servedOrgId), VILLAGE (villageName, servedRegion), COUNTY (servedRegion). The served side must lie in the admin's region (403 commission.region-forbidden). startsOn, endsOn.")
	CommissionView create(@RequestBody Commissions.NewCommission request) {
		return commissions.create(request);
	}

	@GetMapping
	@Operation(summary = "Commissions", description = "For an admin those of its region and below (region: one within it); for an expert its own; for an organisation's members those serving it. Active first.")
	List<CommissionView> list(@RequestParam(required = false) String region) {
		return commissions.list(region);
	}

	@GetMapping("/map")
	@Operation(summary = "Who serves where: map-ready, per served region code", description = "For region admins: each place (county) with its name, commissioners, active count, log entries and people trained.")
	CommissionMap map(@RequestParam(required = false) String region) {
		return commissions.map(region);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A commission with its log and rating", description = "For the commissioning and served regions' admins, the commissioner and the served side; 404 for anyone else.")
	CommissionView get(@PathVariable UUID id) {
		return commissions.get(id);
	}

	@GetMapping("/{id}/logs")
	@Operation(summary = "The commission's service log, newest first")
	List<CommissionView.LogEntry> logs(@PathVariable UUID id) {
		return commissions.get(id).log();
	}

	@ForRoles(value = { Role.EXPERT }, refusal = "commission.commissioner-only")
	@PostMapping("/{id}/logs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The commissioner logs what it did", description = "servedOn (default today, within the period, not in the future), kind: VISIT, PROBLEM_SOLVED, TRAINING; description; peopleTrained; attachmentUrl (optional link).")
	CommissionView.LogEntry log(@PathVariable UUID id, @RequestBody Commissions.NewLogEntry request) {
		return commissions.log(id, request);
	}

	record RatingRequest(@Nullable Integer stars, @Nullable String comment) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "commission.served-only")
	@PostMapping("/{id}/rating")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The served side rates the commission, once for its period", description = "stars 1–5, comment. The served enterprise's members, or for a village or county the admins governing it. 409 commission.already-rated.")
	CommissionView.Rating rate(@PathVariable UUID id, @RequestBody RatingRequest request) {
		return commissions.rate(id, request.stars(), request.comment());
	}
}
