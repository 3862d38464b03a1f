package cn.kejiao.voucher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.ledger.Account;
import cn.kejiao.ledger.InsufficientBalance;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.organisation.Qualification;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/**
 * Voucher schemes, applications and grants. Approvals of one scheme are serialised by a lock on the
 * scheme's row, so that the cap per enterprise holds when many approvals race; the budget itself is guarded
 * by the ledger, whose budget account cannot go below zero.
 */
@Service
public class Vouchers {


	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;

	Vouchers(JdbcClient jdbc, Ledger ledger, Organisations organisations, Regions regions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- schemes

	/** A region admin opens a scheme for its region (or one below it); the budget moves from the region's issuance. */
	@Transactional
	public SchemeView createScheme(SchemeForm form) {
		Actor actor = Actors.require();
		String region = form.regionCode() == null || form.regionCode().isBlank() ? actor.regionCode() : form.regionCode();
		regions.get(region);
		if (!actor.governs(region)) {
			throw KejiaoException.forbidden("auth.region-forbidden", region);
		}
		Rules rules = rules(form, region);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into voucher.scheme (id, region_code, name, description, budget, subsidy_ratio, cap_per_enterprise,
				    service_kinds, accepted_zone, qualifications, opens_on, closes_on, valid_until, created_at, created_by)
				values (:id, :region, :name, :description, :budget, :ratio, :cap, cast(:kinds as text[]), :zone, cast(:qualifications as text[]),
				    :opens, :closes, :valid, :at, :by)""")
			.param("id", id).param("region", region).param("name", rules.name()).param("description", rules.description())
			.param("budget", rules.budget()).param("ratio", rules.ratio()).param("cap", rules.cap())
			.param("kinds", pgArray(rules.kinds())).param("zone", rules.zone())
			.param("qualifications", pgArray(rules.qualifications())).param("opens", rules.opensOn())
			.param("closes", rules.closesOn()).param("valid", rules.validUntil()).param("at", Timestamp.from(now))
			.param("by", actor.username())
			.update();
		ledger.open(new Account(VoucherAccounts.issuance(region), VoucherAccounts.ISSUANCE, region, null, false));
		ledger.open(new Account(VoucherAccounts.budget(id), VoucherAccounts.BUDGET, region, null, true));
		ledger.transfer(new Transfer("fund:" + id + ":0", VoucherAccounts.issuance(region), VoucherAccounts.budget(id), rules.budget(),
				"FUND", "scheme:" + id));
		SchemeView view = scheme(id);
		audit.record("voucher.scheme-created", "voucher-scheme", id.toString(), rules.name(), region, null, view);
		return view;
	}

	/**
	 * Changes a live scheme. What was granted keeps the rules it was granted under; the budget can grow, or
	 * shrink by no more than is still available.
	 */
	@Transactional
	public SchemeView updateScheme(UUID id, SchemeForm form) {
		Actor actor = Actors.require();
		SchemeRow current = lockScheme(id);
		if (!actor.governs(current.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", current.regionCode());
		}
		SchemeView before = scheme(id);
		Rules rules = rules(form, current.regionCode());
		long delta = rules.budget() - current.budget();
		long version = current.version() + 1;
		if (delta > 0) {
			ledger.transfer(new Transfer("fund:" + id + ":" + version, VoucherAccounts.issuance(current.regionCode()),
					VoucherAccounts.budget(id), delta, "FUND", "scheme:" + id));
		}
		else if (delta < 0) {
			try {
				ledger.transfer(new Transfer("fund:" + id + ":" + version, VoucherAccounts.budget(id),
						VoucherAccounts.issuance(current.regionCode()), -delta, "UNFUND", "scheme:" + id));
			}
			catch (InsufficientBalance ex) {
				throw KejiaoException.conflict("voucher.budget-below-granted", Money.yuan(current.budget() - ex.balance()));
			}
		}
		jdbc.sql("""
				update voucher.scheme set name = :name, description = :description, budget = :budget, subsidy_ratio = :ratio,
				    cap_per_enterprise = :cap, service_kinds = cast(:kinds as text[]), accepted_zone = :zone,
				    qualifications = cast(:qualifications as text[]),
				    opens_on = :opens, closes_on = :closes, valid_until = :valid, version = :version where id = :id""")
			.param("name", rules.name()).param("description", rules.description()).param("budget", rules.budget())
			.param("ratio", rules.ratio()).param("cap", rules.cap()).param("kinds", pgArray(rules.kinds()))
			.param("zone", rules.zone()).param("qualifications", pgArray(rules.qualifications()))
			.param("opens", rules.opensOn()).param("closes", rules.closesOn()).param("valid", rules.validUntil())
			.param("version", version).param("id", id)
			.update();
		SchemeView after = scheme(id);
		audit.record("voucher.scheme-updated", "voucher-scheme", id.toString(), rules.name(), current.regionCode(), before,
				after);
		return after;
	}

	private record Rules(String name, String description, long budget, BigDecimal ratio, long cap, List<String> kinds,
			@Nullable String zone, List<String> qualifications, LocalDate opensOn, LocalDate closesOn, LocalDate validUntil) {
	}

	private Rules rules(SchemeForm form, String region) {
		if (form.name() == null || form.name().strip().length() < 2) {
			throw KejiaoException.invalid("voucher.scheme-name");
		}
		long budget = Money.positiveFen(form.budget(), "budget");
		long cap = Money.positiveFen(form.capPerEnterprise(), "capPerEnterprise");
		BigDecimal ratio = form.subsidyRatio();
		if (ratio == null || ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0 || ratio.scale() > 3) {
			throw KejiaoException.invalid("voucher.subsidy-ratio", ratio == null ? "" : ratio.toPlainString());
		}
		String zone = form.acceptedZone() == null || form.acceptedZone().isBlank() ? null : form.acceptedZone().strip();
		if (zone != null) {
			var found = regions.zone(zone);
			if (found.regions().stream().noneMatch(member -> RegionCodes.isWithin(region, member.code()))) {
				throw KejiaoException.invalid("voucher.zone-not-covering", zone, region);
			}
		}
		List<String> qualifications = form.qualifications() == null ? List.of() : form.qualifications().stream()
			.map(q -> {
				try {
					return Qualification.valueOf(q.strip()).name();
				}
				catch (IllegalArgumentException ex) {
					throw KejiaoException.invalid("voucher.qualification", q);
				}
			}).distinct().toList();
		List<String> kinds = form.serviceKinds() == null ? List.of()
				: form.serviceKinds().stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDate opens = form.opensOn() == null ? today : form.opensOn();
		LocalDate closes = form.closesOn() == null ? opens.plusMonths(6) : form.closesOn();
		LocalDate valid = form.validUntil() == null ? closes.plusYears(1) : form.validUntil();
		if (opens.isAfter(closes) || closes.isAfter(valid)) {
			throw KejiaoException.invalid("voucher.scheme-dates");
		}
		return new Rules(form.name().strip(), form.description() == null ? "" : form.description().strip(), budget, ratio,
				cap, kinds, zone, qualifications, opens, closes, valid);
	}

	/** The schemes an actor may see: all open ones for enterprises, their region's for admins. */
	@Transactional(readOnly = true)
	public List<SchemeView> schemes(@Nullable Actor actor) {
		List<UUID> ids = jdbc.sql("select id from voucher.scheme order by created_at desc").query(UUID.class).list();
		List<SchemeView> views = new ArrayList<>();
		for (UUID id : ids) {
			SchemeView view = scheme(id);
			if (actor != null && actor.isRegionAdmin() && !actor.governs(view.regionCode())) {
				continue;
			}
			views.add(view);
		}
		return views;
	}

	@Transactional(readOnly = true)
	public SchemeView scheme(UUID id) {
		SchemeRow row = jdbc.sql("select * from voucher.scheme where id = :id").param("id", id).query(Vouchers::schemeRow)
			.optional().orElseThrow(() -> KejiaoException.notFound("voucher.scheme-not-found", id));
		long available = ledger.balance(VoucherAccounts.budget(id));
		Map<String, Long> byKind = new LinkedHashMap<>();
		jdbc.sql("""
				select t.kind, coalesce(sum(t.amount), 0) from ledger.transfer t
				where t.reference in (select 'grant:' || g.id from voucher.grant_ g where g.scheme_id = :id)
				   or t.reference in (select 'order:' || o.id from voucher.service_order o
				                      join voucher.grant_ g on g.id = o.grant_id where g.scheme_id = :id)
				group by t.kind""")
			.param("id", id).query((rs, n) -> byKind.put(rs.getString(1), rs.getLong(2))).list();
		long granted = byKind.getOrDefault("GRANT", 0L);
		long lapsed = byKind.getOrDefault("LAPSE", 0L);
		long posted = byKind.getOrDefault("POST", 0L);
		long held = byKind.getOrDefault("HOLD", 0L) - posted - byKind.getOrDefault("VOID", 0L);
		long pending = jdbc.sql("select count(*) from voucher.application where scheme_id = :id and state = 'PENDING'")
			.param("id", id).query(Long.class).single();
		return new SchemeView(id, row.regionCode(), row.name(), row.description(), Money.yuan(row.budget()),
				row.subsidyRatio(), Money.yuan(row.capPerEnterprise()), Arrays.asList(row.serviceKinds()),
				row.acceptedZone(), Arrays.asList(row.qualifications()), row.opensOn(), row.closesOn(), row.validUntil(),
				row.createdAt(), Money.yuan(available), Money.yuan(granted), Money.yuan(held), Money.yuan(posted),
				Money.yuan(lapsed), pending);
	}

	record SchemeRow(UUID id, String regionCode, String name, String description, long budget, BigDecimal subsidyRatio,
			long capPerEnterprise, String[] serviceKinds, @Nullable String acceptedZone, String[] qualifications,
			LocalDate opensOn, LocalDate closesOn, LocalDate validUntil, Instant createdAt, String createdBy, long version) {
	}

	static SchemeRow schemeRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SchemeRow(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("name"),
				rs.getString("description"), rs.getLong("budget"), rs.getBigDecimal("subsidy_ratio"),
				rs.getLong("cap_per_enterprise"), (String[]) rs.getArray("service_kinds").getArray(),
				rs.getString("accepted_zone"), (String[]) rs.getArray("qualifications").getArray(),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getLong("version"));
	}

	/** A PostgreSQL array literal, for a parameter cast to text[]. */
	static String pgArray(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (String value : values) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}

	private SchemeRow lockScheme(UUID id) {
		return jdbc.sql("select * from voucher.scheme where id = :id for update").param("id", id).query(Vouchers::schemeRow)
			.optional().orElseThrow(() -> KejiaoException.notFound("voucher.scheme-not-found", id));
	}

	// ---- applications

	/** An enterprise applies to a scheme open today, for at most the scheme's cap. */
	@Transactional
	public ApplicationView apply(UUID schemeId, @Nullable Object amount, @Nullable String purpose) {
		Actor actor = Actors.require();
		OrganisationView enterprise = enterpriseOf(actor);
		SchemeRow scheme = jdbc.sql("select * from voucher.scheme where id = :id").param("id", schemeId)
			.query(Vouchers::schemeRow).optional()
			.orElseThrow(() -> KejiaoException.notFound("voucher.scheme-not-found", schemeId));
		long fen = Money.positiveFen(amount, "amount");
		if (purpose == null || purpose.isBlank()) {
			throw KejiaoException.invalid("voucher.purpose-required");
		}
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		if (today.isBefore(scheme.opensOn()) || today.isAfter(scheme.closesOn())) {
			throw KejiaoException.conflict("voucher.scheme-closed", scheme.opensOn(), scheme.closesOn());
		}
		if (!RegionCodes.isWithin(enterprise.regionCode(), scheme.regionCode())) {
			throw KejiaoException.forbidden("voucher.not-eligible-region", regions.fullName(scheme.regionCode()));
		}
		for (String required : scheme.qualifications()) {
			if (enterprise.qualifications().stream().noneMatch(q -> q.name().equals(required))) {
				throw KejiaoException.forbidden("voucher.not-eligible-qualification", required);
			}
		}
		if (fen > scheme.capPerEnterprise()) {
			throw KejiaoException.invalid("voucher.above-cap", Money.yuan(scheme.capPerEnterprise()));
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into voucher.application (id, scheme_id, enterprise_org_id, enterprise_name, enterprise_region,
				    amount, purpose, state, applied_at)
				values (:id, :scheme, :org, :name, :region, :amount, :purpose, 'PENDING', :at)""")
			.param("id", id).param("scheme", schemeId).param("org", enterprise.id()).param("name", enterprise.name())
			.param("region", enterprise.regionCode()).param("amount", fen).param("purpose", purpose.strip())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		ApplicationView view = application(id);
		audit.record("voucher.applied", "voucher-application", id.toString(), enterprise.name(), scheme.regionCode(), null,
				view);
		return view;
	}

