package cn.kejiao.organisation.web;

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

import cn.kejiao.organisation.Decision;
import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.organisation.RegistrationForm;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Organisations: the admin's list and verification, the directory entry, the public notice board. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationApiController {

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	record PageOf<T>(List<T> items, long total, int page, int size) {
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@GetMapping
	@Operation(summary = "Organisations in the admin's region", description = "Region admins see their region and the regions below it; the platform admin sees all.")
	PageOf<OrganisationView> search(@RequestParam(required = false) @Nullable OrganisationStatus status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var result = organisations.search(Actors.require(), status, q, region, page, size);
		return new PageOf<>(result.getContent(), result.getTotalElements(), result.getNumber(), result.getSize());
	}

	@GetMapping("/{id}")
	@Operation(summary = "An organisation", description = "Verified organisations are visible to every signed-in user; others to their members and their region's admins.")
	OrganisationView get(@PathVariable UUID id) {
		return organisations.view(id, Actors.require());
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@PostMapping("/{id}/decision")
	@Operation(summary = "Verify or reject a registration", description = "Only an admin governing the organisation's region. `{\"verdict\":\"APPROVE\",\"noticeDays\":0}` or `{\"verdict\":\"REJECT\",\"reason\":\"...\"}`.")
	OrganisationView decide(@PathVariable UUID id, @Valid @RequestBody Decision decision) {
		return organisations.decide(id, decision);
	}

	@ForRoles(Role.PLATFORM_ADMIN)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a verified organisation", description = "Platform admin only: government bodies and organisations vouched for by the platform.")
	OrganisationView create(@Valid @RequestBody RegistrationForm form) {
		Actors.require();
		return organisations.createVerified(form);
	}

	@GetMapping("/notices")
	@Operation(summary = "Public notice board", description = "Approved organisations whose public-notice period has not ended yet.")
	List<OrganisationView> notices() {
		return organisations.noticeBoard();
	}
}
