package cn.kejiao.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's facade for owners and admins: create, describe, publish, withdraw; suspend and reinstate
 * for the admins of the entry's region. Every change is audited; the search index follows on commit.
 */
@Service
public class Catalog {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final CatalogEntryRepository entries;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final JsonMapper json;
	private final Clock clock;
	private final InstrumentCategories categories;
	private final EntryVisibility visibility;
	private final CatalogFlows flows;

	Catalog(CatalogEntryRepository entries, Organisations organisations, Regions regions, AuditLog audit, JsonMapper json,
			Clock clock, InstrumentCategories categories, EntryVisibility visibility, CatalogFlows flows) {
		this.flows = flows;
		this.categories = categories;
		this.visibility = visibility;
		this.entries = entries;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Refuses at once a caller who may not own entries of this type (before a long import starts). */
	public void requireOwnerOf(EntryType type) {
		owningOrganisation(Actors.require(), type);
	}

	/** Creates a draft entry of the actor's organisation. */
	@Transactional
	public EntryView create(EntryType type, EntryForm form) {
		Actor actor = Actors.require();
		OrganisationView owner = owningOrganisation(actor, type);
		String code = form.externalCode() == null || form.externalCode().isBlank()
				? type.name().substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
				: form.externalCode().strip();
		if (entries.findByOwnerOrgIdAndTypeAndExternalCode(owner.id(), type, code).isPresent()) {
			throw KejiaoException.conflict("catalog.external-code-taken", code);
		}
		CatalogEntry entry = new CatalogEntry(UUID.randomUUID(), type, code, owner.id(), owner.name(), clock.instant());
		entry.describe(checkedCategory(type, form), regionOf(form, owner), detailsJson(type, owner.id(), form), clock.instant());
		entries.saveAndFlush(entry);
		audit.record("catalog.created", "catalog-" + type.name().toLowerCase(), entry.id().toString(), entry.title(),
				entry.regionCode(), null, entry.state(details(entry)));
		return entry.view(details(entry), true);
	}

	/** Creates the entry or, when the organisation already has one with this external code, updates it. */
	@Transactional
	public EntryView upsert(EntryType type, EntryForm form) {
		Actor actor = Actors.require();
		OrganisationView owner = owningOrganisation(actor, type);
		if (form.externalCode() != null && !form.externalCode().isBlank()) {
			var existing = entries.findByOwnerOrgIdAndTypeAndExternalCode(owner.id(), type, form.externalCode().strip());
			if (existing.isPresent()) {
				return update(existing.get().id(), form);
			}
		}
		return create(type, form);
	}

	@Transactional
	public EntryView update(UUID id, EntryForm form) {
		CatalogEntry entry = owned(id);
		Map<String, Object> before = entry.state(details(entry));
		OrganisationView owner = organisations.find(entry.ownerOrgId()).orElseThrow();
		entry.describe(checkedCategory(entry.type(), form), regionOf(form, owner), detailsJson(entry.type(), owner.id(), form),
				clock.instant());
		entries.saveAndFlush(entry);
		flows.follow(entry, clock.instant());
		audit.record("catalog.updated", "catalog-" + entry.type().name().toLowerCase(), id.toString(), entry.title(),
				entry.regionCode(), before, entry.state(details(entry)));
		return entry.view(details(entry), true);
	}

	@Transactional
	public EntryView publish(UUID id) {
		return change(owned(id), "catalog.published", entry -> entry.publish(clock.instant()));
	}

	@Transactional
	public EntryView withdraw(UUID id) {
		return change(owned(id), "catalog.withdrawn", entry -> entry.withdraw(clock.instant()));
	}

	/** An instrument under maintenance stays listed but cannot be booked. */
	@Transactional
	public EntryView maintenance(UUID id, boolean on) {
		return change(owned(id), on ? "catalog.maintenance-started" : "catalog.maintenance-ended",
				entry -> entry.maintenance(on, clock.instant()));
	}

	/** A region admin takes an entry of its region out of the catalog. */
	@Transactional
	public EntryView suspend(UUID id) {
		return change(governed(id), "catalog.suspended", entry -> entry.suspend(clock.instant()));
	}

	@Transactional
	public EntryView reinstate(UUID id) {
		return change(governed(id), "catalog.reinstated", entry -> entry.reinstate(clock.instant()));
	}

	/** An entry as the reader may see it (reader may be null for visitors): see {@link EntryVisibility}. */
	@Transactional(readOnly = true)
	public EntryView get(UUID id, @Nullable Actor reader) {
		CatalogEntry entry = entries.findById(id).orElseThrow(() -> KejiaoException.notFound("catalog.not-found", id));
		EntryVisibility.Reader who = visibility.reader(reader);
		if (!EntryVisibility.maySee(who, entry)) {
			throw KejiaoException.notFound("catalog.not-found", id);
		}
		return entry.view(details(entry), EntryVisibility.privileged(who, entry.ownerOrgId(), entry.regionCode()));
	}

	/**
	 * An instrument whole, prices and details included, for a module that acts on it on the reader's behalf (booking
	 * prices a reservation by the instrument's two price groups); empty when there is no such instrument. Check what
	 * the reader may see with {@link #get} first: this view is never meant to be shown as it is.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<EntryView> instrument(UUID id) {
		return entries.findById(id).filter(entry -> entry.type() == EntryType.INSTRUMENT)
			.map(entry -> entry.view(details(entry), true));
	}

	/**
	 * The public instruments (published or in maintenance) of a region and the regions below it, whole as
	 * {@link #instrument} gives them, by title: what the region's figures of use are counted over.
	 */
	@Transactional(readOnly = true)
	public List<EntryView> publicInstrumentsIn(String regionCode) {
		return entries.findByTypeAndStateInAndRegionCodeStartingWithOrderByTitle(EntryType.INSTRUMENT,
				List.of(EntryState.PUBLISHED, EntryState.MAINTENANCE), cn.kejiao.platform.RegionCodes.prefix(regionCode))
			.stream().map(entry -> entry.view(details(entry), true)).toList();
	}

	/**
	 * An entry for its owner's form: as {@link #get} for the acting user, and refused ({@code catalog.not-owner})
	 * when the user's organisation does not own it.
	 */
	@Transactional(readOnly = true)
	public EntryView forOwner(UUID id) {
		Actor actor = Actors.require();
		EntryView entry = get(id, actor);
		if (!entry.ownerOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("catalog.not-owner");
		}
		return entry;
	}

	/** The instruments a service names, as far as the reader may see them. */
	@Transactional(readOnly = true)
	public List<EntryView> instrumentsOf(EntryView service, @Nullable Actor reader) {
		if (!(service.details().get("instruments") instanceof List<?> codes)) {
			return List.of();
		}
		List<UUID> ids = new ArrayList<>();
		for (Object code : codes) {
			entries.findByOwnerOrgIdAndTypeAndExternalCode(service.ownerOrgId(), EntryType.INSTRUMENT, String.valueOf(code))
				.ifPresent(entry -> ids.add(entry.id()));
		}
		return views(ids, reader);
	}

	/** The entries of the reader's own organisation, of one type or all. */
	@Transactional(readOnly = true)
	public List<EntryView> mine(EntryType type) {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			return List.of();
		}
		List<CatalogEntry> found = type == null ? entries.findByOwnerOrgIdOrderByUpdatedAtDesc(actor.organisationId())
				: entries.findByOwnerOrgIdAndTypeOrderByUpdatedAtDesc(actor.organisationId(), type);
		return found.stream().map(entry -> entry.view(details(entry), true)).toList();
	}

