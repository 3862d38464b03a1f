package cn.kejiao.trading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;

/**
 * Listings of technology for sale or licence: the seller's organisation lists one of its catalog achievements,
 * edits, publishes and withdraws it; anyone reads a published (or sold) listing, the seller and the admins
 * governing its region read it in any state. {@link #find} is for other parts of the platform (the auction
 * console making a lot of a listing, the demo) and checks nobody.
 */
@Service
public class Listings {

	/** The roles whose organisations own achievements in the catalog, and so may list them. */
	static final EnumSet<Role> SELLERS = EnumSet.of(Role.PROVIDER, Role.ENTERPRISE, Role.EXPERT);

	/** A Chinese patent or application number: ZL or CN, 8 or 12 digits, a check character after the point. */
	private static final Pattern PATENT = Pattern.compile("(?:ZL|CN)?\\s*(\\d{12}|\\d{8})\\s*\\.?\\s*([\\dX])",
			Pattern.CASE_INSENSITIVE);

	private final ListingRows rows;
	private final Catalog catalog;
	private final Organisations organisations;
	private final AuditLog audit;
	private final Clock clock;

	Listings(ListingRows rows, Catalog catalog, Organisations organisations, AuditLog audit, Clock clock) {
		this.rows = rows;
		this.catalog = catalog;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The listing whatever its state, for code acting on its own authority (no reader is checked). */
	@Transactional(readOnly = true)
	public Optional<ListingView> find(UUID id) {
		return rows.find(id);
	}

	/**
	 * The listing as the reader may see it: published and sold ones by anyone, drafts and withdrawn ones by the
	 * seller's organisation and the admins governing its region; {@code listing.not-found} for anyone else.
	 */
	@Transactional(readOnly = true)
	public ListingView get(UUID id, @Nullable Actor reader) {
		ListingView listing = rows.find(id).orElseThrow(() -> KejiaoException.notFound("listing.not-found", id));
		if (!listing.state().isPublic() && !mayManageOrGovern(listing, reader)) {
			throw KejiaoException.notFound("listing.not-found", id);
		}
		return listing;
	}

	/** Whether the reader's organisation sells this listing (and may edit, publish and withdraw it). */
	public static boolean isSeller(ListingView listing, @Nullable Actor reader) {
		return reader != null && listing.sellerOrgId().equals(reader.organisationId());
	}

	private static boolean mayManageOrGovern(ListingView listing, @Nullable Actor reader) {
		return isSeller(listing, reader) || (reader != null && reader.governs(listing.sellerRegionCode()));
	}

	/** The listings of the acting user's organisation, in any state, last changed first. */
	@Transactional(readOnly = true)
	public List<ListingView> mine() {
		Actor actor = Actors.require();
		return actor.organisationId() == null ? List.of() : rows.ofSeller(actor.organisationId());
	}

	/** The achievements of the acting user's organisation that may be listed (those not listed already). */
	@Transactional(readOnly = true)
	public List<EntryView> listable() {
		Actor actor = Actors.require();
		if (actor.organisationId() == null || actor.roles().stream().noneMatch(SELLERS::contains)) {
			return List.of();
		}
		return catalog.mine(EntryType.ACHIEVEMENT).stream()
			.filter(entry -> entry.state() != EntryState.SUSPENDED)
			.filter(entry -> rows.liveFor(entry.id()).isEmpty()).toList();
	}

	/** Lists one of the organisation's achievements, as a draft or published at once. */
	@Transactional
	public ListingView create(ListingForm form, boolean publish) {
		Actor actor = Actors.require();
		OrganisationView seller = seller(actor);
		if (form.achievementId() == null) {
			throw KejiaoException.invalid("listing.achievement-required");
		}
		EntryView achievement = achievementOf(form.achievementId(), seller, actor);
		if (rows.liveFor(achievement.id()).isPresent()) {
			throw KejiaoException.conflict("listing.already-listed", achievement.title());
		}
		Instant now = clock.instant();
		ListingView draft = described(new ListingView(UUID.randomUUID(), achievement.id(), achievement.title(),
				seller.id(), seller.name(), seller.regionCode(), List.of(), "", "", null, true, List.of(),
				LegalStatus.NOT_PATENTED, "", ListingState.DRAFT, now, now, null, null), form, achievement, now);
		rows.insert(draft);
		audit.record("listing.created", "trading-listing", draft.id().toString(), draft.title(),
				draft.sellerRegionCode(), null, state(draft));
		return publish ? publish(draft.id()) : draft;
	}

	/** Changes what the listing says; a sold listing stays as it was sold. */
	@Transactional
	public ListingView update(UUID id, ListingForm form) {
		Actor actor = Actors.require();
		ListingView listing = owned(id, actor);
		listing.state().edit();
		EntryView achievement = catalog.get(listing.achievementId(), actor);
		ListingView changed = described(listing, form, achievement, clock.instant());
		rows.update(changed);
		audit.record("listing.updated", "trading-listing", id.toString(), changed.title(), changed.sellerRegionCode(),
				state(listing), state(changed));
		return changed;
	}

	/** Publishes the listing; its achievement must be published in the catalog, where buyers find it. */
	@Transactional
	public ListingView publish(UUID id) {
		Actor actor = Actors.require();
		ListingView listing = owned(id, actor);
		EntryView achievement = catalog.get(listing.achievementId(), actor);
		if (achievement.state() != EntryState.PUBLISHED) {
			throw KejiaoException.conflict("listing.achievement-not-public", achievement.title());
		}
		if (listing.state() == ListingState.WITHDRAWN && rows.liveFor(listing.achievementId()).isPresent()) {
			throw KejiaoException.conflict("listing.already-listed", listing.title());
		}
		Instant now = clock.instant();
		return change(listing, "listing.published", with(listing, listing.state().publish(), now, now, null));
	}

	@Transactional
	public ListingView withdraw(UUID id) {
		ListingView listing = owned(id, Actors.require());
		return change(listing, "listing.withdrawn",
				with(listing, listing.state().withdraw(), clock.instant(), listing.publishedAt(), null));
	}

	/**
	 * Marks the listing sold (a lot made of it was sold, or an offer that leaves nothing more to give was
	 * accepted); a listing sold already stays as it is. Called by the module itself, on its own authority.
	 * @return whether it was sold now
	 */
	@Transactional
	boolean sold(UUID id, Instant at) {
		ListingView listing = rows.lock(id).orElse(null);
		if (listing == null || listing.state() == ListingState.SOLD) {
			return false;
		}
		change(listing, "listing.sold", with(listing, ListingState.SOLD, at, listing.publishedAt(), at));
		return true;
	}

	private ListingView change(ListingView before, String action, ListingView after) {
		rows.update(after);
		audit.record(action, "trading-listing", after.id().toString(), after.title(), after.sellerRegionCode(),
				state(before), state(after));
		return after;
	}

	private static ListingView with(ListingView l, ListingState state, Instant updated, @Nullable Instant published,
			@Nullable Instant sold) {
		return new ListingView(l.id(), l.achievementId(), l.title(), l.sellerOrgId(), l.sellerOrgName(),
				l.sellerRegionCode(), l.modes(), l.licenceTerritory(), l.licenceTerm(), l.askingPrice(), l.negotiable(),
				l.patentNumbers(), l.legalStatus(), l.notes(), state, l.createdAt(), updated, published, sold);
	}

	/** The listing with what the form says, checked. */
	private static ListingView described(ListingView l, ListingForm form, EntryView achievement, Instant now) {
		List<ListingMode> modes = form.modes() == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(form.modes().stream().filter(java.util.Objects::nonNull).toList()));
		if (modes.isEmpty()) {
			throw KejiaoException.invalid("listing.modes-required");
		}
		List<String> patents = patentNumbers(form.patentNumbers());
		LegalStatus legal = form.legalStatus() != null ? form.legalStatus()
				: patents.isEmpty() ? LegalStatus.NOT_PATENTED : null;
		if (legal == null) {
			throw KejiaoException.invalid("listing.legal-status-required");
		}
		if (legal != LegalStatus.NOT_PATENTED && patents.isEmpty()) {
			throw KejiaoException.invalid("listing.patent-numbers-required");
		}
		return new ListingView(l.id(), l.achievementId(), achievement.title(), l.sellerOrgId(), l.sellerOrgName(),
				l.sellerRegionCode(), modes, text(form.licenceTerritory(), 200, "licenceTerritory"),
				text(form.licenceTerm(), 200, "licenceTerm"), form.askingPrice() == null || form.askingPrice().isZero()
						? null : form.askingPrice(),
				form.askingPrice() == null || form.askingPrice().isZero(), patents, legal,
				text(form.notes(), 2000, "notes"), l.state(), l.createdAt(), now, l.publishedAt(), l.soldAt());
	}

