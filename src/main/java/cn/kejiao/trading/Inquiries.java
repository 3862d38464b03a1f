package cn.kejiao.trading;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.Role;

/**
 * Private threads between a buying organisation and a listing's seller: messages with files, offers by either
 * side and their acceptance by the other. Only the two sides read and write a thread; the admins governing
 * either side's region read it too (to settle a dispute) but do not write in it. To anyone else a thread does
 * not exist ({@code inquiry.not-found}). An accepted offer publishes {@link OfferAccepted}; in a mode that leaves
 * the seller nothing more to give ({@link ListingMode#endsListing()}) it sells the listing, and the open offers of
 * the listing's other threads lapse.
 */
@Service
public class Inquiries {

	/** The roles of organisations that may ask about a listing. */
	static final EnumSet<Role> BUYERS = EnumSet.of(Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT);

	private final InquiryRows rows;
	private final Listings listings;
	private final Organisations organisations;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	Inquiries(InquiryRows rows, Listings listings, Organisations organisations, ApplicationEventPublisher events,
			AuditLog audit, Clock clock) {
		this.rows = rows;
		this.listings = listings;
		this.organisations = organisations;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** An offer as a side writes it: the amount, the mode (one the listing offers) and the terms in its own words. */
	public record OfferForm(@Nullable Money amount, @Nullable ListingMode mode, @Nullable String terms) {
	}

	/**
	 * Opens the acting organisation's thread on a published listing with a first message; refused with
	 * {@code inquiry.already-open} (and the thread's id) when it has one already.
	 */
	@Transactional
	public InquiryThread open(UUID listingId, @Nullable String message, List<InquiryFiles.Upload> files) {
		Actor actor = Actors.require();
		if (actor.organisationId() == null || actor.roles().stream().noneMatch(BUYERS::contains)) {
			throw KejiaoException.forbidden("inquiry.organisations-only");
		}
		ListingView listing = listings.get(listingId, actor);
		if (listing.sellerOrgId().equals(actor.organisationId())) {
			throw KejiaoException.conflict("inquiry.own-listing");
		}
		if (listing.state() != ListingState.PUBLISHED) {
			throw KejiaoException.conflict("inquiry.listing-not-available", listing.title());
		}
		OrganisationView buyer = organisations.find(actor.organisationId()).orElseThrow();
		if (!buyer.isVerified()) {
			throw KejiaoException.forbidden("inquiry.organisation-not-verified");
		}
		Optional<UUID> existing = rows.of(listingId, buyer.id());
		if (existing.isPresent()) {
			throw KejiaoException.conflict("inquiry.already-open").with("inquiryId", existing.get());
		}
		String body = body(message, files);
		Instant now = clock.instant();
		InquiryView inquiry = new InquiryView(UUID.randomUUID(), listingId, listing.title(), listing.sellerOrgId(),
				listing.sellerOrgName(), listing.sellerRegionCode(), buyer.id(), buyer.name(), buyer.regionCode(), now, now,
				false);
		rows.insert(inquiry, actor.username());
		write(inquiry.id(), InquirySide.BUYER, actor, body, files, now);
		audit.record("inquiry.opened", "trading-inquiry", inquiry.id().toString(), inquiry.title(),
				inquiry.sellerRegionCode(), null, Map.of("buyer", buyer.name(), "seller", listing.sellerOrgName()));
		events.publishEvent(new InquiryActivity(inquiry.id(), InquiryActivity.Kind.OPENED, inquiry.title(), buyer.name(),
				listing.sellerOrgId(), "", "inquiry-opened:" + inquiry.id(), now));
		return thread(inquiry, actor);
	}

	/** The acting organisation's thread on the listing, if it has one. */
	@Transactional(readOnly = true)
	public Optional<UUID> mineOn(UUID listingId) {
		return Actors.current().flatMap(actor -> actor.organisationId() == null ? Optional.empty()
				: rows.of(listingId, actor.organisationId()));
	}

	/**
	 * The threads the reader may read: its organisation's (as buyer or seller); for an admin, those with a side in
	 * the region it governs.
	 */
	@Transactional(readOnly = true)
	public List<InquiryView> mine() {
		Actor actor = Actors.require();
		if (actor.isPlatformAdmin()) {
			return rows.inRegion("%");
		}
		if (actor.isRegionAdmin()) {
			return rows.inRegion(RegionCodes.likePattern(actor.regionCode()));
		}
		return actor.organisationId() == null ? List.of() : rows.ofOrganisation(actor.organisationId());
	}

	@Transactional(readOnly = true)
	public InquiryThread get(UUID id) {
		Actor actor = Actors.require();
		return thread(readable(rows.find(id), id, actor), actor);
	}

	/** A file of the thread, for its readers. */
	@Transactional(readOnly = true)
	public InquiryFiles.Download attachment(UUID id, UUID fileId) {
		readable(rows.find(id), id, Actors.require());
		return rows.attachment(id, fileId).orElseThrow(() -> KejiaoException.notFound("inquiry.file-not-found", fileId));
	}

	@Transactional
	public InquiryThread post(UUID id, @Nullable String message, List<InquiryFiles.Upload> files) {
		Actor actor = Actors.require();
		InquiryView inquiry = readable(rows.lock(id), id, actor);
		InquirySide side = writer(inquiry, actor);
		String body = body(message, files);
		Instant now = clock.instant();
		UUID messageId = write(id, side, actor, body, files, now);
		rows.touched(id, now, false);
		events.publishEvent(new InquiryActivity(id, InquiryActivity.Kind.MESSAGE, inquiry.title(), orgName(inquiry, side),
				orgId(inquiry, side.other()), "", "inquiry-message:" + messageId, now));
		return thread(inquiry, actor);
	}

	/** An offer by the acting side; it replaces the thread's open offer, if any. */
	@Transactional
	public InquiryOffer offer(UUID id, OfferForm form) {
		Actor actor = Actors.require();
		InquiryView inquiry = readable(rows.lock(id), id, actor);
		InquirySide side = writer(inquiry, actor);
		ListingView listing = listings.find(inquiry.listingId()).orElseThrow();
		if (listing.state() != ListingState.PUBLISHED) {
			throw KejiaoException.conflict("inquiry.listing-not-available", listing.title());
		}
		if (form.amount() == null || form.amount().isZero()) {
			throw KejiaoException.invalid("inquiry.amount-required");
		}
		if (form.mode() == null || !listing.offers(form.mode())) {
			throw KejiaoException.invalid("inquiry.mode-not-offered");
		}
		String terms = form.terms() == null ? "" : form.terms().strip();
		if (terms.length() > 2000) {
			throw KejiaoException.invalid("inquiry.text-too-long", 2000);
		}
		Instant now = clock.instant();
		InquiryOffer offer = new InquiryOffer(UUID.randomUUID(), id, side, form.amount(), form.mode(), terms,
				actor.username(), now, OfferState.OPEN, null, null);
		rows.offer(offer);
		rows.touched(id, now, false);
		audit.record("inquiry.offer-made", "trading-inquiry", id.toString(), inquiry.title(), inquiry.sellerRegionCode(),
				null, offerState(offer));
		events.publishEvent(new InquiryActivity(id, InquiryActivity.Kind.OFFER, inquiry.title(), orgName(inquiry, side),
				orgId(inquiry, side.other()), offer.amount().yuan(), "inquiry-offer:" + offer.id(), now));
		return offer;
	}

	/**
	 * The other side accepts the thread's open offer: the two organisations have agreed. Publishes
	 * {@link OfferAccepted}; sells the listing when the mode leaves nothing more to give.
	 */
	@Transactional
	public InquiryOffer accept(UUID id, UUID offerId) {
		Actor actor = Actors.require();
		InquiryView inquiry = readable(rows.lock(id), id, actor);
		InquirySide side = writer(inquiry, actor);
		InquiryOffer offer = rows.lockOffer(id, offerId)
			.orElseThrow(() -> KejiaoException.notFound("inquiry.offer-not-found", offerId));
		if (offer.side() == side) {
			throw KejiaoException.conflict("inquiry.own-offer");
		}
		if (offer.state() != OfferState.OPEN) {
			throw KejiaoException.conflict("inquiry.offer-not-open", offer.state().name());
		}
		ListingView listing = listings.find(inquiry.listingId()).orElseThrow();
		if (listing.state() != ListingState.PUBLISHED) {
			throw KejiaoException.conflict("inquiry.listing-not-available", listing.title());
		}
		Instant now = clock.instant();
		rows.answered(offerId, OfferState.ACCEPTED, actor.username(), now);
		rows.touched(id, now, true);
		if (offer.mode().endsListing()) {
			listings.sold(listing.id(), now);
			rows.lapseOffersOn(listing.id(), now);
		}
		InquiryOffer accepted = new InquiryOffer(offer.id(), id, offer.side(), offer.amount(), offer.mode(),
				offer.terms(), offer.madeBy(), offer.madeAt(), OfferState.ACCEPTED, actor.username(), now);
		audit.record("inquiry.offer-accepted", "trading-inquiry", id.toString(), inquiry.title(),
				inquiry.sellerRegionCode(), offerState(offer), offerState(accepted));
		events.publishEvent(new OfferAccepted(offer.id(), id, listing.id(), listing.title(), inquiry.sellerOrgId(),
				inquiry.buyerOrgId(), offer.amount(), offer.mode().name(), offer.terms(), now));
		events.publishEvent(new InquiryActivity(id, InquiryActivity.Kind.ACCEPTED, inquiry.title(),
				orgName(inquiry, side), orgId(inquiry, side.other()), offer.amount().yuan(),
				"inquiry-accepted:" + offer.id(), now));
		return accepted;
	}

	/** The thread for a reader who may read it; not found for anyone else, so that it is not known to exist. */
	private static InquiryView readable(Optional<InquiryView> found, UUID id, Actor actor) {
		InquiryView inquiry = found.orElseThrow(() -> KejiaoException.notFound("inquiry.not-found", id));
		if (inquiry.sideOf(actor.organisationId()).isEmpty() && !actor.governs(inquiry.sellerRegionCode())
				&& !actor.governs(inquiry.buyerRegionCode())) {
			throw KejiaoException.notFound("inquiry.not-found", id);
		}
		return inquiry;
	}

	/** The side the actor writes for; an admin reading a thread may not write in it. */
	private static InquirySide writer(InquiryView inquiry, Actor actor) {
		return inquiry.sideOf(actor.organisationId())
			.orElseThrow(() -> KejiaoException.forbidden("inquiry.parties-only"));
	}

	private InquiryThread thread(InquiryView inquiry, Actor actor) {
		InquiryView fresh = rows.find(inquiry.id()).orElse(inquiry);
		return new InquiryThread(fresh, listings.find(inquiry.listingId()).orElseThrow(), rows.messages(inquiry.id()),
				rows.offers(inquiry.id()), fresh.sideOf(actor.organisationId()).orElse(null));
	}

	private UUID write(UUID inquiryId, InquirySide side, Actor actor, String body, List<InquiryFiles.Upload> files,
			Instant at) {
		InquiryFiles.check(files);
		UUID messageId = rows.message(inquiryId, side, actor.username(), actor.displayName(), body, at);
		for (InquiryFiles.Upload file : files) {
			rows.attach(inquiryId, messageId, file, java.util.Objects.requireNonNull(InquiryFiles.contentType(file.name())));
		}
		return messageId;
	}

	private static String body(@Nullable String message, List<InquiryFiles.Upload> files) {
		String body = message == null ? "" : message.strip();
		if (body.isEmpty() && files.isEmpty()) {
			throw KejiaoException.invalid("inquiry.message-empty");
		}
		if (body.length() > 5000) {
			throw KejiaoException.invalid("inquiry.text-too-long", 5000);
		}
		return body;
	}

	private static String orgName(InquiryView inquiry, InquirySide side) {
		return side == InquirySide.SELLER ? inquiry.sellerOrgName() : inquiry.buyerOrgName();
	}

	private static UUID orgId(InquiryView inquiry, InquirySide side) {
		return side == InquirySide.SELLER ? inquiry.sellerOrgId() : inquiry.buyerOrgId();
	}

	private static Map<String, Object> offerState(InquiryOffer offer) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("offer", offer.id().toString());
		state.put("side", offer.side().name());
		state.put("amount", offer.amount().yuan());
		state.put("mode", offer.mode().name());
		state.put("state", offer.state().name());
		return state;
	}
}
