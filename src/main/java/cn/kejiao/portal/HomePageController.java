package cn.kejiao.portal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.kejiao.notification.Notifications;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/**
 * The home page: for visitors a welcome with the platform's figures beside the search box; for signed-in users a
 * workbench of their role: what waits for them (with counts, each leading to where it is done), their voucher
 * money, their latest notices and shortcuts.
 */
@Controller
class HomePageController {

	/** How many of the latest notices the workbench shows as recent activity. */
	static final int RECENT = 5;

	private final Organisations organisations;
	private final Regions regions;
	private final PlatformFigures figures;
	private final Workbench workbench;
	private final Notifications notifications;

	HomePageController(Organisations organisations, Regions regions, PlatformFigures figures, Workbench workbench,
			Notifications notifications) {
		this.organisations = organisations;
		this.regions = regions;
		this.figures = figures;
		this.workbench = workbench;
		this.notifications = notifications;
	}

	/** A shortcut of the workbench: a message key for its title and text, and where it leads. */
	record Tile(String key, String href) {
	}

	@GetMapping("/")
	String home(Model model) {
		Actor actor = Actors.current().orElse(null);
		if (actor == null) {
			PlatformFigures.Figures now = figures.now();
			model.addAttribute("figures", now);
			model.addAttribute("verifiedCount", now.institutions());
			model.addAttribute("zones", regions.zones());
			return "portal/welcome";
		}
		Role role = primaryRole(actor);
		model.addAttribute("role", role);
		model.addAttribute("regionName", regions.find(actor.regionCode()).map(r -> regions.fullName(r.code())).orElse(""));
		if (actor.organisationId() != null) {
			organisations.find(actor.organisationId()).ifPresent(org -> model.addAttribute("organisation", org));
		}
		model.addAttribute("todos", workbench.toDos(actor));
		model.addAttribute("balance", workbench.balance(actor));
		model.addAttribute("recent", notifications.recent(RECENT));
		model.addAttribute("tiles", tiles(actor, role));
		return "portal/home";
	}

	private List<Tile> tiles(Actor actor, Role role) {
		List<Tile> tiles = new ArrayList<>();
		switch (role) {
			case PLATFORM_ADMIN -> {
				tiles.add(new Tile("organisations", "/admin/organisations"));
				tiles.add(new Tile("zones-admin", "/zones"));
				tiles.add(new Tile("catalog-admin", "/admin/catalog"));
				tiles.add(new Tile("sharing-figures", "/sharing-figures"));
				tiles.add(new Tile("voucher-admin", "/admin/vouchers"));
				tiles.add(new Tile("settlement", "/settlements"));
				tiles.add(new Tile("audit", "/admin/audit"));
				tiles.add(new Tile("api", "/swagger-ui.html"));
			}
			case REGION_ADMIN -> {
				tiles.add(new Tile("voucher-admin", "/admin/vouchers"));
				tiles.add(new Tile("organisations", "/admin/organisations"));
				tiles.add(new Tile("audit", "/admin/audit"));
				tiles.add(new Tile("catalog-admin", "/admin/catalog"));
				tiles.add(new Tile("sharing-figures", "/sharing-figures"));
				tiles.add(new Tile("settlement", "/settlements"));
			}
			case ENTERPRISE, PROVIDER, EXPERT -> {
				if (role == Role.EXPERT) {
					tiles.add(new Tile("my-reviews", "/reviews"));
				}
				tiles.add(new Tile("catalog", "/catalog"));
				if (role != Role.ENTERPRISE) {
					tiles.add(new Tile("my-catalog", "/catalog/mine"));
				}
				if (role == Role.ENTERPRISE) {
					tiles.add(new Tile("vouchers", "/vouchers"));
				}
				tiles.add(new Tile("orders", "/orders"));
				if (role == Role.PROVIDER) {
					tiles.add(new Tile("settlement", "/settlements"));
					tiles.add(new Tile("sharing-figures", "/sharing-figures"));
				}
				tiles.add(new Tile("my-organisation", "/me"));
				tiles.add(new Tile("partners", "/zones"));
				tiles.add(new Tile("regions", "/regions"));
				tiles.add(new Tile("api", "/swagger-ui.html"));
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
