package cn.kejiao.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.cooperation.CommissionView.ServedKind;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/**
 * S&T commissioners (科技特派员): a region's admin commissions an expert of the pool to serve an enterprise, a village
 * or a county of its region for a period; the commissioner keeps the service log; the served side (the enterprise's
 * members, or for a village or county the admins governing it) rates the commission once for its period; the region
 * sees who serves where ({@link CommissionMap}). Who reads a commission is {@link CommissionView}'s rule; for anyone
 * else it does not exist (404).
 */
@Service
public class Commissions {

	/** What the admin writes to commission an expert. */
	public record NewCommission(@Nullable String expert, @Nullable ServedKind servedKind, @Nullable UUID servedOrgId,
			@Nullable String villageName, @Nullable String servedRegion, @Nullable String focus,
			@Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	/** A log entry as the commissioner writes it. */
	public record NewLogEntry(@Nullable LocalDate servedOn, CommissionView.@Nullable LogKind kind,
			@Nullable String description, @Nullable Integer peopleTrained, @Nullable String attachmentUrl) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;

	Commissions(JdbcClient jdbc, Accounts accounts, Organisations organisations, Regions regions, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Commissions an expert (by username or user id; {@code commission.expert-unknown} unless it has the EXPERT
	 * role). The served side must lie in the admin's region ({@code commission.region-forbidden}, 403).
	 */
	@Transactional
	public CommissionView create(NewCommission form) {
		Actor actor = admin();
		String key = form.expert() == null ? "" : form.expert().strip();
		UserView expert = expert(key);
		if (form.servedKind() == null) {
			throw KejiaoException.invalid("commission.served-required");
		}
		UUID servedOrg = null;
		String servedName;
		String servedRegion;
		switch (form.servedKind()) {
			case ENTERPRISE -> {
				if (form.servedOrgId() == null) {
					throw KejiaoException.invalid("commission.served-required");
				}
				OrganisationView organisation = organisations.find(form.servedOrgId()).filter(OrganisationView::isVerified)
					.filter(o -> o.type() != OrganisationType.GOVERNMENT)
					.orElseThrow(() -> KejiaoException.invalid("commission.organisation-unknown", form.servedOrgId()));
				servedOrg = organisation.id();
				servedName = organisation.name();
				servedRegion = organisation.regionCode();
			}
			case VILLAGE -> {
				servedRegion = region(form.servedRegion());
				servedName = ProjectInput.text(form.villageName(), 1, 100, "commission.village-required");
			}
			default -> {
				servedRegion = region(form.servedRegion());
				servedName = regions.fullName(servedRegion);
			}
		}
		if (!actor.governs(servedRegion)) {
			throw KejiaoException.forbidden("commission.region-forbidden", regions.fullNameOrCode(servedRegion));
		}
		if (form.startsOn() == null || form.endsOn() == null) {
			throw KejiaoException.invalid("commission.period-required");
		}
		if (form.endsOn().isBefore(form.startsOn())) {
			throw KejiaoException.invalid("commission.period-order");
		}
		String expertOrg = expert.organisationId() == null ? ""
				: organisations.find(expert.organisationId()).map(OrganisationView::name).orElse("");
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.commission (id, expert_user_id, expert_name, expert_org, region_code, served_kind,
				    served_org_id, served_name, served_region, focus, starts_on, ends_on, created_by, created_at)
				values (:id, :expert, :name, :org, :region, :kind, :servedOrg, :servedName, :servedRegion, :focus, :starts,
				    :ends, :by, :at)""")
			.param("id", id).param("expert", expert.id()).param("name", expert.displayName()).param("org", expertOrg)
			.param("region", actor.isPlatformAdmin() ? servedRegion : actor.regionCode())
			.param("kind", form.servedKind().name()).param("servedOrg", servedOrg).param("servedName", servedName)
			.param("servedRegion", servedRegion)
			.param("focus", ProjectInput.text(form.focus(), 0, 500, "commission.focus-too-long"))
			.param("starts", form.startsOn()).param("ends", form.endsOn()).param("by", actor.username())
			.param("at", Timestamp.from(clock.instant())).update();
		audit.record("commission.created", "commission", id.toString(), expert.displayName() + " → " + servedName,
				servedRegion, null, Map.of("expert", expert.username(), "served", servedName, "regionCode", servedRegion));
		return load(id);
	}

	private UserView expert(String key) {
		java.util.Optional<UserView> found;
		try {
			found = accounts.find(UUID.fromString(key));
		}
		catch (IllegalArgumentException notAnId) {
			found = accounts.find(key);
		}
		return found.filter(u -> u.enabled() && u.roles().contains(Role.EXPERT))
			.orElseThrow(() -> KejiaoException.invalid("commission.expert-unknown", key));
	}

	private String region(@Nullable String code) {
		String region = code == null ? "" : code.strip();
		if (!regions.exists(region)) {
			throw KejiaoException.invalid("commission.region-unknown", region);
		}
		return region;
	}

	/** The commission, for those who may read it; 404 for anyone else. */
	@Transactional(readOnly = true)
	public CommissionView get(UUID id) {
		Actor actor = Actors.require();
		return readable(id, actor);
	}

	private CommissionView readable(UUID id, Actor actor) {
		return find(id).filter(c -> c.isReadableBy(actor))
			.orElseThrow(() -> KejiaoException.notFound("commission.not-found", id));
	}

	/**
	 * The commissions the actor sees, the active first: for an admin those commissioned or served in its region and
	 * below (narrowed to {@code region} within it), for an expert its own, for an organisation's member those
	 * serving it.
	 */
	@Transactional(readOnly = true)
	public List<CommissionView> list(@Nullable String region) {
		Actor actor = Actors.require();
		String where;
		Map<String, Object> params = new LinkedHashMap<>();
		if (actor.isRegionAdmin() || actor.isPlatformAdmin()) {
			String within = region == null || region.isBlank() ? actor.regionCode() : region.strip();
			if (!actor.governs(within)) {
				throw KejiaoException.forbidden("auth.region-forbidden", within);
			}
			where = actor.isPlatformAdmin() && (region == null || region.isBlank()) ? "true"
					: "(c.region_code like :p or c.served_region like :p)";
			params.put("p", RegionCodes.likePattern(within));
		}
		else {
			where = "(c.expert_user_id = :u or c.served_org_id = :o)";
			params.put("u", actor.userId());
			params.put("o", actor.organisationId());
		}
		var spec = jdbc.sql("select c.id from cooperation.commission c where " + where
				+ " order by (c.ends_on >= :today and c.starts_on <= :today) desc, c.starts_on desc limit 500");
		for (var param : params.entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		return spec.param("today", today()).query(UUID.class).list().stream().map(this::load).toList();
	}

	/**
	 * The commissioner writes what it did: a visit, a problem solved, a training held (with the people trained),
	 * on a day of its period not after today ({@code commission.log-date-outside}).
	 */
	@Transactional
	public CommissionView.LogEntry log(UUID id, NewLogEntry form) {
		Actor actor = Actors.require();
		CommissionView commission = readable(id, actor);
		if (!commission.isCommissioner(actor)) {
			throw KejiaoException.forbidden("commission.commissioner-only");
		}
		if (form.kind() == null) {
			throw KejiaoException.invalid("commission.log-kind-required");
		}
		LocalDate on = form.servedOn() == null ? today() : form.servedOn();
		if (on.isBefore(commission.startsOn()) || on.isAfter(commission.endsOn()) || on.isAfter(today())) {
			throw KejiaoException.invalid("commission.log-date-outside");
		}
		int trained = form.peopleTrained() == null ? 0 : form.peopleTrained();
		if (trained < 0 || trained > 100_000) {
			throw KejiaoException.invalid("commission.people-trained-invalid");
		}
		String url = ProjectInput.text(form.attachmentUrl(), 0, 500, "commission.attachment-too-long");
		if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
			throw KejiaoException.invalid("commission.attachment-invalid");
		}
		String description = ProjectInput.text(form.description(), 1, 4000, "commission.description-required");
		UUID entry = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.commission_log (id, commission_id, served_on, kind, description, people_trained,
				    attachment_url, recorded_by, recorded_at)
				values (:id, :c, :on, :kind, :d, :n, :url, :by, :at)""")
			.param("id", entry).param("c", id).param("on", on).param("kind", form.kind().name()).param("d", description)
			.param("n", trained).param("url", url).param("by", actor.displayName())
			.param("at", Timestamp.from(clock.instant())).update();
		audit.record("commission.logged", "commission", id.toString(),
				commission.expertName() + " → " + commission.servedName(), commission.servedRegion(), null,
				Map.of("kind", form.kind().name(), "servedOn", on.toString(), "peopleTrained", trained));
		return load(id).log().stream().filter(e -> e.id().equals(entry)).findFirst().orElseThrow();
	}

	/**
	 * The served side rates the commission once for its period, 1 to 5 stars with a comment
	 * ({@code commission.already-rated}, 409, the second time).
	 */
	@Transactional
	public CommissionView.Rating rate(UUID id, @Nullable Integer stars, @Nullable String comment) {
		Actor actor = Actors.require();
		CommissionView commission = readable(id, actor);
		if (!commission.isServedSide(actor)) {
			throw KejiaoException.forbidden("commission.served-only");
		}
		if (stars == null || stars < 1 || stars > 5) {
			throw KejiaoException.invalid("commission.stars-invalid");
		}
		String text = ProjectInput.text(comment, 0, 2000, "commission.comment-too-long");
		int inserted = jdbc.sql("""
				insert into cooperation.commission_rating (commission_id, stars, comment, rated_by, rated_org_id, rated_at)
				values (:c, :s, :comment, :by, :org, :at) on conflict do nothing""")
			.param("c", id).param("s", stars).param("comment", text).param("by", actor.displayName())
			.param("org", actor.organisationId()).param("at", Timestamp.from(clock.instant())).update();
		if (inserted == 0) {
			throw KejiaoException.conflict("commission.already-rated");
		}
		audit.record("commission.rated", "commission", id.toString(),
				commission.expertName() + " → " + commission.servedName(), commission.servedRegion(), null,
				Map.of("stars", stars, "comment", text));
		return java.util.Objects.requireNonNull(load(id).rating());
	}

	/**
	 * Who serves where in the region (the admin's own by default, or one within it): one place per served region
	 * code, by code, with the commissioners, the active count, the log entries and the people trained.
	 */
	@Transactional(readOnly = true)
	public CommissionMap map(@Nullable String region) {
		Actor actor = admin();
		String within = region == null || region.isBlank() ? actor.regionCode() : region.strip();
		if (!actor.governs(within)) {
			throw KejiaoException.forbidden("auth.region-forbidden", within);
		}
		Map<String, List<CommissionView>> byPlace = new java.util.TreeMap<>();
		for (CommissionView c : list(within)) {
			if (RegionCodes.isWithin(c.servedRegion(), within)) {
				byPlace.computeIfAbsent(c.servedRegion(), k -> new ArrayList<>()).add(c);
			}
		}
		List<CommissionMap.Place> places = new ArrayList<>();
		byPlace.forEach((code, commissions) -> places.add(new CommissionMap.Place(code, regions.fullNameOrCode(code),
				commissions.stream().map(c -> new CommissionMap.Commissioner(c.id(), c.expertName(), c.servedName(),
						c.active())).toList(),
				commissions.stream().filter(CommissionView::active).count(),
				commissions.stream().mapToLong(c -> c.log().size()).sum(),
				commissions.stream().mapToLong(CommissionView::peopleTrained).sum())));
		return new CommissionMap(within, regions.fullNameOrCode(within), places);
	}

	private java.util.Optional<CommissionView> find(UUID id) {
		return jdbc.sql("""
				select id, expert_user_id, expert_name, expert_org, region_code, served_kind, served_org_id, served_name,
				       served_region, focus, starts_on, ends_on, created_by, created_at
				from cooperation.commission where id = :id""").param("id", id).query(this::row).optional();
	}

	private CommissionView load(UUID id) {
		return find(id).orElseThrow(() -> KejiaoException.notFound("commission.not-found", id));
	}

	private CommissionView row(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		LocalDate starts = rs.getObject("starts_on", LocalDate.class);
		LocalDate ends = rs.getObject("ends_on", LocalDate.class);
		LocalDate today = today();
		List<CommissionView.LogEntry> log = jdbc.sql("""
				select id, served_on, kind, description, people_trained, attachment_url, recorded_by, recorded_at
				from cooperation.commission_log where commission_id = :c order by served_on desc, recorded_at desc""")
			.param("c", id).query((l, i) -> new CommissionView.LogEntry(l.getObject(1, UUID.class),
					l.getObject(2, LocalDate.class), CommissionView.LogKind.valueOf(l.getString(3)), l.getString(4),
					l.getInt(5), l.getString(6), l.getString(7), l.getTimestamp(8).toInstant()))
			.list();
		CommissionView.Rating rating = jdbc.sql(
				"select stars, comment, rated_by, rated_at from cooperation.commission_rating where commission_id = :c")
			.param("c", id).query((r, i) -> new CommissionView.Rating(r.getInt(1), r.getString(2), r.getString(3),
					r.getTimestamp(4).toInstant()))
			.optional().orElse(null);
		Instant created = rs.getTimestamp("created_at").toInstant();
		return new CommissionView(id, rs.getObject("expert_user_id", UUID.class), rs.getString("expert_name"),
				rs.getString("expert_org"), rs.getString("region_code"), ServedKind.valueOf(rs.getString("served_kind")),
				rs.getObject("served_org_id", UUID.class), rs.getString("served_name"), rs.getString("served_region"),
				rs.getString("focus"), starts, ends, !today.isBefore(starts) && !today.isAfter(ends), log, rating,
				rs.getString("created_by"), created);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	private static Actor admin() {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("commission.admin-only");
		}
		return actor;
	}
}