	/** Patent numbers written as the office writes them (ZL201810123456.7), each once; 20 at most. */
	static List<String> patentNumbers(@Nullable List<String> given) {
		List<String> numbers = new ArrayList<>();
		for (String raw : given == null ? List.<String>of() : given) {
			if (raw == null || raw.isBlank()) {
				continue;
			}
			Matcher matcher = PATENT.matcher(raw.strip());
			if (!matcher.matches()) {
				throw KejiaoException.invalid("listing.patent-number", raw.strip());
			}
			String number = "ZL" + matcher.group(1) + "." + matcher.group(2).toUpperCase(Locale.ROOT);
			if (!numbers.contains(number)) {
				numbers.add(number);
			}
		}
		if (numbers.size() > 20) {
			throw KejiaoException.invalid("listing.too-many-patents", 20);
		}
		return List.copyOf(numbers);
	}

	private static String text(@Nullable String text, int max, String field) {
		String value = text == null ? "" : text.strip();
		if (value.length() > max) {
			throw KejiaoException.invalid("listing.text-too-long", field, max);
		}
		return value;
	}

	private OrganisationView seller(Actor actor) {
		if (actor.organisationId() == null || actor.roles().stream().noneMatch(SELLERS::contains)) {
			throw KejiaoException.forbidden("listing.sellers-only");
		}
		OrganisationView seller = organisations.find(actor.organisationId()).orElseThrow();
		if (!seller.isVerified()) {
			throw KejiaoException.forbidden("listing.organisation-not-verified");
		}
		return seller;
	}