	/**
	 * The regions of several entries by id, in one query, whatever their state or confidentiality: for modules that
	 * count by region and show no entry. Unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> regionsOf(java.util.Collection<UUID> ids) {
		Map<UUID, String> regions = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			entries.findAllById(Set.copyOf(ids)).forEach(entry -> regions.put(entry.id(), entry.regionCode()));
		}
		return regions;
	}

	/** Several entries as the reader may see them, in the given order; invisible ones are left out. */
	@Transactional(readOnly = true)
	public List<EntryView> views(List<UUID> ids, @Nullable Actor reader) {
		EntryVisibility.Reader who = visibility.reader(reader);
		Map<UUID, CatalogEntry> found = new java.util.HashMap<>();
		entries.findAllById(ids).forEach(entry -> found.put(entry.id(), entry));
		List<EntryView> views = new java.util.ArrayList<>();
		for (UUID id : ids) {
			CatalogEntry entry = found.get(id);
			if (entry == null) {
				continue;
			}
			if (EntryVisibility.maySee(who, entry)) {
				views.add(entry.view(details(entry), EntryVisibility.privileged(who, entry.ownerOrgId(), entry.regionCode())));
			}
		}
		return views;
	}

	/** Every entry of the admin's region and the regions below it, in any state, newest change first. */
	@Transactional(readOnly = true)
	public org.springframework.data.domain.Page<EntryView> inRegion(EntryState state, String text, int page) {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		String pattern = actor.isPlatformAdmin() ? "%" : cn.kejiao.platform.RegionCodes.likePattern(actor.regionCode());
		String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%";
		return entries.inRegion(pattern, state, like, Paging.of(page, 30, 30).pageRequest())
			.map(entry -> entry.view(details(entry), true));
	}

	@Transactional(readOnly = true)
	public long countAll() {
		return entries.count();
	}

	@Transactional(readOnly = true)
	public long countPublic() {
		return entries.countByStateIn(List.of(EntryState.PUBLISHED, EntryState.MAINTENANCE));
	}