	/**
	 * The scheme's region admin approves, possibly a smaller amount: the amount moves from the budget to a
	 * new grant. Refused when the budget or the enterprise's cap for the year would be exceeded.
	 */
	@Transactional
	public ApplicationView approve(UUID applicationId, @Nullable Object amount) {
		Actor actor = Actors.require();
		Pending pending = lockPending(applicationId, actor);
		ApplicationRow application = pending.application();
		SchemeRow scheme = pending.scheme();
		long fen = amount == null ? application.amount() : Money.positiveFen(amount, "amount");
		if (fen > application.amount()) {
			throw KejiaoException.invalid("voucher.approve-above-applied", Money.yuan(application.amount()));
		}
		int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
		long already = jdbc.sql("""
				select coalesce(sum(amount), 0) from voucher.grant_
				where scheme_id = :scheme and enterprise_org_id = :org and grant_year = :year""")
			.param("scheme", scheme.id()).param("org", application.enterpriseOrgId()).param("year", year)
			.query(Long.class).single();
		if (already + fen > scheme.capPerEnterprise()) {
			throw KejiaoException.conflict("voucher.cap-exceeded", Money.yuan(scheme.capPerEnterprise()),
					Money.yuan(already));
		}
		UUID grantId = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into voucher.grant_ (id, scheme_id, application_id, enterprise_org_id, enterprise_name, region_code,
				    amount, grant_year, subsidy_ratio, service_kinds, accepted_zone, valid_until, state, granted_at)
				values (:id, :scheme, :application, :org, :name, :region, :amount, :year, :ratio, cast(:kinds as text[]), :zone, :valid,
				    'ACTIVE', :at)""")
			.param("id", grantId).param("scheme", scheme.id()).param("application", applicationId)
			.param("org", application.enterpriseOrgId()).param("name", application.enterpriseName())
			.param("region", scheme.regionCode()).param("amount", fen).param("year", year)
			.param("ratio", scheme.subsidyRatio()).param("kinds", pgArray(Arrays.asList(scheme.serviceKinds()))).param("zone", scheme.acceptedZone())
			.param("valid", scheme.validUntil()).param("at", Timestamp.from(now))
			.update();
		try {
			ledger.transfer(new Transfer("grant:" + applicationId, VoucherAccounts.budget(scheme.id()), VoucherAccounts.grant(grantId), fen,
					"GRANT", "grant:" + grantId), new Account(VoucherAccounts.grant(grantId), VoucherAccounts.GRANT, scheme.regionCode(),
							application.enterpriseOrgId(), true));
		}
		catch (InsufficientBalance ex) {
			throw KejiaoException.conflict("voucher.budget-exhausted", Money.yuan(ex.balance()));
		}
		jdbc.sql("""
				update voucher.application set state = 'APPROVED', approved_amount = :amount, decided_at = :at,
				    decided_by = :by where id = :id""")
			.param("amount", fen).param("at", Timestamp.from(now)).param("by", actor.username()).param("id", applicationId)
			.update();
		ApplicationView view = application(applicationId);
		audit.record("voucher.approved", "voucher-application", applicationId.toString(), application.enterpriseName(),
				scheme.regionCode(), null, view);
		return view;
	}

	private record Pending(ApplicationRow application, SchemeRow scheme) {
	}

	/**
	 * An application still to decide, with its scheme locked: decisions on one scheme run one after another,
	 * so its budget and caps hold; the application is read again under the lock, where a racing decision on
	 * it has committed.
	 */
	private Pending lockPending(UUID applicationId, Actor actor) {
		SchemeRow scheme = lockScheme(applicationRow(applicationId).schemeId());
		requireGoverns(actor, scheme.regionCode());
		ApplicationRow application = applicationRow(applicationId);
		if (!application.state().equals("PENDING")) {
			throw KejiaoException.conflict("voucher.application-decided", application.state());
		}
		return new Pending(application, scheme);
	}

	@Transactional
	public ApplicationView reject(UUID applicationId, @Nullable String reason) {
		Actor actor = Actors.require();
		Pending pending = lockPending(applicationId, actor);
		ApplicationRow application = pending.application();
		SchemeRow scheme = pending.scheme();
		if (reason == null || reason.isBlank()) {
			throw KejiaoException.invalid("voucher.reason-required");
		}
		jdbc.sql("""
				update voucher.application set state = 'REJECTED', reason = :reason, decided_at = :at, decided_by = :by
				where id = :id""")
			.param("reason", reason.strip()).param("at", Timestamp.from(clock.instant())).param("by", actor.username())
			.param("id", applicationId)
			.update();
		ApplicationView view = application(applicationId);
		audit.record("voucher.rejected", "voucher-application", applicationId.toString(), application.enterpriseName(),
				scheme.regionCode(), null, view);
		return view;
	}

	/** Applications the actor may see: an enterprise its own, an admin those to its region's schemes. */
	@Transactional(readOnly = true)
	public List<ApplicationView> applications(Actor actor, @Nullable String state) {
		String where;
		Map<String, Object> params = new LinkedHashMap<>();
		if (actor.isPlatformAdmin()) {
			where = "true";
		}
		else if (actor.isRegionAdmin()) {
			where = "s.region_code like :scope";
			params.put("scope", RegionCodes.likePattern(actor.regionCode()));
		}
		else if (actor.organisationId() != null) {
			where = "a.enterprise_org_id = :org";
			params.put("org", actor.organisationId());
		}
		else {
			return List.of();
		}
		if (state != null && !state.isBlank()) {
			where += " and a.state = :state";
			params.put("state", state.strip().toUpperCase(java.util.Locale.ROOT));
		}
		return jdbc.sql(APPLICATION_VIEW + " where " + where + " order by a.applied_at desc limit 500").params(params)
			.query(this::applicationView).list();
	}

	@Transactional(readOnly = true)
	public ApplicationView application(UUID id, Actor actor) {
		ApplicationView view = application(id);
		if (!(actor.governs(view.schemeRegion()) || view.enterpriseOrgId().equals(actor.organisationId()))) {
			throw KejiaoException.notFound("voucher.application-not-found", id);
		}
		return view;
	}

	private ApplicationView application(UUID id) {
		return jdbc.sql(APPLICATION_VIEW + " where a.id = :id").param("id", id).query(this::applicationView).optional()
			.orElseThrow(() -> KejiaoException.notFound("voucher.application-not-found", id));
	}

	private static final String APPLICATION_VIEW = """
			select a.id, a.scheme_id, s.name, s.region_code, a.enterprise_org_id, a.enterprise_name, a.enterprise_region,
			       a.amount, a.purpose, a.state, a.approved_amount, a.reason, a.applied_at, a.decided_at, a.decided_by, g.id
			from voucher.application a join voucher.scheme s on s.id = a.scheme_id
			left join voucher.grant_ g on g.application_id = a.id""";

	private ApplicationView applicationView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long approved = rs.getLong(11);
		boolean hasApproved = !rs.wasNull();
		Timestamp decided = rs.getTimestamp(14);
		return new ApplicationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), Money.yuan(rs.getLong(8)), rs.getString(9),
				rs.getString(10), hasApproved ? Money.yuan(approved) : null, rs.getString(12),
				rs.getTimestamp(13).toInstant(), decided == null ? null : decided.toInstant(), rs.getString(15),
				rs.getObject(16, UUID.class));
	}

	record ApplicationRow(UUID id, UUID schemeId, UUID enterpriseOrgId, String enterpriseName, long amount, String state) {
	}

	private ApplicationRow applicationRow(UUID id) {
		return jdbc.sql("select id, scheme_id, enterprise_org_id, enterprise_name, amount, state from voucher.application where id = :id")
			.param("id", id).query(ApplicationRow.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("voucher.application-not-found", id));
	}

	// ---- grants

	/** The grants an actor may see: an enterprise its own, an admin those of its region's schemes. */
	@Transactional(readOnly = true)
	public List<GrantView> grants(Actor actor) {
		if (actor.isPlatformAdmin()) {
			return grantViews("true", Map.of());
		}
		if (actor.isRegionAdmin()) {
			return grantViews("g.region_code like :scope", Map.of("scope", RegionCodes.likePattern(actor.regionCode())));
		}
		if (actor.organisationId() == null) {
			return List.of();
		}
		return grantViews("g.enterprise_org_id = :org", Map.of("org", actor.organisationId()));
	}

	@Transactional(readOnly = true)
	public GrantView grant(UUID id, Actor actor) {
		GrantView grant = grantViews("g.id = :id", Map.of("id", id)).stream().findFirst()
			.orElseThrow(() -> KejiaoException.notFound("voucher.grant-not-found", id));
		if (!(grant.enterpriseOrgId().equals(actor.organisationId()) || actor.governs(grant.issuerRegion()))) {
			throw KejiaoException.notFound("voucher.grant-not-found", id);
		}
		return grant;
	}

	private List<GrantView> grantViews(String where, Map<String, ?> params) {
		return jdbc.sql("""
				select g.id, g.scheme_id, s.name, g.region_code, g.enterprise_org_id, g.enterprise_name, g.amount,
				       coalesce(a.balance, 0), g.subsidy_ratio, g.service_kinds, g.accepted_zone, g.valid_until, g.state,
				       g.granted_at
				from voucher.grant_ g join voucher.scheme s on s.id = g.scheme_id
				left join ledger.account a on a.code = 'grant:' || g.id
				where """ + " " + where + " order by g.granted_at desc limit 500")
			.params(params)
			.query((rs, row) -> new GrantView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), Money.yuan(rs.getLong(7)),
					Money.yuan(rs.getLong(8)), rs.getBigDecimal(9), Arrays.asList((String[]) rs.getArray(10).getArray()),
					rs.getString(11), rs.getObject(12, LocalDate.class), rs.getString(13), rs.getTimestamp(14).toInstant()))
			.list();
	}

	/** The enterprise's statement: its grants with what became of them, and the orders vouchers paid part of. */
	@Transactional(readOnly = true)
	public VoucherStatement statement(Actor actor) {
		if (actor.organisationId() == null) {
			throw KejiaoException.forbidden("voucher.enterprises-only");
		}
		UUID org = actor.organisationId();
		List<VoucherStatement.Grant> grants = jdbc.sql("""
				select g.id, s.name, g.amount, g.valid_until, coalesce(a.balance, 0),
				       coalesce((select sum(o.voucher_amount) from voucher.service_order o
				                 where o.grant_id = g.id and o.state = 'CONFIRMED'), 0),
				       coalesce((select sum(o.voucher_amount) from voucher.service_order o
				                 where o.grant_id = g.id and o.state in ('ACCEPTED', 'DELIVERED', 'DISPUTED')), 0),
				       coalesce((select sum(t.amount) from ledger.transfer t
				                 where t.reference = 'grant:' || g.id and t.kind = 'LAPSE'), 0)
				from voucher.grant_ g join voucher.scheme s on s.id = g.scheme_id
				left join ledger.account a on a.code = 'grant:' || g.id
				where g.enterprise_org_id = :org order by g.granted_at""")
			.param("org", org)
			.query((rs, n) -> new VoucherStatement.Grant(rs.getObject(1, UUID.class), rs.getString(2),
					Money.yuan(rs.getLong(3)), Money.yuan(rs.getLong(6)), Money.yuan(rs.getLong(7)), Money.yuan(rs.getLong(8)),
					Money.yuan(rs.getLong(5)), rs.getObject(4, LocalDate.class)))
			.list();
		List<VoucherStatement.Order> orders = jdbc.sql("""
				select id, number, provider_name, service_title, quote, voucher_amount, state from voucher.service_order
				where enterprise_org_id = :org and voucher_amount > 0 order by accepted_at""")
			.param("org", org)
			.query((rs, n) -> new VoucherStatement.Order(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), Money.yuan(rs.getLong(5)), Money.yuan(rs.getLong(6)), rs.getString(7)))
			.list();
		String name = organisations.find(org).map(OrganisationView::name).orElse("");
		return new VoucherStatement(org, name, grants, orders);
	}

	/**
	 * Grants past their validity give what they still hold back to their scheme's budget. Safe to run twice
	 * and on several nodes at once: each grant is claimed with a row lock that others skip, and its transfer
	 * has a key of its own.
	 */
	@Transactional
	public int lapseExpiredGrants(LocalDate today) {
		List<UUID> due = jdbc.sql("""
				select id from voucher.grant_ where state = 'ACTIVE' and valid_until < :today
				order by valid_until limit 500 for update skip locked""")
			.param("today", today).query(UUID.class).list();
		Instant now = clock.instant();
		for (UUID grantId : due) {
			UUID schemeId = jdbc.sql("select scheme_id from voucher.grant_ where id = :id").param("id", grantId)
				.query(UUID.class).single();
			long left = ledger.balance(VoucherAccounts.grant(grantId));
			if (left > 0) {
				ledger.transfer(new Transfer("lapse:" + grantId, VoucherAccounts.grant(grantId), VoucherAccounts.budget(schemeId), left,
						"LAPSE", "grant:" + grantId));
			}
			jdbc.sql("update voucher.grant_ set state = 'LAPSED', lapsed_at = :at where id = :id")
				.param("at", Timestamp.from(now)).param("id", grantId).update();
			audit.record("voucher.grant-lapsed", "voucher-grant", grantId.toString(), Money.yuan(left), null, null,
					Map.of("returned", Money.yuan(left)));
		}
		return due.size();
	}

	// ----

	private OrganisationView enterpriseOf(Actor actor) {
		if (!actor.has(Role.ENTERPRISE) || actor.organisationId() == null) {
			throw KejiaoException.forbidden("voucher.enterprises-only");
		}
		OrganisationView organisation = organisations.find(actor.organisationId()).orElseThrow();
		if (!organisation.isVerified() || organisation.type() != OrganisationType.ENTERPRISE) {
			throw KejiaoException.forbidden("voucher.enterprises-only");
		}
		return organisation;
	}

	private static void requireGoverns(Actor actor, String region) {
		if (!actor.governs(region)) {
			throw KejiaoException.forbidden("auth.region-forbidden", region);
		}
	}

	/** The largest voucher part a grant allows for a quote: the subsidy ratio of it, rounded down to the fen. */
	static long maxVoucherPart(long quote, BigDecimal ratio) {
		return BigDecimal.valueOf(quote).multiply(ratio).setScale(0, RoundingMode.FLOOR).longValueExact();
	}
}
