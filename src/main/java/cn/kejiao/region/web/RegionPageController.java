package cn.kejiao.region.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import cn.kejiao.region.ZoneCommand;
import cn.kejiao.region.ZoneView;
import jakarta.servlet.http.HttpServletRequest;

/** The region browser, the cooperation zones, and the region pickers of other forms. */
@Controller
class RegionPageController {

	private final Regions regions;
	private final Problems problems;

	RegionPageController(Regions regions, Problems problems) {
		this.regions = regions;
		this.problems = problems;
	}

	@GetMapping("/regions")
	String browser(@RequestParam(required = false) @Nullable String q, Model model) {
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("q", q);
		model.addAttribute("found", q == null || q.isBlank() ? List.of() : regions.search(q, 50).stream()
			.map(region -> new Found(region, regions.fullName(region.code()))).toList());
		return "region/browser";
	}

	record Found(RegionView region, String fullName) {
	}

	/** htmx: the children of a region, as nested list items. */
	@GetMapping("/regions/{code}/children")
	String children(@PathVariable String code, Model model) {
		model.addAttribute("children", regions.children(checked(code)));
		return "region/browser :: children";
	}

	/** htmx: {@code <option>}s of a region picker. */
	@GetMapping("/regions/options")
	String options(@RequestParam(required = false) @Nullable String parent,
			@RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String prefecture, Model model) {
		String of = prefecture != null ? prefecture : province != null ? province : parent;
		model.addAttribute("options", of == null || of.isBlank() ? List.of() : regions.children(checked(of)));
		return "region/options :: options";
	}

	@GetMapping("/zones")
	String zones(Model model) {
		model.addAttribute("zones", regions.zones());
		return "region/zones";
	}

	@GetMapping("/admin/zones/{code}")
	String editZone(@PathVariable String code, Model model) {
		ZoneView zone = "new".equals(code) ? null : regions.zone(code);
		return zoneForm(model, zone, zone == null ? ZonePageForm.empty() : ZonePageForm.of(zone), null);
	}

	@PostMapping("/admin/zones")
	String saveZone(@ModelAttribute("form") ZonePageForm form, Model model, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			regions.saveZone(form.zoneCode(), form.command());
			redirect.addFlashAttribute("saved", form.zoneCode());
			return "redirect:/zones";
		}
		catch (KejiaoException ex) {
			return zoneForm(model, null, form, problems.refusal(ex, request));
		}
	}

	private String zoneForm(Model model, @Nullable ZoneView zone, ZonePageForm form, @Nullable String error) {
		model.addAttribute("zone", zone);
		model.addAttribute("form", form);
		model.addAttribute("errorMessage", error);
		return "region/zone-edit";
	}

	private static String checked(String code) {
		if (!RegionCodes.isWellFormed(code)) {
			throw KejiaoException.notFound("region.not-found", code);
		}
		return code;
	}
}
