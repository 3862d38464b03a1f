package cn.kejiao.portal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/** The home page: a welcome for visitors, a workbench per role for signed-in users. */
@Controller
class HomePageController {

	private final Organisations organisations;
	private final Regions regions;

	HomePageController(Organisations organisations, Regions regions) {
		this.organisations = organisations;
		this.regions = regions;
	}

	/** A tile of the workbench: a message key for its title and text, where it leads, and a count if any. */
	record Tile(String key, String href, @Nullable Long count) {
	}

	@GetMapping("/")
	String home(Model model) {
		Actor actor = Actors.current().orElse(null);
		model.addAttribute("verifiedCount", organisations.count(OrganisationStatus.VERIFIED));
		model.addAttribute("zones", regions.zones());
		if (actor == null) {
			return "portal/welcome";
		}
		Role role = primaryRole(actor);
		model.addAttribute("role", role);
		model.addAttribute("regionName", regions.find(actor.regionCode()).map(r -> regions.fullName(r.code())).orElse(""));
		if (actor.organisationId() != null) {
			organisations.find(actor.organisationId()).ifPresent(org -> model.addAttribute("organisation", org));
		}
		model.addAttribute("tiles", tiles(actor, role));
		return "portal/home";
	}

	private List<Tile> tiles(Actor actor, Role role) {
		List<Tile> tiles = new ArrayList<>();
		switch (role) {
			case PLATFORM_ADMIN -> {
				tiles.add(new Tile("organisations", "/admin/organisations",
						organisations.search(actor, OrganisationStatus.PENDING, null, null, 0, 1).getTotalElements()));
				tiles.add(new Tile("zones-admin", "/zones", null));
				tiles.add(new Tile("catalog-admin", "/admin/catalog", null));
				tiles.add(new Tile("voucher-admin", "/admin/vouchers", null));
				tiles.add(new Tile("settlement", "/settlements", null));
				tiles.add(new Tile("audit", "/admin/audit", null));
				tiles.add(new Tile("api", "/swagger-ui.html", null));
			}
			case REGION_ADMIN -> {
				tiles.add(new Tile("verify", "/admin/organisations?status=PENDING",
						organisations.search(actor, OrganisationStatus.PENDING, null, null, 0, 1).getTotalElements()));
				tiles.add(new Tile("voucher-admin", "/admin/vouchers", null));
				tiles.add(new Tile("organisations", "/admin/organisations", null));
				tiles.add(new Tile("audit", "/admin/audit", null));
				tiles.add(new Tile("catalog-admin", "/admin/catalog", null));
				tiles.add(new Tile("settlement", "/settlements", null));
			}
			case ENTERPRISE, PROVIDER, EXPERT -> {
				if (role == Role.EXPERT) {
					tiles.add(new Tile("my-reviews", "/reviews", null));
				}
				tiles.add(new Tile("catalog", "/catalog", null));
				if (role != Role.ENTERPRISE) {
					tiles.add(new Tile("my-catalog", "/catalog/mine", null));
				}
				if (role == Role.ENTERPRISE) {
					tiles.add(new Tile("vouchers", "/vouchers", null));
				}
				tiles.add(new Tile("orders", "/orders", null));
				if (role == Role.PROVIDER) {
					tiles.add(new Tile("settlement", "/settlements", null));
				}
				tiles.add(new Tile("my-organisation", "/me", null));
				tiles.add(new Tile("partners", "/zones", null));
				tiles.add(new Tile("regions", "/regions", null));
				tiles.add(new Tile("api", "/swagger-ui.html", null));
			}
		}
		return tiles;
	}

	/** The role whose workbench a user sees first: the most powerful one. */
	static Role primaryRole(Actor actor) {
		for (Role role : List.of(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.PROVIDER, Role.EXPERT, Role.ENTERPRISE)) {
			if (actor.has(role)) {
				return role;
			}
		}
		return Role.ENTERPRISE;
	}
}
