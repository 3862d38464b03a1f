package cn.kejiao.voucher;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditChange;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.ledger.Account;
import cn.kejiao.ledger.InsufficientBalance;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Outcome;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.database.GroupCommit;
import cn.kejiao.region.Regions;
import jakarta.annotation.PreDestroy;

/**
 * Service orders: request → quote → accept (the voucher part is held) → deliver → confirm (the hold is
 * posted to the provider), or cancel before delivery (the hold is voided). Every step locks the order's row
 * first, so two steps on one order run one after the other, and moves its money in the same transaction
 * with a key derived from the order, so a retried step moves nothing twice. Accept, deliver and confirm of
 * many requests are committed together ({@link GroupCommit}, decision 0006).
 */
@Service
public class ServiceOrders {

	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final Organisations organisations;
	private final Regions regions;
	private final Catalog catalog;
	private final AuditLog audit;
	private final Clock clock;
	private final Duration holdFor;
	private final NamedParameterJdbcTemplate named;
	private final GroupCommit<Step, OrderView> steps;

	ServiceOrders(JdbcClient jdbc, NamedParameterJdbcTemplate named, PlatformTransactionManager transactionManager,
			Ledger ledger, Organisations organisations, Regions regions, Catalog catalog, AuditLog audit, Clock clock,
			@Value("${kejiao.voucher.hold-for:P60D}") Duration holdFor,
			@Value("${kejiao.voucher.commit-workers:2}") int commitWorkers) {
		this.jdbc = jdbc;
		this.named = named;
		this.steps = new GroupCommit<>("order-steps", transactionManager, commitWorkers, 64, Step::orderId, this::take);
		this.ledger = ledger;
		this.organisations = organisations;
		this.regions = regions;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
		this.holdFor = holdFor;
	}

