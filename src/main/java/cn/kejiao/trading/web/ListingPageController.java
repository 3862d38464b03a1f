package cn.kejiao.trading.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import cn.kejiao.trading.Inquiries;
import cn.kejiao.trading.LegalStatus;
import cn.kejiao.trading.ListingMode;
import cn.kejiao.trading.ListingQuery;
import cn.kejiao.trading.ListingResults;
import cn.kejiao.trading.ListingSearch;
import cn.kejiao.trading.ListingView;
import cn.kejiao.trading.Listings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The listing pages: browse with the search box and the mode and region facets, a listing's page with the button
 * to inquire, and the seller's own listings with the form to list an achievement, edit, publish and withdraw.
 */
@Controller
class ListingPageController {

	private final Listings listings;
	private final ListingSearch search;
	private final Inquiries inquiries;
	private final Regions regions;
	private final MessageSource messages;
	private final Problems problems;

	ListingPageController(Listings listings, ListingSearch search, Inquiries inquiries, Regions regions,
			MessageSource messages, Problems problems) {
		this.listings = listings;
		this.search = search;
		this.inquiries = inquiries;
		this.regions = regions;
		this.messages = messages;
		this.problems = problems;
	}

	/** A facet value: what goes in the address, what a person reads, how many listings have it. */
	record Facet(String value, String label, long count) {
	}

	@GetMapping("/listings")
	String browse(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String mode,
			@RequestParam(required = false) @Nullable String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		ListingMode chosen = ListingApiController.modeOrNull(mode);
		String regionCode = region == null || region.isBlank() || !regions.exists(region.strip()) ? null : region.strip();
		ListingResults results = search.search(new ListingQuery(q, chosen, regionCode, page, 20),
				Actors.current().orElse(null));
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("results", results);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("mode", chosen == null ? "" : chosen.name());
		model.addAttribute("region", regionCode == null ? "" : regionCode);
		model.addAttribute("regionName", regionCode == null ? "" : regions.fullName(regionCode));
		model.addAttribute("modes", ListingMode.values());
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("modeFacet", results.facets().getOrDefault("mode", Map.of()).entrySet().stream()
			.map(e -> new Facet(e.getKey(), messages.getMessage("listing.mode." + e.getKey(), null, e.getKey(), locale),
					e.getValue()))
			.toList());
		model.addAttribute("regionFacet", results.facets().getOrDefault("region", Map.of()).entrySet().stream()
			.map(e -> new Facet(e.getKey(), regions.find(e.getKey()).map(RegionView::name).orElse(e.getKey()), e.getValue()))
			.toList());
		model.addAttribute("regionNames", regionNames(results.items()));
		model.addAttribute("pages", (results.total() + 19) / 20);
		return "trading/listings/browse";
	}

	@GetMapping("/listings/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Actor reader = Actors.current().orElse(null);
		ListingView listing = listings.get(id, reader);
		model.addAttribute("listing", listing);
		model.addAttribute("regionName", regions.fullName(listing.sellerRegionCode()));
		model.addAttribute("seller", Listings.isSeller(listing, reader));
		model.addAttribute("myInquiry", reader == null ? null : inquiries.mineOn(id).orElse(null));
		return "trading/listings/detail";
	}

	@GetMapping("/listings/mine")
	String mine(Model model) {
		model.addAttribute("listings", listings.mine());
		model.addAttribute("listable", listings.listable());
		return "trading/listings/mine";
	}

	@GetMapping("/listings/new")
	String create(@RequestParam(required = false) @Nullable UUID achievement, Model model) {
		return form(model, ListingPageForm.empty(achievement), null, null);
	}

	@PostMapping("/listings/new")
	String create(@ModelAttribute("form") ListingPageForm form, BindingResult binding, Model model,
			HttpServletRequest request) {
		if (binding.hasErrors()) {
			return form(model, form, null, problems.refusal(Problems.notBound(binding), request));
		}
		try {
			return "redirect:/listings/" + listings.create(form.listing(), Boolean.TRUE.equals(form.publish())).id();
		}
		catch (KejiaoException ex) {
			return form(model, form, null, problems.refusal(ex, request));
		}
	}

	@GetMapping("/listings/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		ListingView listing = listings.get(id, Actors.require());
		if (!Listings.isSeller(listing, Actors.require())) {
			throw KejiaoException.forbidden("listing.not-seller");
		}
		return form(model, ListingPageForm.of(listing), listing, null);
	}

	@PostMapping("/listings/{id}/edit")
	String edit(@PathVariable UUID id, @ModelAttribute("form") ListingPageForm form, BindingResult binding, Model model,
			HttpServletRequest request) {
		ListingView listing = listings.get(id, Actors.require());
		if (binding.hasErrors()) {
			return form(model, form, listing, problems.refusal(Problems.notBound(binding), request));
		}
		try {
			listings.update(id, form.listing());
			return "redirect:/listings/" + id;
		}
		catch (KejiaoException ex) {
			return form(model, form, listing, problems.refusal(ex, request));
		}
	}

	@PostMapping("/listings/{id}/{action:publish|withdraw}")
	String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect, HttpServletRequest request) {
		return problems.step(() -> "publish".equals(action) ? listings.publish(id) : listings.withdraw(id),
				"mine".equals(back) ? "/listings/mine" : "/listings/" + id, redirect, request);
	}

	private String form(Model model, ListingPageForm form, @Nullable ListingView listing, @Nullable String error) {
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("error", error);
		model.addAttribute("modes", ListingMode.values());
		model.addAttribute("legalStatuses", LegalStatus.values());
		model.addAttribute("achievements", listing == null ? listings.listable() : List.of());
		return "trading/listings/form";
	}

	private Map<String, String> regionNames(List<ListingView> items) {
		Map<String, String> names = new LinkedHashMap<>();
		new ArrayList<>(items).forEach(l -> names.computeIfAbsent(l.sellerRegionCode(), regions::fullName));
		return names;
	}
}
