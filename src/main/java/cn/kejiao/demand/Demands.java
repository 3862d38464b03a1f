package cn.kejiao.demand;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/**
 * Technology demands: an enterprise posts its own; a region admin posts one for an industry chain of its
 * region. Drafts are seen by their authors only; an open demand by whom its visibility allows (everyone,
 * the members of a cooperation zone, or its province), with the enterprise's name hidden when it asked so.
 */
@Service
public class Demands {

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	Demands(JdbcClient jdbc, Organisations organisations, Regions regions, AuditLog audit, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/** Posts a demand as a draft; {@link #open(UUID)} publishes it. */
	@Transactional
	public DemandView create(DemandForm form) {
		Actor actor = Actors.require();
		String regionCode;
		UUID ownerOrg;
		String ownerName;
		String chain = form.industryChain() == null ? "" : form.industryChain().strip();
		if (actor.has(Role.ENTERPRISE) && actor.organisationId() != null) {
			OrganisationView enterprise = organisations.find(actor.organisationId()).filter(OrganisationView::isVerified)
				.orElseThrow(() -> KejiaoException.forbidden("demand.posters-only"));
			regionCode = enterprise.regionCode();
			ownerOrg = enterprise.id();
			ownerName = enterprise.name();
		}
		else if (actor.isRegionAdmin() || actor.isPlatformAdmin()) {
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
		String number = "XQ" + LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).getYear()
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
		DemandView view = view(row(id), actor);
		audit.record("demand.created", "demand", id.toString(), view.title(), regionCode, null, view);
		return view;
	}

	/** Changes a draft or an open demand. */
	@Transactional
	public DemandView update(UUID id, DemandForm form) {
		Actor actor = Actors.require();
		Row before = lockManaged(id, actor);
		if (before.state() != DemandState.DRAFT && before.state() != DemandState.OPEN) {
			throw KejiaoException.conflict("demand.state", before.state().name());
		}
		Fields fields = fields(form, before.regionCode());
		jdbc.sql("""
				update demand.demand set title = :title, description = :description, field = :field, keywords = :keywords,
				    budget = :budget, deadline = :deadline, modes = :modes, visibility = :visibility, zone_code = :zone,
				    hide_name = :hide, industry_chain = case when industry_chain = '' then '' else :chain end,
				    updated_at = :at
				where id = :id""")
			.params(fields.params()).param("chain", form.industryChain() == null || form.industryChain().isBlank()
					? before.industryChain() : form.industryChain().strip())
			.param("at", Timestamp.from(clock.instant())).param("id", id).update();
		DemandView view = view(row(id), actor);
		audit.record("demand.updated", "demand", id.toString(), view.title(), before.regionCode(), view(before, actor), view);
		return view;
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

	/** The author agrees to show its name after all. */
	@Transactional
	public DemandView reveal(UUID id) {
		Actor actor = Actors.require();
		Row before = lockManaged(id, actor);
		jdbc.sql("update demand.demand set hide_name = false, updated_at = :at where id = :id")
			.param("at", Timestamp.from(clock.instant())).param("id", id).update();
		DemandView view = view(row(id), actor);
		audit.record("demand.revealed", "demand", id.toString(), view.title(), before.regionCode(), null, null);
		return view;
	}

	private DemandView transition(UUID id, DemandState to, List<DemandState> from) {
		Actor actor = Actors.require();
		Row before = lockManaged(id, actor);
		if (!from.contains(before.state())) {
			throw KejiaoException.conflict("demand.state", before.state().name());
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update demand.demand set state = :state, updated_at = :at,
				    opened_at = case when :state = 'OPEN' and opened_at is null then :at else opened_at end
				where id = :id""")
			.param("state", to.name()).param("at", Timestamp.from(now)).param("id", id).update();
		DemandView view = view(row(id), actor);
		audit.record("demand." + to.name().toLowerCase(Locale.ROOT).replace('_', '-'), "demand", id.toString(), view.title(),
				before.regionCode(), Map.of("state", before.state().name()), Map.of("state", to.name()));
		if (to == DemandState.OPEN) {
			events.publishEvent(new DemandOpened(id));
		}
		return view;
	}

	// ---- reading

	/** A demand the reader may see; one it may not see does not exist for it. */
	@Transactional(readOnly = true)
	public DemandView get(UUID id, @Nullable Actor reader) {
		Row row = find(id).filter(r -> mayRead(r, reader))
			.orElseThrow(() -> KejiaoException.notFound("demand.not-found", id));
		return view(row, reader);
	}

	/** The demand's matching scope and texts, for the matching: only for those who manage it. */
	@Transactional(readOnly = true)
	public Row managed(UUID id, Actor actor) {
		Row row = find(id).filter(r -> mayRead(r, actor)).orElseThrow(() -> KejiaoException.notFound("demand.not-found", id));
		if (!mayManage(row, actor)) {
			throw KejiaoException.forbidden("demand.owner-only");
		}
		return row;
	}

	/**
	 * Open demands the reader may see (newest first), optionally only those of a region subtree, a state or
	 * containing a text; the reader's own organisation's and, for admins, their region's demands in any state.
	 */
	@Transactional(readOnly = true)
	public List<DemandView> list(@Nullable Actor reader, @Nullable String region, @Nullable DemandState state,
			@Nullable String text, boolean mineOnly) {
		StringBuilder where = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (mineOnly) {
			if (reader == null) {
				return List.of();
			}
			if (reader.isPlatformAdmin()) {
				where.append(" and true");
			}
			else if (reader.isRegionAdmin()) {
				where.append(" and region_code like :scope");
				params.put("scope", RegionCodes.likePattern(reader.regionCode()));
			}
			else if (reader.organisationId() != null) {
				where.append(" and owner_org_id = :org");
				params.put("org", reader.organisationId());
			}
			else {
				return List.of();
			}
		}
		if (region != null && !region.isBlank()) {
			regions.find(region.strip()).orElseThrow(() -> KejiaoException.invalid("region.not-found", region));
			where.append(" and region_code like :region");
			params.put("region", RegionCodes.likePattern(region.strip()));
		}
		if (state != null) {
			where.append(" and state = :state");
			params.put("state", state.name());
		}
		if (text != null && !text.isBlank()) {
			where.append(" and (title ilike :text or description ilike :text or array_to_string(keywords, ' ') ilike :text)");
			params.put("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		List<Row> rows = jdbc.sql(SELECT + " where " + where + " order by coalesce(opened_at, created_at) desc limit 500")
			.params(params).query(Demands::row).list();
		return rows.stream().filter(r -> mayRead(r, reader)).map(r -> view(r, reader)).toList();
	}

	/**
	 * The open demands an entry of the given region could answer, as rows for the matching: those whose
	 * visibility reaches that region.
	 */
	@Transactional(readOnly = true)
	public List<Row> openReaching(String entryRegion, @Nullable Actor reader) {
		return jdbc.sql(SELECT + " where state in ('OPEN', 'IN_TALKS') order by opened_at desc limit 5000")
			.query(Demands::row).list().stream()
			.filter(r -> mayRead(r, reader))
			.filter(r -> scope(r).isEmpty() || scope(r).stream().anyMatch(p -> RegionCodes.prefix(entryRegion).startsWith(p)
					|| entryRegion.startsWith(p)))
			.toList();
	}

	/** Region prefixes whose entries may answer the demand; empty: every region. */
	public List<String> scope(Row demand) {
		return switch (demand.visibility()) {
			case PUBLIC -> List.of();
			case REGION -> List.of(demand.regionCode().substring(0, 2));
			case ZONE -> regions.zone(demand.zoneCode()).regions().stream().map(r -> RegionCodes.prefix(r.code())).toList();
		};
	}

	/** Whether the reader may see the demand at all. */
	boolean mayRead(Row row, @Nullable Actor reader) {
		if (reader != null && mayManage(row, reader)) {
			return true;
		}
		if (!row.state().isPublished()) {
			return false;
		}
		return switch (row.visibility()) {
			case PUBLIC -> true;
			case REGION -> reader != null && reader.regionCode().startsWith(row.regionCode().substring(0, 2));
			case ZONE -> reader != null && row.zoneCode() != null && regions.zoneCovers(row.zoneCode(), reader.regionCode());
		};
	}

	static boolean mayManage(Row row, Actor actor) {
		return actor.isPlatformAdmin() || row.ownerOrgId() != null && row.ownerOrgId().equals(actor.organisationId())
				|| actor.isRegionAdmin() && actor.governs(row.regionCode());
	}

	private Row lockManaged(UUID id, Actor actor) {
		Row row = jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(Demands::row).optional()
			.filter(r -> mayRead(r, actor)).orElseThrow(() -> KejiaoException.notFound("demand.not-found", id));
		if (!mayManage(row, actor)) {
			throw KejiaoException.forbidden("demand.owner-only");
		}
		return row;
	}

	private java.util.Optional<Row> find(UUID id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Demands::row).optional();
	}

	Row row(UUID id) {
		return find(id).orElseThrow();
	}

	DemandView view(Row row, @Nullable Actor reader) {
		boolean manageable = reader != null && mayManage(row, reader);
		boolean hidden = row.hideName() && !manageable;
		String regionName = regions.fullName(row.regionCode());
		String owner = hidden ? hiddenName(row.regionCode()) : row.ownerName();
		return new DemandView(row.id(), row.number(), row.title(), row.description(), row.field(), row.keywords(),
				row.budget() == null ? null : Money.yuan(row.budget()), row.deadline(), row.modes(), row.visibility(),
				row.zoneCode(), row.hideName(), row.state(), hidden ? null : row.ownerOrgId(), owner, row.regionCode(),
				regionName, row.industryChain(), hidden ? "" : row.postedBy(), row.createdAt(), row.updatedAt(),
				row.openedAt(), manageable);
	}

	/** "某企业（文山壮族苗族自治州）": where a hidden enterprise is from, at prefecture level. */
	private String hiddenName(String regionCode) {
		String city = regionCode.endsWith("00") ? regionCode : regionCode.substring(0, 4) + "00";
		String name = regions.find(city).map(RegionView::name).orElse(regions.fullName(regionCode));
		return "某企业（" + name + "）";
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
		if (form.deadline() != null && form.deadline().isBefore(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))))) {
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
		params.put("budget", budget == null ? new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.BIGINT, null) : budget);
		params.put("deadline", form.deadline() == null ? new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.DATE, null)
				: form.deadline());
		params.put("modes", (form.modes() == null ? List.<CooperationMode>of() : form.modes()).stream().distinct()
			.map(Enum::name).toArray(String[]::new));
		params.put("visibility", visibility.name());
		params.put("zone", zone == null ? new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.VARCHAR, null) : zone);
		params.put("hide", form.hideName());
		return new Fields(params);
	}

	// ---- rows

	/** A demand as stored. */
	public record Row(UUID id, String number, String title, String description, String field, List<String> keywords,
			@Nullable Long budget, @Nullable LocalDate deadline, List<CooperationMode> modes, Visibility visibility,
			@Nullable String zoneCode, boolean hideName, DemandState state, @Nullable UUID ownerOrgId, String ownerName,
			String regionCode, String industryChain, String postedBy, Instant createdAt, Instant updatedAt,
			@Nullable Instant openedAt) {
	}

	private static final String SELECT = """
			select id, number, title, description, field, keywords, budget, deadline, modes, visibility, zone_code,
			       hide_name, state, owner_org_id, owner_org_name, region_code, industry_chain, posted_by, created_at,
			       updated_at, opened_at
			from demand.demand""";

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		List<CooperationMode> modes = new ArrayList<>();
		for (String mode : (String[]) rs.getArray(9).getArray()) {
			modes.add(CooperationMode.valueOf(mode));
		}
		Timestamp opened = rs.getTimestamp(21);
		return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				List.of((String[]) rs.getArray(6).getArray()), rs.getObject(7, Long.class), rs.getObject(8, LocalDate.class),
				List.copyOf(modes), Visibility.valueOf(rs.getString(10)), rs.getString(11), rs.getBoolean(12),
				DemandState.valueOf(rs.getString(13)), rs.getObject(14, UUID.class), rs.getString(15), rs.getString(16),
				rs.getString(17), rs.getString(18), rs.getTimestamp(19).toInstant(), rs.getTimestamp(20).toInstant(),
				opened == null ? null : opened.toInstant());
	}
}