	/** An enterprise asks a provider for a catalog service or for work described in free text. */
	@Transactional
	public OrderView request(UUID providerOrgId, @Nullable UUID serviceId, @Nullable String description,
			@Nullable String serviceKind) {
		Actor actor = Actors.require();
		if (!actor.has(Role.ENTERPRISE) || actor.organisationId() == null) {
			throw KejiaoException.forbidden("voucher.enterprises-only");
		}
		OrganisationView enterprise = organisations.find(actor.organisationId()).orElseThrow();
		if (!enterprise.isVerified()) {
			throw KejiaoException.forbidden("voucher.enterprises-only");
		}
		OrganisationView provider = organisations.find(providerOrgId)
			.filter(OrganisationView::isVerified)
			.filter(o -> o.type().isProvider())
			.orElseThrow(() -> KejiaoException.invalid("order.provider-unknown", providerOrgId));
		if (provider.id().equals(enterprise.id())) {
			throw KejiaoException.invalid("order.own-organisation");
		}
		String title;
		String kind = serviceKind == null ? "" : serviceKind.strip();
		Long listPrice = null;
		if (serviceId != null) {
			EntryView service = catalog.get(serviceId, actor);
			if (service.type() != EntryType.SERVICE || !service.ownerOrgId().equals(providerOrgId)) {
				throw KejiaoException.invalid("order.service-not-of-provider");
			}
			title = service.title();
			kind = service.category() == null ? "" : service.category();
			if (service.price() != null && ("ITEM".equals(service.priceUnit()) || "TOTAL".equals(service.priceUnit()))) {
				listPrice = service.price().movePointRight(2).longValueExact();
			}
		}
		else {
			if (description == null || description.isBlank()) {
				throw KejiaoException.invalid("order.description-required");
			}
			title = description.strip().length() > 60 ? description.strip().substring(0, 60) + "…" : description.strip();
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		long sequence = jdbc.sql("select nextval('voucher.order_number')").query(Long.class).single();
		String number = "SO" + LocalDate.now(clock.withZone(Vouchers.CHINA)).toString().replace("-", "")
				+ String.format("%06d", sequence);
		jdbc.sql("""
				insert into voucher.service_order (id, number, enterprise_org_id, enterprise_name, enterprise_region,
				    provider_org_id, provider_name, provider_region, service_id, service_title, service_kind, list_price,
				    description, state, flags, created_at, updated_at)
				values (:id, :number, :eorg, :ename, :eregion, :porg, :pname, :pregion, :service, :title, :kind, :list,
				    :description, 'REQUESTED', cast(:flags as text[]), :at, :at)""")
			.param("id", id).param("number", number).param("eorg", enterprise.id()).param("ename", enterprise.name())
			.param("eregion", enterprise.regionCode()).param("porg", provider.id()).param("pname", provider.name())
			.param("pregion", provider.regionCode()).param("service", serviceId).param("title", title).param("kind", kind)
			.param("list", listPrice).param("description", description == null ? "" : description.strip())
			.param("flags", Vouchers.pgArray(relatedParties(enterprise, provider) ? List.of("RELATED_PARTIES") : List.of()))
			.param("at", Timestamp.from(now))
			.update();
		OrderView view = view(id);
		audit.record("order.requested", "service-order", id.toString(), number, provider.regionCode(), null, view);
		return view;
	}

	/** The provider names its price; it may quote again until the enterprise accepts. */
	@Transactional
	public OrderView quote(UUID orderId, @Nullable Object amount) {
		Actor actor = Actors.require();
		OrderRow order = lock(orderId, actor);
		requireProvider(actor, order);
		if (!order.state().equals("REQUESTED") && !order.state().equals("QUOTED")) {
			throw KejiaoException.conflict("order.state", order.state());
		}
		long quote = Money.positiveFen(amount, "amount");
		List<String> flags = new ArrayList<>(order.flags());
		if (order.listPrice() != null && quote > order.listPrice() && !flags.contains("ABOVE_LIST_PRICE")) {
			flags.add("ABOVE_LIST_PRICE");
		}
		if (splitsBelowThreshold(order, quote) && !flags.contains("SPLIT_ORDERS")) {
			flags.add("SPLIT_ORDERS");
		}
		jdbc.sql("""
				update voucher.service_order set state = 'QUOTED', quote = :quote, quoted_at = :at, updated_at = :at,
				    flags = cast(:flags as text[]) where id = :id""")
			.param("quote", quote).param("at", Timestamp.from(clock.instant())).param("flags", Vouchers.pgArray(flags))
			.param("id", orderId).update();
		return changed(order, "order.quoted");
	}

	/**
	 * The enterprise accepts the quote, optionally paying part with a grant: at most the grant's subsidy ratio
	 * of the quote, at most what the grant holds, only where the grant's scheme accepts the provider's region
	 * and the service's kind. The voucher part is held at once. Repeating the request with the same
	 * idempotency key returns the accepted order and moves nothing.
	 */
	public OrderView accept(UUID orderId, @Nullable UUID grantId, @Nullable Object voucherAmount,
			@Nullable String idempotencyKey) {
		return steps.submit(new Accept(orderId, Actors.require(), Actors.clientAddress().orElse(null), grantId,
				voucherAmount, idempotencyKey));
	}

	/** The provider delivers, with a report (a file, a note or both). */
	public OrderView deliver(UUID orderId, @Nullable String reportName, byte @Nullable [] report, @Nullable String note) {
		return steps.submit(new Deliver(orderId, Actors.require(), Actors.clientAddress().orElse(null), reportName, report,
				note));
	}

	/** The enterprise confirms the delivery: the held voucher part becomes the provider's claim on the issuing region. */
	public OrderView confirm(UUID orderId) {
		return steps.submit(new Confirm(orderId, Actors.require(), Actors.clientAddress().orElse(null)));
	}

	// ---- accept, deliver and confirm of many requests, committed together

	/** A step of the money path, taken on its caller's behalf by {@link GroupCommit}. */
	private sealed interface Step permits Accept, Deliver, Confirm {

		UUID orderId();

		Actor actor();

		@Nullable String address();
	}

	private record Accept(UUID orderId, Actor actor, @Nullable String address, @Nullable UUID grantId,
			@Nullable Object voucherAmount, @Nullable String key) implements Step {
	}

	private record Deliver(UUID orderId, Actor actor, @Nullable String address, @Nullable String reportName,
			byte @Nullable [] report, @Nullable String note) implements Step {
	}

	private record Confirm(UUID orderId, Actor actor, @Nullable String address) implements Step {
	}

	/**
	 * What a step changes: the order's row (and its open hold, in the same statement), its audit entry and the
	 * money it moves, if any.
	 */
	private record Change(Step step, OrderRow before, String action, String sql, MapSqlParameterSource params,
			@Nullable Transfer transfer, @Nullable Account open) {
	}

	private static final String CLOSE_HOLD = "delete from voucher.open_hold where order_id = :id";

	/**
	 * Takes the steps in one transaction: locks their orders (in id order), checks each step as a request of its
	 * own would be checked, updates the orders and records the audit entries a statement each for all, then
	 * makes all their transfers in one round trip. A step refused by a rule writes nothing and the others go
	 * ahead; a grant that cannot cover a hold throws, so that the steps run again alone and only that one fails.
	 */
	private List<GroupCommit.Result<OrderView>> take(List<Step> batch) {
		Map<UUID, OrderRow> rows = new java.util.HashMap<>();
		jdbc.sql(SELECT_ROW + " where id = any(cast(:ids as uuid[])) order by id for update")
			.param("ids", batch.stream().map(step -> step.orderId().toString()).toArray(String[]::new))
			.query(ServiceOrders::orderRow).list().forEach(row -> rows.put(row.id(), row));
		Map<UUID, GrantRow> grants = grantRows(batch.stream()
			.map(step -> step instanceof Accept accept ? accept.grantId() : null).filter(Objects::nonNull).toList());
		Map<UUID, Long> unplanned = new java.util.HashMap<>();
		List<GroupCommit.Result<OrderView>> results = new ArrayList<>(java.util.Collections.nCopies(batch.size(), null));
		Map<Integer, Change> changes = new LinkedHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			Step step = batch.get(i);
			try {
				OrderRow order = rows.get(step.orderId());
				if (order == null || !mayRead(step.actor(), order.enterpriseOrgId(), order.providerOrgId(),
						order.providerRegion(), order.enterpriseRegion(), order.issuerRegion())) {
					throw KejiaoException.notFound("order.not-found", step.orderId());
				}
				Change change = switch (step) {
					case Accept accept -> accepting(accept, order, grants, unplanned);
					case Deliver deliver -> delivering(deliver, order);
					case Confirm confirm -> confirming(confirm, order);
				};
				if (change != null) { // null: a repeated step, answered with the order as it is
					changes.put(i, change);
				}
			}
			catch (KejiaoException ex) {
				results.set(i, GroupCommit.Result.refused(ex));
			}
		}
		Map<String, List<MapSqlParameterSource>> updates = new LinkedHashMap<>();
		changes.values().forEach(change -> updates.computeIfAbsent(change.sql(), sql -> new ArrayList<>()).add(change.params()));
		updates.forEach((sql, params) -> named.batchUpdate(sql, params.toArray(MapSqlParameterSource[]::new)));
		Map<UUID, OrderView> views = new java.util.HashMap<>();
		List<String> read = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (results.get(i) == null) {
				read.add(batch.get(i).orderId().toString());
			}
		}
		if (!read.isEmpty()) {
			jdbc.sql(SELECT_VIEW + " where id = any(cast(:ids as uuid[]))").param("ids", read.toArray(String[]::new))
				.query(ServiceOrders::orderView).list().forEach(view -> views.put(view.id(), view));
		}
		audit.recordAll(changes.values().stream().map(change -> auditChange(change.step().actor(), change.step().address(),
				change.before(), views.get(change.before().id()), change.action())).toList());
		// the money last, so the accounts (a provider's receivable is shared by all its orders) stay locked only until
		// the commit; a grant that cannot cover its hold fails the batch, and each step then runs alone
		List<Change> moving = changes.values().stream().filter(change -> change.transfer() != null).toList();
		List<Outcome> outcomes = ledger.transferAll(moving.stream().map(Change::transfer).toList(),
				moving.stream().map(Change::open).filter(Objects::nonNull).toList());
		for (int m = 0; m < moving.size(); m++) {
			InsufficientBalance refused = outcomes.get(m).refused();
			if (refused != null) {
				throw moving.get(m).step() instanceof Accept ? KejiaoException.conflict("voucher.grant-insufficient",
						Money.yuan(refused.balance()), Money.yuan(moving.get(m).transfer().amount())) : refused;
			}
		}
		for (int i = 0; i < batch.size(); i++) {
			if (results.get(i) == null) {
				results.set(i, GroupCommit.Result.of(views.get(batch.get(i).orderId())));
			}
		}
		return results;
	}

	private @Nullable Change accepting(Accept step, OrderRow order, Map<UUID, GrantRow> grants, Map<UUID, Long> unplanned) {
		requireEnterprise(step.actor(), order);
		if (!order.state().equals("QUOTED")) {
			if (step.key() != null && step.key().equals(order.acceptKey())) {
				return null;
			}
			throw KejiaoException.conflict("order.state", order.state());
		}
		long quote = Objects.requireNonNull(order.quote());
		long voucher = 0;
		String issuer = null;
		UUID grantId = step.grantId();
		if (grantId != null) {
			voucher = step.voucherAmount() == null ? -1 : Money.positiveFen(step.voucherAmount(), "voucherAmount");
			GrantRow grant = java.util.Optional.ofNullable(grants.get(grantId))
				.filter(g -> g.enterpriseOrgId().equals(order.enterpriseOrgId()))
				.orElseThrow(() -> KejiaoException.notFound("voucher.grant-not-found", grantId));
			if (!grant.state().equals("ACTIVE") || grant.validUntil().isBefore(LocalDate.now(clock.withZone(Vouchers.CHINA)))) {
				throw KejiaoException.conflict("voucher.grant-expired", grant.validUntil());
			}
			if (!accepts(grant, order.providerRegion())) {
				throw KejiaoException.invalid("voucher.region-not-accepted", regions.fullName(order.providerRegion()));
			}
			if (!grant.serviceKinds().isEmpty() && !grant.serviceKinds().contains(order.serviceKind())) {
				throw KejiaoException.invalid("voucher.kind-not-accepted",
						order.serviceKind().isEmpty() ? "-" : order.serviceKind(), String.join("、", grant.serviceKinds()));
			}
			long most = Vouchers.maxVoucherPart(quote, grant.subsidyRatio());
			if (voucher == -1) {
				// what the grant holds less what earlier accepts of this batch take from it
				long left = unplanned.computeIfAbsent(grantId, id -> ledger.balance(Accounts.grant(id)));
				voucher = Math.min(most, left);
				if (voucher <= 0) {
					throw KejiaoException.conflict("voucher.grant-empty");
				}
				unplanned.put(grantId, left - voucher);
			}
			if (voucher > most) {
				throw KejiaoException.invalid("voucher.above-ratio", Money.yuan(most),
						grant.subsidyRatio().movePointRight(2).stripTrailingZeros().toPlainString());
			}
			issuer = grant.regionCode();
		}
		else if (step.voucherAmount() != null) {
			throw KejiaoException.invalid("voucher.grant-required");
		}
		Instant now = clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("voucher", voucher)
			.addValue("at", Timestamp.from(now)).addValue("expires", Timestamp.from(now.plus(holdFor)))
			.addValue("id", order.id()).addValue("grant", grantId, java.sql.Types.OTHER)
			.addValue("issuer", issuer, java.sql.Types.VARCHAR).addValue("key", step.key(), java.sql.Types.VARCHAR);
		return new Change(step, order, "order.accepted", """
				with accepted as (
				    update voucher.service_order set state = 'ACCEPTED', grant_id = :grant, voucher_amount = :voucher,
				        issuer_region = :issuer, accept_key = :key, accepted_at = :at, hold_expires_at = :expires,
				        updated_at = :at
				    where id = :id returning id, hold_expires_at)
				insert into voucher.open_hold (order_id, expires_at) select id, hold_expires_at from accepted""", params,
				voucher == 0 ? null : new Transfer("hold:" + order.id(), Accounts.grant(Objects.requireNonNull(grantId)),
						Accounts.hold(order.id()), voucher, "HOLD", "order:" + order.id()),
				voucher == 0 ? null : new Account(Accounts.hold(order.id()), Accounts.HOLD, issuer, order.enterpriseOrgId(), true));
	}

	private Change delivering(Deliver step, OrderRow order) {
		requireProvider(step.actor(), order);
		if (!order.state().equals("ACCEPTED")) {
			throw KejiaoException.conflict("order.state", order.state());
		}
		byte[] report = step.report();
		String note = step.note();
		if ((report == null || report.length == 0) && (note == null || note.isBlank())) {
			throw KejiaoException.invalid("order.report-required");
		}
		boolean file = report != null && report.length > 0;
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("name", file ? step.reportName() : null, java.sql.Types.VARCHAR)
			.addValue("content", file ? report : null, java.sql.Types.BINARY)
			.addValue("note", note == null ? null : note.strip(), java.sql.Types.VARCHAR)
			.addValue("at", Timestamp.from(clock.instant())).addValue("id", order.id());
		return new Change(step, order, "order.delivered", """
				with delivered as (
				    update voucher.service_order set state = 'DELIVERED', report_name = :name, report_content = :content,
				        report_note = :note, delivered_at = :at, updated_at = :at where id = :id returning id)
				delete from voucher.open_hold h using delivered where h.order_id = delivered.id""", params, null, null);
	}

	private @Nullable Change confirming(Confirm step, OrderRow order) {
		requireEnterprise(step.actor(), order);
		if (!order.state().equals("DELIVERED")) {
			if (order.state().equals("CONFIRMED")) {
				return null;
			}
			throw KejiaoException.conflict("order.state", order.state());
		}
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("at", Timestamp.from(clock.instant()))
			.addValue("id", order.id());
		Transfer transfer = null;
		Account receivable = null;
		if (order.voucherAmount() > 0) {
			String code = Accounts.receivable(order.providerOrgId(), Objects.requireNonNull(order.issuerRegion()));
			transfer = new Transfer("post:" + order.id(), Accounts.hold(order.id()), code, order.voucherAmount(), "POST",
					"order:" + order.id());
			receivable = new Account(code, Accounts.RECEIVABLE, order.issuerRegion(), order.providerOrgId(), true);
		}
		return new Change(step, order, "order.confirmed",
				"update voucher.service_order set state = 'CONFIRMED', confirmed_at = :at, updated_at = :at where id = :id",
				params, transfer, receivable);
	}

	@PreDestroy
	void stop() {
		steps.close();
	}

	private void post(OrderRow order) {
		if (order.voucherAmount() > 0) {
			String receivable = Accounts.receivable(order.providerOrgId(), Objects.requireNonNull(order.issuerRegion()));
			ledger.transfer(new Transfer("post:" + order.id(), Accounts.hold(order.id()), receivable, order.voucherAmount(),
					"POST", "order:" + order.id()),
					new Account(receivable, Accounts.RECEIVABLE, order.issuerRegion(), order.providerOrgId(), true));
		}
	}

	/** Either side cancels before delivery; a held voucher part goes back to the grant. */
	@Transactional
	public OrderView cancel(UUID orderId, @Nullable String reason) {
		Actor actor = Actors.require();
		OrderRow order = lock(orderId, actor);
		boolean party = order.enterpriseOrgId().equals(actor.organisationId())
				|| order.providerOrgId().equals(actor.organisationId());
		if (!party) {
			throw KejiaoException.forbidden("order.not-party");
		}
		if (!List.of("REQUESTED", "QUOTED", "ACCEPTED").contains(order.state())) {
			throw KejiaoException.conflict("order.state", order.state());
		}
		if (reason == null || reason.isBlank()) {
			throw KejiaoException.invalid("order.reason-required");
		}
		voidHold(order);
		markCancelled(order, reason.strip(), actor.username());
		return changed(order, "order.cancelled");
	}

	private void voidHold(OrderRow order) {
		if (order.voucherAmount() > 0) {
			UUID grantId = Objects.requireNonNull(order.grantId());
			GrantRow grant = grantRow(grantId).orElseThrow();
			// a grant that lapsed meanwhile does not take money back: it goes to the scheme's budget
			String to = grant.state().equals("ACTIVE") ? Accounts.grant(grantId) : Accounts.budget(grant.schemeId());
			ledger.transfer(new Transfer("void:" + order.id(), Accounts.hold(order.id()), to, order.voucherAmount(), "VOID",
					"order:" + order.id()));
		}
	}

	private void markCancelled(OrderRow order, String reason, String by) {
		Instant now = clock.instant();
		jdbc.sql("""
				update voucher.service_order set state = 'CANCELLED', cancel_reason = :reason, cancelled_by = :by,
				    cancelled_at = :at, updated_at = :at where id = :id""")
			.param("reason", reason).param("by", by).param("at", Timestamp.from(now)).param("id", order.id()).update();
		jdbc.sql(CLOSE_HOLD).param("id", order.id()).update();
	}

	/** The enterprise disputes a delivery instead of confirming it; the provider's region admin decides. */
	@Transactional
	public OrderView dispute(UUID orderId, @Nullable String reason) {
		Actor actor = Actors.require();
		OrderRow order = lock(orderId, actor);
		requireEnterprise(actor, order);
		if (!order.state().equals("DELIVERED")) {
			throw KejiaoException.conflict("order.state", order.state());
		}
		if (reason == null || reason.isBlank()) {
			throw KejiaoException.invalid("order.reason-required");
		}
		jdbc.sql("update voucher.service_order set state = 'DISPUTED', dispute_reason = :reason, updated_at = :at where id = :id")
			.param("reason", reason.strip()).param("at", Timestamp.from(clock.instant())).param("id", orderId).update();
		return changed(order, "order.disputed");
	}

	/** The provider's region admin settles a dispute: the delivery stands (posted) or the order is cancelled (voided). */
	@Transactional
	public OrderView resolve(UUID orderId, boolean deliveryStands, @Nullable String reason) {
		Actor actor = Actors.require();
		OrderRow order = lock(orderId, actor);
		if (!actor.governs(order.providerRegion())) {
			throw KejiaoException.forbidden("auth.region-forbidden", order.providerRegion());
		}
		if (!order.state().equals("DISPUTED")) {
			throw KejiaoException.conflict("order.state", order.state());
		}
		if (deliveryStands) {
			post(order);
			jdbc.sql("update voucher.service_order set state = 'CONFIRMED', confirmed_at = :at, updated_at = :at where id = :id")
				.param("at", Timestamp.from(clock.instant())).param("id", orderId).update();
		}
		else {
			voidHold(order);
			markCancelled(order, reason == null || reason.isBlank() ? "dispute" : reason.strip(), actor.username());
		}
		return changed(order, "order.resolved");
	}

	/**
	 * Accepted orders not delivered within the hold period are cancelled and their holds voided. Safe on
	 * several nodes: each order is claimed with a row lock that the others skip.
	 */
	@Transactional
	public int lapseStaleHolds() {
		List<OrderRow> due = jdbc.sql(SELECT_ROW + " " + """
				where state = 'ACCEPTED'
				  and id in (select order_id from voucher.open_hold where expires_at < :now order by expires_at limit 200)
				for update skip locked""")
			.param("now", Timestamp.from(clock.instant())).query(ServiceOrders::orderRow).list();
		for (OrderRow order : due) {
			voidHold(order);
			markCancelled(order, "hold-lapsed", "system");
			audit.record("order.hold-lapsed", "service-order", order.id().toString(), order.number(), order.providerRegion(),
					null, Map.of("voucherAmount", Money.yuan(order.voucherAmount())));
		}
		return due.size();
	}

	// ---- reading

	/** The orders an actor may see: its organisation's as enterprise or provider, its region's as admin. */
	@Transactional(readOnly = true)
	public List<OrderView> orders(Actor actor, @Nullable String state) {
		String where;
		Map<String, Object> params = new LinkedHashMap<>();
		if (actor.isPlatformAdmin()) {
			where = "true";
		}
		else if (actor.isRegionAdmin()) {
			where = "(provider_region like :scope or enterprise_region like :scope or issuer_region like :scope)";
			params.put("scope", RegionCodes.likePattern(actor.regionCode()));
		}
		else if (actor.organisationId() != null) {
			where = "(enterprise_org_id = :org or provider_org_id = :org)";
			params.put("org", actor.organisationId());
		}
		else {
			return List.of();
		}
		if (state != null && !state.isBlank()) {
			where += " and state = :state";
			params.put("state", state.strip().toUpperCase(java.util.Locale.ROOT));
		}
		return jdbc.sql(SELECT_VIEW + " where " + where + " order by created_at desc limit 500").params(params)
			.query(ServiceOrders::orderView).list();
	}

	@Transactional(readOnly = true)
	public OrderView order(UUID id, Actor actor) {
		OrderView view = view(id);
		if (!mayRead(actor, view.enterpriseOrgId(), view.providerOrgId(), view.providerRegion(), view.enterpriseRegion(),
				view.issuerRegion())) {
			throw KejiaoException.notFound("order.not-found", id);
		}
		return view;
	}

	/** The delivered report, for the order's parties and admins. */
	@Transactional(readOnly = true)
	public Report report(UUID id, Actor actor) {
		order(id, actor);
		return jdbc.sql("select report_name, report_content from voucher.service_order where id = :id and report_content is not null")
			.param("id", id).query((rs, n) -> new Report(rs.getString(1), rs.getBytes(2))).optional()
			.orElseThrow(() -> KejiaoException.notFound("order.report-not-found", id));
	}

	public record Report(String name, byte[] content) {
	}

	private static boolean mayRead(Actor actor, UUID enterprise, UUID provider, String providerRegion,
			String enterpriseRegion, @Nullable String issuerRegion) {
		return enterprise.equals(actor.organisationId()) || provider.equals(actor.organisationId())
				|| actor.governs(providerRegion) || actor.governs(enterpriseRegion)
				|| issuerRegion != null && actor.governs(issuerRegion);
	}

	private OrderView view(UUID id) {
		return jdbc.sql(SELECT_VIEW + " where id = :id").param("id", id).query(ServiceOrders::orderView).optional()
			.orElseThrow(() -> KejiaoException.notFound("order.not-found", id));
	}

	private OrderView changed(OrderRow before, String action) {
		return audited(before, view(before.id()), action);
	}

	private OrderView audited(OrderRow before, OrderView view, String action) {
		audit.recordAll(List.of(auditChange(Actors.current().orElse(null), Actors.clientAddress().orElse(null), before,
				view, action)));
		return view;
	}

	/** An order's audit entry: its state before, and its state, quote and voucher part after. */
	private static AuditChange auditChange(@Nullable Actor actor, @Nullable String address, OrderRow before,
			OrderView after, String action) {
		return new AuditChange(actor, address, action, "service-order", before.id().toString(), before.number(),
				before.providerRegion(), Map.of("state", before.state()), Map.of("state", after.state(), "quote",
						String.valueOf(after.quote()), "voucherAmount", after.voucherAmount()));
	}

	/** Locks the order's row for this step; an order the actor may not see does not exist for it. */
	private OrderRow lock(UUID id, Actor actor) {
		OrderRow order = jdbc.sql(SELECT_ROW + " where id = :id for update").param("id", id).query(ServiceOrders::orderRow)
			.optional().orElseThrow(() -> KejiaoException.notFound("order.not-found", id));
		if (!mayRead(actor, order.enterpriseOrgId(), order.providerOrgId(), order.providerRegion(),
				order.enterpriseRegion(), order.issuerRegion())) {
			throw KejiaoException.notFound("order.not-found", id);
		}
		return order;
	}

	private static void requireProvider(Actor actor, OrderRow order) {
		if (!order.providerOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("order.provider-only");
		}
	}

	private static void requireEnterprise(Actor actor, OrderRow order) {
		if (!order.enterpriseOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("order.enterprise-only");
		}
	}

	private boolean accepts(GrantRow grant, String providerRegion) {
		if (grant.acceptedZone() == null) {
			return RegionCodes.isWithin(providerRegion, grant.regionCode());
		}
		return regions.zone(grant.acceptedZone()).regions().stream()
			.anyMatch(member -> RegionCodes.isWithin(providerRegion, member.code()));
	}

	/** Related parties: the same credit code, contact phone or contact e-mail on both sides. */
	private static boolean relatedParties(OrganisationView enterprise, OrganisationView provider) {
		return enterprise.creditCode().equalsIgnoreCase(provider.creditCode())
				|| !enterprise.contactPhone().isBlank() && enterprise.contactPhone().equals(provider.contactPhone())
				|| !enterprise.contactEmail().isBlank() && enterprise.contactEmail().equalsIgnoreCase(provider.contactEmail());
	}

	/** Amounts just under a review threshold (within 5% below ¥10,000, ¥50,000 or ¥100,000). */
	static final long[] THRESHOLDS = { 1_000_000L, 5_000_000L, 10_000_000L };

	/**
	 * Many small orders just under a threshold: this quote and at least two more between the same enterprise and
	 * provider in the last 30 days lie within 5% below the same threshold.
	 */
	private boolean splitsBelowThreshold(OrderRow order, long quote) {
		for (long threshold : THRESHOLDS) {
			if (quote < threshold && quote >= threshold * 95 / 100) {
				long others = jdbc.sql("""
						select count(*) from voucher.service_order
						where enterprise_org_id = :e and provider_org_id = :p and id <> :id and quote >= :low and quote < :high
						  and created_at > :since""")
					.param("e", order.enterpriseOrgId()).param("p", order.providerOrgId()).param("id", order.id())
					.param("low", threshold * 95 / 100).param("high", threshold)
					.param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(30)))).query(Long.class).single();
				if (others >= 2) {
					return true;
				}
			}
		}
		return false;
	}

	// ---- rows

	record OrderRow(UUID id, String number, UUID enterpriseOrgId, String enterpriseRegion, UUID providerOrgId,
			String providerRegion, String serviceKind, @Nullable Long listPrice, String state, @Nullable Long quote,
			@Nullable UUID grantId, long voucherAmount, @Nullable String issuerRegion, @Nullable String acceptKey,
			List<String> flags) {
	}

	private static final String SELECT_ROW = """
			select id, number, enterprise_org_id, enterprise_region, provider_org_id, provider_region, service_kind,
			       list_price, state, quote, grant_id, voucher_amount, issuer_region, accept_key, flags
			from voucher.service_order""";

	private static OrderRow orderRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new OrderRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getObject(8, Long.class), rs.getString(9),
				rs.getObject(10, Long.class), rs.getObject(11, UUID.class), rs.getLong(12), rs.getString(13), rs.getString(14),
				Arrays.asList((String[]) rs.getArray(15).getArray()));
	}

	record GrantRow(UUID id, UUID schemeId, UUID enterpriseOrgId, String regionCode, java.math.BigDecimal subsidyRatio,
			List<String> serviceKinds, @Nullable String acceptedZone, LocalDate validUntil, String state) {
	}

	private static final String SELECT_GRANT = """
			select id, scheme_id, enterprise_org_id, region_code, subsidy_ratio, service_kinds, accepted_zone,
			       valid_until, state from voucher.grant_""";

	private java.util.Optional<GrantRow> grantRow(UUID grantId) {
		return jdbc.sql(SELECT_GRANT + " where id = :id").param("id", grantId).query(ServiceOrders::grantRow).optional();
	}

	private Map<UUID, GrantRow> grantRows(List<UUID> ids) {
		Map<UUID, GrantRow> grants = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(SELECT_GRANT + " where id = any(cast(:ids as uuid[]))")
				.param("ids", ids.stream().map(UUID::toString).distinct().toArray(String[]::new))
				.query(ServiceOrders::grantRow).list().forEach(grant -> grants.put(grant.id(), grant));
		}
		return grants;
	}

	private static GrantRow grantRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new GrantRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getBigDecimal(5), Arrays.asList((String[]) rs.getArray(6).getArray()), rs.getString(7),
				rs.getObject(8, LocalDate.class), rs.getString(9));
	}

	private static final String VIEW_COLUMNS = """
			id, number, enterprise_org_id, enterprise_name, enterprise_region, provider_org_id, provider_name,
			       provider_region, service_id, service_title, service_kind, list_price, description, state, quote, grant_id,
			       voucher_amount, issuer_region, report_name, report_note, cancel_reason, dispute_reason, flags, created_at,
			       quoted_at, accepted_at, hold_expires_at, delivered_at, confirmed_at, cancelled_at, updated_at""";

	private static final String SELECT_VIEW = "select " + VIEW_COLUMNS + " from voucher.service_order";

	private static OrderView orderView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Long list = rs.getObject(12, Long.class);
		Long quote = rs.getObject(15, Long.class);
		long voucher = rs.getLong(17);
		return new OrderView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
				rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class),
				rs.getString(10), rs.getString(11), list == null ? null : Money.yuan(list), rs.getString(13), rs.getString(14),
				quote == null ? null : Money.yuan(quote), rs.getObject(16, UUID.class), Money.yuan(voucher),
				quote == null ? null : Money.yuan(quote - voucher), rs.getString(18), rs.getString(19), rs.getString(20),
				rs.getString(21), rs.getString(22), Arrays.asList((String[]) rs.getArray(23).getArray()), instant(rs, 24),
				instant(rs, 25), instant(rs, 26), instant(rs, 27), instant(rs, 28), instant(rs, 29), instant(rs, 30),
				instant(rs, 31));
	}

	private static @Nullable Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
