package cn.kejiao.voucher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.ledger.Account;
import cn.kejiao.ledger.InsufficientBalance;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.database.SqlArrays;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.SchemeRows.SchemeRow;

/**
 * Applications for vouchers: an enterprise applies to an open scheme, the scheme's region admin approves (the
 * amount moves from the budget to a new grant) or rejects. Decisions on one scheme are serialised by a lock on
 * the scheme's row, so that the cap per enterprise holds when many approvals race; the budget itself is
 * guarded by the ledger, whose budget account cannot go below zero.
 */
@Service
public class VoucherApplications {

	private final JdbcClient jdbc;
	private final SchemeRows schemes;
	private final ActingEnterprise enterprises;
	private final Ledger ledger;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	VoucherApplications(JdbcClient jdbc, SchemeRows schemes, ActingEnterprise enterprises, Ledger ledger,
			Regions regions, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.enterprises = enterprises;
		this.ledger = ledger;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The schemes an actor may read, each with why its enterprise may not apply to it today (null: it may), so a
	 * page offers only the schemes an application to would be taken. Anyone not acting as a verified enterprise
	 * is refused as {@link #apply} refuses it.
	 */
	@Transactional(readOnly = true)
	public List<SchemeOffer> offers(Actor actor, List<SchemeView> schemes) {
		OrganisationView enterprise = enterprises.of(actor);
		return schemes.stream()
			.map(s -> new SchemeOffer(s, refusal(enterprise, s.regionCode(), s.qualifications(), s.opensOn(), s.closesOn())))
			.toList();
	}

	/** Why the enterprise may not apply to a scheme today, or null: the one rule for the form and for applying. */
	private @Nullable KejiaoException refusal(OrganisationView enterprise, String schemeRegion,
			List<String> qualifications, LocalDate opensOn, LocalDate closesOn) {
		if (!RegionCodes.isWithin(enterprise.regionCode(), schemeRegion)) {
			return KejiaoException.forbidden("voucher.not-eligible-region", regions.fullName(schemeRegion));
		}
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		if (today.isBefore(opensOn) || today.isAfter(closesOn)) {
			return KejiaoException.conflict("voucher.scheme-closed", opensOn, closesOn);
		}
		for (String required : qualifications) {
			if (enterprise.qualifications().stream().noneMatch(q -> q.name().equals(required))) {
				return KejiaoException.forbidden("voucher.not-eligible-qualification", required);
			}
		}
		return null;
	}

	/** An enterprise applies to a scheme open today, for at most the scheme's cap. */
	@Transactional
	public ApplicationView apply(UUID schemeId, @Nullable Money amount, @Nullable String purpose) {
		Actor actor = Actors.require();
		OrganisationView enterprise = enterprises.of(actor);
		SchemeRow scheme = schemes.get(schemeId);
		long fen = Money.positiveFen(amount, "amount");
		if (purpose == null || purpose.isBlank()) {
			throw KejiaoException.invalid("voucher.purpose-required");
		}
		KejiaoException refusal = refusal(enterprise, scheme.regionCode(), scheme.qualifications(), scheme.opensOn(),
				scheme.closesOn());
		if (refusal != null) {
			throw refusal;
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
		events.publishEvent(new ApplicationSubmitted(id, scheme.name(), scheme.regionCode(), enterprise.name(), new Money(fen)));
		return view;
	}

	/**
	 * The scheme's region admin approves, possibly a smaller amount: the amount moves from the budget to a
	 * new grant. Refused when the budget or the enterprise's cap for the year would be exceeded.
	 */
	@Transactional
	public ApplicationView approve(UUID applicationId, @Nullable Money amount) {
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
				values (:id, :scheme, :application, :org, :name, :region, :amount, :year, :ratio, :kinds, :zone, :valid,
				    'ACTIVE', :at)""")
			.param("id", grantId).param("scheme", scheme.id()).param("application", applicationId)
			.param("org", application.enterpriseOrgId()).param("name", application.enterpriseName())
			.param("region", scheme.regionCode()).param("amount", fen).param("year", year)
			.param("ratio", scheme.subsidyRatio()).param("kinds", SqlArrays.texts(scheme.serviceKinds())).param("zone", scheme.acceptedZone())
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
		events.publishEvent(new GrantApproved(applicationId, grantId, application.enterpriseOrgId(), scheme.name(),
				new Money(fen)));
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
		SchemeRow scheme = schemes.lock(applicationRow(applicationId).schemeId());
		if (!actor.governs(scheme.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", scheme.regionCode());
		}
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
		events.publishEvent(new ApplicationRejected(applicationId, application.enterpriseOrgId(), scheme.name(),
				reason.strip()));
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
			params.put("state", state.strip().toUpperCase(Locale.ROOT));
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

	private ApplicationView applicationView(ResultSet rs, int row) throws SQLException {
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
}
