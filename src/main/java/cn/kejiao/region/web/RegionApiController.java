package cn.kejiao.region.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import cn.kejiao.region.ZoneCommand;
import cn.kejiao.region.ZoneView;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** China's administrative divisions and the cooperation zones: public reference data. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Regions")
class RegionApiController {

	private final Regions regions;

	RegionApiController(Regions regions) {
		this.regions = regions;
	}

	record Containment(String code, String ancestor, boolean within) {
	}

	@GetMapping("/regions")
	@Operation(summary = "Provinces, or regions whose name contains q")
	List<RegionView> provinces(@RequestParam(required = false) String q) {
		return q == null || q.isBlank() ? regions.provinces() : regions.search(q, 50);
	}

	@GetMapping("/regions/{code}")
	@Operation(summary = "A region by its six-digit GB/T 2260 code")
	RegionView region(@PathVariable String code) {
		return regions.get(checked(code));
	}

	@GetMapping("/regions/{code}/children")
	@Operation(summary = "The regions directly below a region")
	List<RegionView> children(@PathVariable String code) {
		return regions.children(checked(code));
	}

	@GetMapping("/regions/{code}/ancestors")
	@Operation(summary = "The regions above a region, province first")
	List<RegionView> ancestors(@PathVariable String code) {
		return regions.ancestors(checked(code));
	}

	@GetMapping("/regions/{code}/within/{ancestor}")
	@Operation(summary = "Whether a region lies inside another (or is it)")
	Containment within(@PathVariable String code, @PathVariable String ancestor) {
		regions.get(checked(code));
		regions.get(checked(ancestor));
		return new Containment(code, ancestor, regions.isWithin(code, ancestor));
	}

	@GetMapping("/zones")
	@Operation(summary = "Cooperation zones")
	List<ZoneView> zones() {
		return regions.zones();
	}

	@GetMapping("/zones/{code}")
	@Operation(summary = "A cooperation zone")
	ZoneView zone(@PathVariable String code) {
		return regions.zone(code);
	}

	@ForRoles(Role.PLATFORM_ADMIN)
	@PutMapping("/zones/{code}")
	@Operation(summary = "Create or change a cooperation zone", description = "Platform admin only.")
	ZoneView saveZone(@PathVariable String code, @Valid @RequestBody ZoneCommand command) {
		return regions.saveZone(code, command);
	}

	@ForRoles(Role.PLATFORM_ADMIN)
	@DeleteMapping("/zones/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a cooperation zone", description = "Platform admin only.")
	void deleteZone(@PathVariable String code) {
		regions.deleteZone(code);
	}

	private static String checked(String code) {
		if (!RegionCodes.isWellFormed(code)) {
			throw KejiaoException.invalid("region.code-invalid", code);
		}
		return code;
	}
}
