package cn.kejiao.demand;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/**
 * Posting and changing technology demands: an enterprise posts its own, a region admin one for an industry
 * chain of its region; the author (or the region's admins) edits it and moves it through its states. Who may
 * see and manage a demand is decided by {@link Demands}; opening one publishes {@link DemandOpened}.
 */
@Service
public class DemandPosting {

	private final JdbcClient jdbc;
	private final Demands demands;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	DemandPosting(JdbcClient jdbc, Demands demands, Organisations organisations, Regions regions, AuditLog audit,
			Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.demands = demands;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** Whether the reader may post demands at all: verified enterprises and region or platform admins. */
	public boolean mayPost(@Nullable Actor actor) {
		return actor != null && (actor.has(Role.ENTERPRISE) || actor.isRegionAdmin() || actor.isPlatformAdmin());
	}

	/** Whether the actor posts for an industry chain of a region it governs rather than for its own enterprise. */
	public boolean postsForARegion(Actor actor) {
		return !postsForItsEnterprise(actor) && (actor.isRegionAdmin() || actor.isPlatformAdmin());
	}

	private static boolean postsForItsEnterprise(Actor actor) {
		return actor.has(Role.ENTERPRISE) && actor.organisationId() != null;
	}

	/** The poster, for the posting form: one who may not post is refused here rather than on submitting. */
	public Actor requirePoster() {
		Actor actor = Actors.require();
		if (!mayPost(actor)) {
			throw KejiaoException.forbidden("demand.posters-only");
		}
		return actor;
	}

	/**
	 * Posts a demand as a draft, or opens it at once when {@code open}: in one transaction, so a demand that
	 * could not be opened is not left behind as a draft.
	 */
	@Transactional
	public DemandView create(DemandForm form, boolean open) {
		Actor actor = Actors.require();
		String regionCode;
		UUID ownerOrg;
		String ownerName;
		String chain = form.industryChain() == null ? "" : form.industryChain().strip();
		if (postsForItsEnterprise(actor)) {
			OrganisationView enterprise = organisations.find(actor.organisationId()).filter(OrganisationView::isVerified)
				.orElseThrow(() -> KejiaoException.forbidden("demand.posters-only"));
			regionCode = enterprise.regionCode();
			ownerOrg = enterprise.id();
			ownerName = enterprise.name();
		}
		else if (postsForARegion(actor)) {
			regionCode = form.regionCode() == null || form.regionCode().isBlank() ? actor.regionCode() : form.regionCode().strip();
			regions.find(regionCode).orElseThrow(() -> KejiaoException.invalid("region.not-found", regionCode));
			if (!actor.governs(regionCode)) {
				throw KejiaoException.forbidden("auth.region-forbidden", regionCode);
			}
			if (chain.isEmpty()) {
				throw KejiaoException.invalid("demand.chain-required");
			}
			ownerOrg = actor.organisationId();
			ownerName = actor.organisationName() == null ? regions.fullName(regionCode) : actor.organisationName();
		}
		else {
			throw KejiaoException.forbidden("demand.posters-only");
		}
		Fields fields = fields(form, regionCode);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		long sequence = jdbc.sql("select nextval('demand.demand_number')").query(Long.class).single();
		String number = "XQ" + LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear()
				+ String.format("%06d", sequence);
		jdbc.sql("""
				insert into demand.demand (id, number, title, description, field, keywords, budget, deadline, modes,
				    visibility, zone_code, hide_name, state, owner_org_id, owner_org_name, region_code, industry_chain,
				    posted_by, created_at, updated_at)
				values (:id, :number, :title, :description, :field, :keywords, :budget, :deadline, :modes, :visibility,
				    :zone, :hide, 'DRAFT', :owner, :ownerName, :region, :chain, :by, :at, :at)""")
			.param("id", id).param("number", number).params(fields.params()).param("owner", ownerOrg, java.sql.Types.OTHER)
			.param("ownerName", ownerName).param("region", regionCode).param("chain", chain).param("by", actor.username())
			.param("at", Timestamp.from(now))
			.update();
		DemandView view = demands.view(demands.row(id), actor);
		audit.record("demand.created", "demand", id.toString(), view.title(), regionCode, null,
				demands.view(demands.row(id), null));
		return open ? open(id) : view;
	}

	/** Changes a draft or an open demand. */
	@Transactional
	public DemandView update(UUID id, DemandForm form) {
		Actor actor = Actors.require();
		Demands.Row before = demands.lockManaged(id, actor);
		if (before.state() != DemandState.DRAFT && before.state() != DemandState.OPEN) {
			throw KejiaoException.conflict("demand.state", before.state().name());
		}
		Fields fields = fields(form, before.regionCode());
		fields.params().put("hide", hidingAsked(form, before, actor));
		jdbc.sql("""
				update demand.demand set title = :title, description = :description, field = :field, keywords = :keywords,
				    budget = :budget, deadline = :deadline, modes = :modes, visibility = :visibility, zone_code = :zone,
				    hide_name = :hide, industry_chain = case when industry_chain = '' then '' else :chain end,
				    updated_at = :at
				where id = :id""")
			.params(fields.params()).param("chain", form.industryChain() == null || form.industryChain().isBlank()
					? before.industryChain() : form.industryChain().strip())
			.param("at", Timestamp.from(clock.instant())).param("id", id).update();
		audit.record("demand.updated", "demand", id.toString(), before.title(), before.regionCode(),
				demands.view(before, null), demands.view(demands.row(id), null));
		return demands.view(demands.row(id), actor);
	}

	/**
	 * Whether the name is to be hidden after a change: a change that leaves {@code hideName} out leaves it as
	 * it is; only the owner may change it ({@code demand.hide-name-owner-only}), the region's admins who may
	 * edit the demand may not.
	 */
	private static boolean hidingAsked(DemandForm form, Demands.Row before, Actor actor) {
		if (form.hideName() == null || form.hideName() == before.hideName()) {
			return before.hideName();
		}
		if (!Demands.isOwner(before, actor)) {
			throw KejiaoException.forbidden("demand.hide-name-owner-only");
		}
		return form.hideName();
	}

	/** Publishes a draft. */
	@Transactional
	public DemandView open(UUID id) {
		return transition(id, DemandState.OPEN, List.of(DemandState.DRAFT, DemandState.IN_TALKS));
	}

	/** The author is talking with someone about it. */
	@Transactional
	public DemandView inTalks(UUID id) {
		return transition(id, DemandState.IN_TALKS, List.of(DemandState.OPEN));
	}

	@Transactional
	public DemandView solved(UUID id) {
		return transition(id, DemandState.SOLVED, List.of(DemandState.OPEN, DemandState.IN_TALKS));
	}

	@Transactional
	public DemandView close(UUID id) {
		return transition(id, DemandState.CLOSED, List.of(DemandState.DRAFT, DemandState.OPEN, DemandState.IN_TALKS));
	}

	/**
	 * The owner agrees to show its name after all. Only the owner: the region's admins, who manage the
	 * demand, are refused ({@code demand.hide-name-owner-only}).
	 */
	@Transactional
	public DemandView reveal(UUID id) {
		Actor actor = Actors.require();
		Demands.Row before = demands.lockManaged(id, actor);
		if (!Demands.isOwner(before, actor)) {
			throw KejiaoException.forbidden("demand.hide-name-owner-only");
		}
		jdbc.sql("update demand.demand set hide_name = false, updated_at = :at where id = :id")
			.param("at", Timestamp.from(clock.instant())).param("id", id).update();
		DemandView view = demands.view(demands.row(id), actor);
		audit.record("demand.revealed", "demand", id.toString(), view.title(), before.regionCode(), null, null);
		return view;
	}

	private DemandView transition(UUID id, DemandState to, List<DemandState> from) {
		Actor actor = Actors.require();
		Demands.Row before = demands.lockManaged(id, actor);
		if (!from.contains(before.state())) {
			throw KejiaoException.conflict("demand.state", before.state().name());
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update demand.demand set state = :state, updated_at = :at,
				    opened_at = case when :state = 'OPEN' and opened_at is null then :at else opened_at end
				where id = :id""")
			.param("state", to.name()).param("at", Timestamp.from(now)).param("id", id).update();
		DemandView view = demands.view(demands.row(id), actor);
		audit.record("demand." + to.name().toLowerCase(Locale.ROOT).replace('_', '-'), "demand", id.toString(), view.title(),
				before.regionCode(), Map.of("state", before.state().name()), Map.of("state", to.name()));
		if (to == DemandState.OPEN) {
			events.publishEvent(new DemandOpened(id));
		}
		return view;
	}

	// ---- the form

	private record Fields(Map<String, Object> params) {
	}

	private Fields fields(DemandForm form, String regionCode) {
		String title = form.title() == null ? "" : form.title().strip();
		if (title.length() < 4 || title.length() > 200) {
			throw KejiaoException.invalid("demand.title-length");
		}
		String description = form.description() == null ? "" : form.description().strip();
		if (description.length() < 10 || description.length() > 5000) {
			throw KejiaoException.invalid("demand.description-length");
		}
		List<String> keywords = form.keywords() == null ? List.of()
				: form.keywords().stream().flatMap(k -> Arrays.stream(k.split("[,，;；、\\s]+"))).map(String::strip)
					.filter(k -> !k.isEmpty()).distinct().toList();
		if (keywords.size() > 20) {
			throw KejiaoException.invalid("demand.too-many-keywords");
		}
		Long budget = form.budget() == null || form.budget().isBlank() ? null : Money.positiveFen(form.budget(), "budget");
		if (form.deadline() != null && form.deadline().isBefore(LocalDate.now(clock.withZone(ChinaTime.ZONE)))) {
			throw KejiaoException.invalid("demand.deadline-past");
		}
		Visibility visibility = form.visibility() == null ? Visibility.PUBLIC : form.visibility();
		String zone = null;
		if (visibility == Visibility.ZONE) {
			if (form.zoneCode() == null || form.zoneCode().isBlank()) {
				throw KejiaoException.invalid("demand.zone-required");
			}
			zone = form.zoneCode().strip();
			if (!regions.zoneCovers(zone, regionCode)) {
				throw KejiaoException.invalid("demand.zone-not-own", zone);
			}
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("title", title);
		params.put("description", description);
		params.put("field", form.field() == null ? "" : form.field().strip());
		params.put("keywords", keywords.toArray(String[]::new));
		params.put("budget", budget == null ? new SqlParameterValue(java.sql.Types.BIGINT, null) : budget);
		params.put("deadline", form.deadline() == null ? new SqlParameterValue(java.sql.Types.DATE, null)
				: form.deadline());
		params.put("modes", (form.modes() == null ? List.<CooperationMode>of() : form.modes()).stream().distinct()
			.map(Enum::name).toArray(String[]::new));
		params.put("visibility", visibility.name());
		params.put("zone", zone == null ? new SqlParameterValue(java.sql.Types.VARCHAR, null) : zone);
		params.put("hide", Boolean.TRUE.equals(form.hideName()));
		return new Fields(params);
	}
}