	/** One of the seller's own achievements; anything else is refused alike, saying nothing of whose it is. */
	private EntryView achievementOf(UUID achievementId, OrganisationView seller, Actor actor) {
		EntryView entry;
		try {
			entry = catalog.get(achievementId, actor);
		}
		catch (KejiaoException ex) {
			throw KejiaoException.invalid("listing.not-own-achievement");
		}
		if (entry.type() != EntryType.ACHIEVEMENT || !entry.ownerOrgId().equals(seller.id())) {
			throw KejiaoException.invalid("listing.not-own-achievement");
		}
		return entry;
	}

	/** The seller's listing, locked; a listing of another organisation is not found, or forbidden where it is public. */
	private ListingView owned(UUID id, Actor actor) {
		ListingView listing = rows.lock(id).orElseThrow(() -> KejiaoException.notFound("listing.not-found", id));
		if (!isSeller(listing, actor)) {
			if (listing.state().isPublic() || actor.governs(listing.sellerRegionCode())) {
				throw KejiaoException.forbidden("listing.not-seller");
			}
			throw KejiaoException.notFound("listing.not-found", id);
		}
		return listing;
	}

	static Map<String, Object> state(ListingView l) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("state", l.state().name());
		state.put("modes", l.modes().stream().map(Enum::name).toList());
		state.put("askingPrice", l.askingPrice() == null ? "面议" : l.askingPrice().yuan());
		state.put("patentNumbers", l.patentNumbers());
		state.put("legalStatus", l.legalStatus().name());
		if (!l.licenceTerritory().isEmpty()) {
			state.put("licenceTerritory", l.licenceTerritory());
		}
		if (!l.licenceTerm().isEmpty()) {
			state.put("licenceTerm", l.licenceTerm());
		}
		return state;
	}
}
