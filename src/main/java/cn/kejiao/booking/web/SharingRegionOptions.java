package cn.kejiao.booking.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.kejiao.platform.Actor;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/**
 * The regions the page's picker offers: what the reader may read, no more. A region admin: its region, the regions
 * right below it and the way down to the one chosen with the regions below that; the platform admin the same from the
 * provinces; an owner its own region and those above it (its own instruments are in it).
 */
@Component
class SharingRegionOptions {

	/** One choice: indented by its depth below the first. */
	record Option(String code, String name, int depth) {
	}

	private final Regions regions;

	SharingRegionOptions(Regions regions) {
		this.regions = regions;
	}

	List<Option> options(Actor actor, String chosen) {
		Map<String, RegionView> offered = new LinkedHashMap<>();
		boolean admin = actor.isRegionAdmin() || actor.isPlatformAdmin();
		if (!admin) {
			if (regions.exists(actor.regionCode())) {
				regions.ancestors(actor.regionCode()).forEach(r -> offered.put(r.code(), r));
				offered.put(actor.regionCode(), regions.get(actor.regionCode()));
			}
			return list(offered);
		}
		if (actor.isPlatformAdmin()) {
			regions.provinces().forEach(r -> offered.put(r.code(), r));
		}
		else if (regions.exists(actor.regionCode())) {
			offered.put(actor.regionCode(), regions.get(actor.regionCode()));
			regions.children(actor.regionCode()).forEach(r -> offered.put(r.code(), r));
		}
		if (regions.exists(chosen) && actor.governs(chosen)) {
			regions.ancestors(chosen).stream().filter(r -> actor.governs(r.code())).forEach(r -> offered.put(r.code(), r));
			offered.put(chosen, regions.get(chosen));
			regions.children(chosen).forEach(r -> offered.put(r.code(), r));
		}
		return list(offered);
	}

	private List<Option> list(Map<String, RegionView> offered) {
		List<Option> options = new ArrayList<>();
		int top = offered.values().stream().mapToInt(this::depth).min().orElse(0);
		offered.values().stream().sorted(Comparator.comparing(RegionView::code))
			.forEach(r -> options.add(new Option(r.code(), r.localName(), depth(r) - top)));
		return options;
	}

	private int depth(RegionView region) {
		return regions.ancestors(region.code()).size();
	}
}
