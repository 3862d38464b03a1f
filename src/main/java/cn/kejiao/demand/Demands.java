package cn.kejiao.demand;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;

/**
 * Reading technology demands: an enterprise posts its own; a region admin posts one for an industry chain of
 * its region ({@link DemandPosting}). Drafts are seen by their authors only; an open demand by whom its
 * visibility allows (everyone, the members of a cooperation zone, or its province). When its owner hides its
 * name, everyone but the owner — the region's admins included — sees the demand without the name and no
 * nearer than its prefecture ({@link #view}). This class holds those rules; the posting facade and the
 * matching ask it.
 */
@Service
public class Demands {

	private final JdbcClient jdbc;
	private final Regions regions;
	private final MessageSource messages;

	Demands(JdbcClient jdbc, Regions regions, MessageSource messages) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.messages = messages;
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
		// a hidden demand is found by the region it shows, so a county's filter does not point at its county
		return rows.stream().filter(r -> mayRead(r, reader))
			.filter(r -> region == null || region.isBlank() || RegionCodes.isWithin(shownRegion(r, reader), region.strip()))
			.map(r -> view(r, reader)).toList();
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

	/**
	 * Whether the actor is the demand's owner: a user of the organisation that posted it (the enterprise, or
	 * for an industry chain's demand the region's bureau). Only the owner decides whether its name is hidden.
	 */
	static boolean isOwner(Row row, @Nullable Actor actor) {
		return actor != null && row.ownerOrgId() != null && row.ownerOrgId().equals(actor.organisationId());
	}

	static boolean mayManage(Row row, Actor actor) {
		return actor.isPlatformAdmin() || row.ownerOrgId() != null && row.ownerOrgId().equals(actor.organisationId())
				|| actor.isRegionAdmin() && actor.governs(row.regionCode());
	}

	/** The demand, locked for a change by one who manages it. */
	Row lockManaged(UUID id, Actor actor) {
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

	/**
	 * The demand as the reader sees it. Hidden from the reader (everyone but the owner, when the owner asked):
	 * no owner's id, name or poster, and the region no nearer than the prefecture — "某企业（文山壮族苗族自治州）".
	 */
	DemandView view(Row row, @Nullable Actor reader) {
		boolean manageable = reader != null && mayManage(row, reader);
		boolean hidden = hiddenFrom(row, reader);
		String region = shownRegion(row, reader);
		String owner = hidden ? messages.getMessage("demand.hidden-owner",
				new Object[] { regions.get(region).name() }, LocaleContextHolder.getLocale()) : row.ownerName();
		return new DemandView(row.id(), row.number(), row.title(), row.description(), row.field(), row.keywords(),
				row.budget() == null ? null : Money.yuan(row.budget()), row.deadline(), row.modes(), row.visibility(),
				row.zoneCode(), row.hideName(), row.state(), hidden ? null : row.ownerOrgId(), owner, region,
				regions.fullName(region), row.industryChain(), hidden ? "" : row.postedBy(), row.createdAt(),
				row.updatedAt(), row.openedAt(), manageable, isOwner(row, reader));
	}

	/** Whether the owner's name is hidden from this reader: from everyone but the owner, when it asked. */
	static boolean hiddenFrom(Row row, @Nullable Actor reader) {
		return row.hideName() && !isOwner(row, reader);
	}

	/** The region the reader is shown: the demand's, or for a hidden demand its prefecture at most. */
	String shownRegion(Row row, @Nullable Actor reader) {
		return hiddenFrom(row, reader) ? regions.prefectureOf(row.regionCode()).code() : row.regionCode();
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
