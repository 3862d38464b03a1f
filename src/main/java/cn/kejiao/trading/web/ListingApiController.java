package cn.kejiao.trading.web;

import java.util.List;
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

import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.trading.LegalStatus;
import cn.kejiao.trading.ListingForm;
import cn.kejiao.trading.ListingMode;
import cn.kejiao.trading.ListingQuery;
import cn.kejiao.trading.ListingResults;
import cn.kejiao.trading.ListingSearch;
import cn.kejiao.trading.ListingView;
import cn.kejiao.trading.Listings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Listings of achievements and patents for transfer, licence, equity or joint development. Prices are yuan strings. */
@RestController
@RequestMapping("/api/v1/listings")
@Tag(name = "Technology listings")
class ListingApiController {

	private final Listings listings;
	private final ListingSearch search;

	ListingApiController(Listings listings, ListingSearch search) {
		this.listings = listings;
		this.search = search;
	}

	record ListingBody(@Nullable UUID achievementId, @Nullable List<ListingMode> modes, @Nullable String licenceTerritory,
			@Nullable String licenceTerm, @Nullable Money askingPrice, @Nullable List<String> patentNumbers,
			@Nullable LegalStatus legalStatus, @Nullable String notes, @Nullable Boolean publish) {

		ListingForm form() {
			return new ListingForm(achievementId, modes, licenceTerritory, licenceTerm, askingPrice, patentNumbers,
					legalStatus, notes);
		}
	}

	@ForRoles(value = { Role.PROVIDER, Role.ENTERPRISE, Role.EXPERT }, refusal = "listing.sellers-only")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "List one of the organisation's catalog achievements", description = "modes: TRANSFER, LICENCE_EXCLUSIVE, LICENCE_SOLE, LICENCE_NON_EXCLUSIVE, EQUITY, JOINT_DEVELOPMENT (at least one); askingPrice a yuan string, left out for negotiable (面议); patentNumbers such as ZL201810123456.7; legalStatus: GRANTED, EXAMINATION, PUBLISHED, FILED, NOT_PATENTED. A draft unless \"publish\": true (the achievement must be published in the catalog).")
	ListingView create(@RequestBody ListingBody body) {
		return listings.create(body.form(), Boolean.TRUE.equals(body.publish()));
	}

	@GetMapping
	@Operation(summary = "Search the published listings", description = "q: words, searched as the catalog searches achievements (empty: all, newest first); mode: one of the modes; region: a region code (the seller's region, everything below included); page, size (at most 100). facets.mode and facets.region (province codes) count the result.")
	ListingResults list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String mode, @RequestParam(required = false) @Nullable String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return search.search(new ListingQuery(q, mode(mode), region, page, size), Actors.current().orElse(null));
	}

	@GetMapping("/mine")
	@Operation(summary = "The listings of the caller's organisation, in any state")
	List<ListingView> mine() {
		return listings.mine();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A listing", description = "Published and sold listings for anyone; drafts and withdrawn ones for the seller and the admins of its region.")
	ListingView get(@PathVariable UUID id) {
		return listings.get(id, Actors.current().orElse(null));
	}

	@ForRoles(value = { Role.PROVIDER, Role.ENTERPRISE, Role.EXPERT }, refusal = "listing.sellers-only")
	@PutMapping("/{id}")
	@Operation(summary = "Change a listing (the seller)", description = "The same fields as creating it; achievementId and publish are ignored.")
	ListingView update(@PathVariable UUID id, @RequestBody ListingBody body) {
		return listings.update(id, body.form());
	}

	@PostMapping("/{id}/{action:publish|withdraw}")
	@Operation(summary = "Publish or withdraw a listing (the seller)")
	ListingView act(@PathVariable UUID id, @PathVariable String action) {
		return "publish".equals(action) ? listings.publish(id) : listings.withdraw(id);
	}

	/** A mode as a page's select sends it; none (or one not known) is no mode, for the facade to refuse. */
	static @Nullable ListingMode modeOrNull(@Nullable String mode) {
		try {
			return mode(mode);
		}
		catch (KejiaoException ex) {
			return null;
		}
	}

	static @Nullable ListingMode mode(@Nullable String mode) {
		if (mode == null || mode.isBlank()) {
			return null;
		}
		try {
			return ListingMode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid("listing.unknown-mode", mode);
		}
	}
}