	private EntryView change(CatalogEntry entry, String action, java.util.function.Consumer<CatalogEntry> step) {
		Map<String, Object> before = entry.state(details(entry));
		step.accept(entry);
		entries.saveAndFlush(entry);
		flows.follow(entry, clock.instant());
		audit.record(action, "catalog-" + entry.type().name().toLowerCase(), entry.id().toString(), entry.title(),
				entry.regionCode(), before, entry.state(details(entry)));
		return entry.view(details(entry), true);
	}

	private CatalogEntry owned(UUID id) {
		Actor actor = Actors.require();
		CatalogEntry entry = entries.findById(id).orElseThrow(() -> KejiaoException.notFound("catalog.not-found", id));
		if (!entry.ownerOrgId().equals(actor.organisationId())) {
			if (actor.governs(entry.regionCode()) || entry.state().isPublic()) {
				throw KejiaoException.forbidden("catalog.not-owner");
			}
			throw KejiaoException.notFound("catalog.not-found", id);
		}
		return entry;
	}

	private CatalogEntry governed(UUID id) {
		Actor actor = Actors.require();
		CatalogEntry entry = entries.findById(id).orElseThrow(() -> KejiaoException.notFound("catalog.not-found", id));
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		if (!actor.governs(entry.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", entry.regionCode());
		}
		return entry;
	}

	private OrganisationView owningOrganisation(Actor actor, EntryType type) {
		Set<Role> allowed = switch (type) {
			case INSTRUMENT, SERVICE -> EnumSet.of(Role.PROVIDER);
			case ACHIEVEMENT -> EnumSet.of(Role.PROVIDER, Role.ENTERPRISE, Role.EXPERT);
			case EXPERT -> EnumSet.of(Role.PROVIDER, Role.EXPERT);
		};
		if (actor.roles().stream().noneMatch(allowed::contains) || actor.organisationId() == null) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		OrganisationView owner = organisations.find(actor.organisationId()).orElseThrow();
		if (!owner.isVerified()) {
			throw KejiaoException.forbidden("catalog.organisation-not-verified");
		}
		return owner;
	}

	/** An instrument's category must be one of the list (by name or code); it is stored by name. */
	private EntryForm checkedCategory(EntryType type, EntryForm form) {
		if (type != EntryType.INSTRUMENT || form.category() == null || form.category().isBlank()) {
			return form;
		}
		String name = categories.find(form.category())
			.orElseThrow(() -> KejiaoException.invalid("catalog.category-unknown", form.category()))
			.name();
		return new EntryForm(form.externalCode(), form.title(), form.summary(), form.keywords(), name, form.price(),
				form.priceUnit(), form.accreditations(), form.maturity(), form.confidentiality(), form.regionCode(),
				form.details());
	}

	/**
	 * An entry's region is its organisation's: that is what puts it under the admins who govern the
	 * organisation. A region given with the entry is only accepted when it is that one; any other is refused
	 * ({@code catalog.region-of-organisation}) rather than silently dropped, so an import or a script learns
	 * that the field does not move anything.
	 */
	private String regionOf(EntryForm form, OrganisationView owner) {
		String asked = form.regionCode() == null ? "" : form.regionCode().strip();
		if (!asked.isEmpty() && !asked.equals(owner.regionCode())) {
			throw KejiaoException.invalid("catalog.region-of-organisation", asked, regions.fullName(owner.regionCode()));
		}
		return owner.regionCode();
	}

	/**
	 * The type's own attributes, checked and converted (see {@link EntryDetails}); a service's instruments
	 * must be the owner's own.
	 */
	private String detailsJson(EntryType type, UUID ownerId, EntryForm form) {
		List<EntryDetails.Problem> problems = new ArrayList<>();
		Map<String, Object> details = EntryDetails.normalise(type, form.details(), problems);
		if (!problems.isEmpty()) {
			EntryDetails.Problem problem = problems.getFirst();
			List<Object> args = new ArrayList<>();
			args.add(problem.field().header());
			args.addAll(problem.args());
			throw KejiaoException.invalid("catalog.detail." + problem.code(), args.toArray());
		}
		if (details.get("instruments") instanceof List<?> codes) {
			for (Object code : codes) {
				if (entries.findByOwnerOrgIdAndTypeAndExternalCode(ownerId, EntryType.INSTRUMENT, String.valueOf(code)).isEmpty()) {
					throw KejiaoException.invalid("catalog.detail.instrument", code);
				}
			}
		}
		String text = json.writeValueAsString(details);
		if (text.length() > 50_000) {
			throw KejiaoException.invalid("catalog.details-too-large");
		}
		return text;
	}

	private Map<String, Object> details(CatalogEntry entry) {
		return entry.details() == null || entry.details().isBlank() ? Map.of() : json.readValue(entry.details(), MAP);
	}
}
