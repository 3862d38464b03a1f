package cn.kejiao.voucher;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.ledger.Account;
import cn.kejiao.ledger.InsufficientBalance;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.organisation.Qualification;
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
 * Voucher schemes: a region admin opens one with a budget, moved from the region's issuance account, and the
 * rules its grants follow (subsidy ratio, cap per enterprise, service kinds, accepting zone, qualifications).
 */
@Service
public class VoucherSchemes {

	private final JdbcClient jdbc;
	private final SchemeRows rows;
	private final Ledger ledger;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;

	VoucherSchemes(JdbcClient jdbc, SchemeRows rows, Ledger ledger, Regions regions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.ledger = ledger;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

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
				values (:id, :region, :name, :description, :budget, :ratio, :cap, :kinds, :zone, :qualifications,
				    :opens, :closes, :valid, :at, :by)""")
			.param("id", id).param("region", region).param("name", rules.name()).param("description", rules.description())
			.param("budget", rules.budget()).param("ratio", rules.ratio()).param("cap", rules.cap())
			.param("kinds", SqlArrays.texts(rules.kinds())).param("zone", rules.zone())
			.param("qualifications", SqlArrays.texts(rules.qualifications())).param("opens", rules.opensOn())
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
		SchemeRow current = rows.lock(id);
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
				    cap_per_enterprise = :cap, service_kinds = :kinds, accepted_zone = :zone,
				    qualifications = :qualifications,
				    opens_on = :opens, closes_on = :closes, valid_until = :valid, version = :version where id = :id""")
			.param("name", rules.name()).param("description", rules.description()).param("budget", rules.budget())
			.param("ratio", rules.ratio()).param("cap", rules.cap()).param("kinds", SqlArrays.texts(rules.kinds()))
			.param("zone", rules.zone()).param("qualifications", SqlArrays.texts(rules.qualifications()))
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

	/**
	 * The schemes an admin runs, for the admin's pages: every scheme for the platform admin, those of its region and
	 * below for a region admin; anyone else is refused ({@code auth.forbidden}).
	 */
	@Transactional(readOnly = true)
	public List<SchemeView> administered(Actor actor) {
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		return schemes(actor);
	}

	/** The schemes an actor may see ({@link #mayRead}), newest first. */
	@Transactional(readOnly = true)
	public List<SchemeView> schemes(@Nullable Actor actor) {
		List<UUID> ids = jdbc.sql("select id from voucher.scheme order by created_at desc").query(UUID.class).list();
		List<SchemeView> views = new ArrayList<>();
		for (UUID id : ids) {
			SchemeView view = scheme(id);
			if (mayRead(actor, view.regionCode())) {
				views.add(view);
			}
		}
		return views;
	}

	/**
	 * One scheme with its figures, for a reader who may see it ({@link #mayRead}); a region admin of another
	 * region is refused ({@code auth.region-forbidden}), as the list leaves the scheme out for it.
	 */
	@Transactional(readOnly = true)
	public SchemeView scheme(UUID id, @Nullable Actor reader) {
		SchemeView view = scheme(id);
		if (!mayRead(reader, view.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", view.regionCode());
		}
		return view;
	}

	/**
	 * Who may read a scheme's figures, the one rule for the list and for a scheme by id: a region admin only
	 * the schemes of the regions it governs (a scheme's budget and what was granted are its region's business);
	 * everyone else — enterprises choosing where to apply, providers, the platform admin — every scheme.
	 */
	static boolean mayRead(@Nullable Actor reader, String schemeRegion) {
		return reader == null || !reader.isRegionAdmin() || reader.governs(schemeRegion);
	}

	/** A scheme for its region's admin to change; refused to anyone else. */
	@Transactional(readOnly = true)
	public SchemeView schemeToEdit(UUID id, Actor actor) {
		SchemeView scheme = scheme(id);
		if (!actor.governs(scheme.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", scheme.regionCode());
		}
		return scheme;
	}

	private SchemeView scheme(UUID id) {
		SchemeRow row = rows.get(id);
		long available = ledger.balance(VoucherAccounts.budget(id));
		List<String> references = jdbc.sql("""
				select 'grant:' || g.id from voucher.grant_ g where g.scheme_id = :id
				union all
				select 'order:' || o.id from voucher.service_order o join voucher.grant_ g on g.id = o.grant_id
				where g.scheme_id = :id""")
			.param("id", id).query(String.class).list();
		Map<String, Long> byKind = ledger.totalsByKind(references);
		long granted = byKind.getOrDefault("GRANT", 0L);
		long lapsed = byKind.getOrDefault("LAPSE", 0L);
		long posted = byKind.getOrDefault("POST", 0L);
		long held = byKind.getOrDefault("HOLD", 0L) - posted - byKind.getOrDefault("VOID", 0L);
		long pending = jdbc.sql("select count(*) from voucher.application where scheme_id = :id and state = 'PENDING'")
			.param("id", id).query(Long.class).single();
		return new SchemeView(id, row.regionCode(), row.name(), row.description(), Money.yuan(row.budget()),
				row.subsidyRatio(), Money.yuan(row.capPerEnterprise()), row.serviceKinds(), row.acceptedZone(),
				row.qualifications(), row.opensOn(), row.closesOn(), row.validUntil(), row.createdAt(),
				Money.yuan(available), Money.yuan(granted), Money.yuan(held), Money.yuan(posted), Money.yuan(lapsed),
				pending);
	}
}
