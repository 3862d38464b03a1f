package cn.kejiao.voucher;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.database.GroupCommit;
import cn.kejiao.platform.database.SqlArrays;
import cn.kejiao.voucher.OrderRows.GrantRow;
import cn.kejiao.voucher.OrderRows.Movement;
import cn.kejiao.voucher.OrderRows.OrderRow;
import cn.kejiao.voucher.OrderState.Step;

/**
 * Service orders: request → quote → accept (the voucher part is held) → deliver → confirm (the hold is
 * posted to the provider), or cancel before delivery (the hold is voided). Every step locks the order's row
 * first, so two steps on one order run one after the other, and moves its money in the same transaction
 * with a key derived from the order, so a retried step moves nothing twice. Which step is allowed from which
 * state is {@link OrderState}'s. Accept, deliver and confirm of many requests are committed together
 * ({@link OrderSteps}, decision 0006).
 */
@Service
public class ServiceOrders {

	private final JdbcClient jdbc;
	private final OrderRows rows;
	private final GroupCommit<OrderSteps.Step, OrderView> steps;
	private final ActingEnterprise enterprises;
	private final VoucherPart part;
	private final Ledger ledger;
	private final Organisations organisations;
	private final Catalog catalog;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	ServiceOrders(JdbcClient jdbc, OrderRows rows, GroupCommit<OrderSteps.Step, OrderView> steps,
			ActingEnterprise enterprises, VoucherPart part, Ledger ledger, Organisations organisations, Catalog catalog, AuditLog audit,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.rows = rows;
		this.steps = steps;
		this.enterprises = enterprises;
		this.part = part;
		this.ledger = ledger;
		this.organisations = organisations;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the actor may place orders (and apply for vouchers): a page offers the forms accordingly. */
	public EnterpriseStanding standing(Actor actor) {
		return enterprises.standing(actor);
	}

	/** An enterprise asks a provider for a catalog service or for work described in free text. */
	@Transactional
	public OrderView request(UUID providerOrgId, @Nullable UUID serviceId, @Nullable String description,
			@Nullable String serviceKind) {
		Actor actor = Actors.require();
		OrganisationView enterprise = enterprises.of(actor);
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
			EntryView entry = catalog.get(serviceId, actor);
			if (!entry.ownerOrgId().equals(providerOrgId)) {
				throw KejiaoException.invalid("order.service-not-of-provider");
			}
			title = entry.title();
			kind = kindOf(entry);
			if (entry.price() != null && ("ITEM".equals(entry.priceUnit()) || "TOTAL".equals(entry.priceUnit()))) {
				listPrice = entry.price().movePointRight(2).longValueExact();
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
		String number = rows.nextNumber(LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		jdbc.sql("""
				insert into voucher.service_order (id, number, enterprise_org_id, enterprise_name, enterprise_region,
				    provider_org_id, provider_name, provider_region, service_id, service_title, service_kind, list_price,
				    description, state, flags, created_at, updated_at)
				values (:id, :number, :eorg, :ename, :eregion, :porg, :pname, :pregion, :service, :title, :kind, :list,
				    :description, 'REQUESTED', :flags, :at, :at)""")
			.param("id", id).param("number", number).param("eorg", enterprise.id()).param("ename", enterprise.name())
			.param("eregion", enterprise.regionCode()).param("porg", provider.id()).param("pname", provider.name())
			.param("pregion", provider.regionCode()).param("service", serviceId).param("title", title).param("kind", kind)
			.param("list", listPrice).param("description", description == null ? "" : description.strip())
			.param("flags", SqlArrays.texts(AbuseFlags.onRequest(AbuseFlags.Party.of(enterprise),
					AbuseFlags.Party.of(provider))))
			.param("at", Timestamp.from(now))
			.update();
		OrderView view = rows.view(id);
		audit.record("order.requested", "service-order", id.toString(), number, provider.regionCode(), null, view);
		events.publishEvent(new OrderRequested(id, provider.id(), number, enterprise.name(), title));
		return view.seenBy(actor);
	}

	/**
	 * The kind of service an order of a catalog entry is, which decides the vouchers that may pay for it: a
	 * service's own category; machine time on an instrument is testing (检验检测, as the sharing platforms count
	 * it); asking about an achievement is technology transfer, consulting an expert is consulting.
	 */
	static String kindOf(EntryView entry) {
		return switch (entry.type()) {
			case SERVICE -> entry.category() == null ? "" : entry.category();
			case INSTRUMENT -> InstrumentUseOrders.TESTING;
			case ACHIEVEMENT -> "技术转移服务";
			case EXPERT -> "技术咨询";
		};
	}

	/** The provider names its price; it may quote again until the enterprise accepts. */
	@Transactional
	public OrderView quote(UUID orderId, @Nullable Money amount) {
		Actor actor = Actors.require();
		OrderRow order = rows.lock(orderId, actor);
		OrderSteps.requireProvider(actor, order);
		order.requireTakenByHand();
		order.state().take(Step.QUOTE);
		long quote = Money.positiveFen(amount, "amount");
		Instant now = clock.instant();
		List<String> flags = AbuseFlags.onQuote(order.flags(), order.listPrice(), quote, band -> jdbc.sql("""
				select count(*) from voucher.service_order
				where enterprise_org_id = :e and provider_org_id = :p and id <> :id and quote >= :low and quote < :high
				  and created_at > :since""")
			.param("e", order.enterpriseOrgId()).param("p", order.providerOrgId()).param("id", order.id())
			.param("low", band.low()).param("high", band.high())
			.param("since", Timestamp.from(now.minus(Duration.ofDays(30)))).query(Long.class).single());
		jdbc.sql("""
				update voucher.service_order set state = 'QUOTED', quote = :quote, quoted_at = :at, updated_at = :at,
				    flags = :flags where id = :id""")
			.param("quote", quote).param("at", Timestamp.from(now)).param("flags", SqlArrays.texts(flags))
			.param("id", orderId).update();
		events.publishEvent(new OrderQuoted(order.id(), order.enterpriseOrgId(), order.number(), new Money(quote)));
		return changed(order, "order.quoted");
	}

	/**
	 * The enterprise accepts the quote it saw, {@code quotedAmount}, optionally paying part with a grant: what
	 * {@link VoucherPart} allows, held at once. A quote changed since is refused ({@code order.quote-changed}),
	 * checked under the order's row lock with the hold, so that no re-quote slips in between. Repeating the request
	 * with the same idempotency key returns the accepted order and moves nothing.
	 * @throws KejiaoException {@code order.quoted-amount-required} (400) without {@code quotedAmount}, once the
	 * caller is known to be the order's enterprise
	 */
	public OrderView accept(UUID orderId, @Nullable Money quotedAmount, @Nullable UUID grantId,
			@Nullable Money voucherAmount, @Nullable String idempotencyKey) {
		Actor actor = Actors.require();
		return steps.submit(new OrderSteps.Accept(orderId, actor, Actors.clientAddress().orElse(null),
				quotedAmount, grantId, voucherAmount, idempotencyKey)).seenBy(actor);
	}

	/**
	 * What accepting the quote with a grant would hold, for the enterprise to see before it confirms: the same
	 * rule and refusals as {@link #accept}, without holding anything.
	 */
	@Transactional(readOnly = true)
	public Acceptance acceptance(UUID orderId, @Nullable UUID grantId, @Nullable Money voucherAmount) {
		Actor actor = Actors.require();
		OrderRow order = rows.find(orderId, actor);
		OrderSteps.requireEnterprise(actor, order);
		order.state().take(Step.ACCEPT);
		long quote = Objects.requireNonNull(order.quote());
		if (grantId == null) {
			if (voucherAmount != null) {
				throw KejiaoException.invalid("voucher.grant-required");
			}
			return new Acceptance(orderId, new Money(quote), null, Money.ZERO, new Money(quote));
		}
		Long asked = voucherAmount == null ? null : Money.positiveFen(voucherAmount, "voucherAmount");
		GrantRow grant = rows.grant(grantId).filter(g -> g.enterpriseOrgId().equals(order.enterpriseOrgId()))
			.orElseThrow(() -> KejiaoException.notFound("voucher.grant-not-found", grantId));
		part.check(grant, order);
		long voucher = VoucherPart.held(quote, grant.subsidyRatio(), asked,
				() -> ledger.balance(VoucherAccounts.grant(grantId)));
		return new Acceptance(orderId, new Money(quote), grantId, new Money(voucher), new Money(quote - voucher));
	}

	/** The provider delivers, with a report (a file, a note or both). */
	public OrderView deliver(UUID orderId, @Nullable String reportName, byte @Nullable [] report, @Nullable String note) {
		Actor actor = Actors.require();
		return steps.submit(new OrderSteps.Deliver(orderId, actor, Actors.clientAddress().orElse(null),
				reportName, report, note)).seenBy(actor);
	}

	/** The enterprise confirms the delivery: the held voucher part becomes the provider's claim on the issuing region. */
	public OrderView confirm(UUID orderId) {
		Actor actor = Actors.require();
		return steps.submit(new OrderSteps.Confirm(orderId, actor, Actors.clientAddress().orElse(null))).seenBy(actor);
	}

	/** Either side cancels before delivery; a held voucher part goes back to the grant. */
	@Transactional
	public OrderView cancel(UUID orderId, @Nullable String reason) {
		Actor actor = Actors.require();
		OrderRow order = rows.lock(orderId, actor);
		boolean party = order.enterpriseOrgId().equals(actor.organisationId())
				|| order.providerOrgId().equals(actor.organisationId());
		if (!party) {
			throw KejiaoException.forbidden("order.not-party");
		}
		order.requireTakenByHand();
		order.state().take(Step.CANCEL);
		if (reason == null || reason.isBlank()) {
			throw KejiaoException.invalid("order.reason-required");
		}
		voidHold(order, order.voucherAmount());
		markCancelled(order, reason.strip(), actor.username(), actor.organisationId());
		return changed(order, "order.cancelled");
	}

	/** The enterprise disputes a delivery instead of confirming it; the provider's region admin decides. */
	@Transactional
	public OrderView dispute(UUID orderId, @Nullable String reason) {
		Actor actor = Actors.require();
		OrderRow order = rows.lock(orderId, actor);
		OrderSteps.requireEnterprise(actor, order);
		order.requireTakenByHand();
		order.state().take(Step.DISPUTE);
		if (reason == null || reason.isBlank()) {
			throw KejiaoException.invalid("order.reason-required");
		}
		jdbc.sql("update voucher.service_order set state = 'DISPUTED', dispute_reason = :reason, updated_at = :at where id = :id")
			.param("reason", reason.strip()).param("at", Timestamp.from(clock.instant())).param("id", orderId).update();
		events.publishEvent(new OrderDisputed(order.id(), order.providerOrgId(), order.providerRegion(), order.number(),
				reason.strip()));
		return changed(order, "order.disputed");
	}

	/** The provider's region admin settles a dispute: the delivery stands (posted) or the order is cancelled (voided). */
	@Transactional
	public OrderView resolve(UUID orderId, boolean deliveryStands, @Nullable String reason) {
		Actor actor = Actors.require();
		OrderRow order = rows.lock(orderId, actor);
		if (!actor.governs(order.providerRegion())) {
			throw KejiaoException.forbidden("auth.region-forbidden", order.providerRegion());
		}
		order.state().take(deliveryStands ? Step.UPHOLD : Step.OVERRULE);
		if (deliveryStands) {
			Movement posting = order.posting();
			if (posting != null) {
				ledger.transfer(posting.transfer(), posting.open());
			}
			jdbc.sql("update voucher.service_order set state = 'CONFIRMED', confirmed_at = :at, updated_at = :at where id = :id")
				.param("at", Timestamp.from(clock.instant())).param("id", orderId).update();
			events.publishEvent(new OrderConfirmed(order.id(), order.providerOrgId(), order.number(),
					new Money(order.voucherAmount())));
		}
		else {
			voidHold(order, order.voucherAmount());
			markCancelled(order, reason == null || reason.isBlank() ? "dispute" : reason.strip(), actor.username(), null);
		}
		return changed(order, "order.resolved");
	}

	/**
	 * Accepted orders not delivered within the hold period are cancelled and their holds voided. Safe on
	 * several nodes: each order is claimed with a row lock that the others skip.
	 */
	@Transactional
	public int lapseStaleHolds() {
		List<OrderRow> due = rows.lapsedHolds(clock.instant(), 200);
		for (OrderRow order : due) {
			order.state().take(Step.LAPSE);
			voidHold(order, order.voucherAmount());
			markCancelled(order, "hold-lapsed", "system", null);
			audit.record("order.hold-lapsed", "service-order", order.id().toString(), order.number(), order.providerRegion(),
					null, Map.of("voucherAmount", Money.yuan(order.voucherAmount())));
		}
		return due.size();
	}

	/** Gives back {@code amount} of the order's hold (all of it, or what billing did not post); once per order. */
	void voidHold(OrderRow order, long amount) {
		if (amount > 0) {
			UUID grantId = Objects.requireNonNull(order.grantId());
			GrantRow grant = rows.grant(grantId).orElseThrow();
			// a grant that lapsed meanwhile does not take money back: it goes to the scheme's budget
			String to = grant.state().equals("ACTIVE") ? VoucherAccounts.grant(grantId)
					: VoucherAccounts.budget(grant.schemeId());
			ledger.transfer(new Transfer("void:" + order.id(), VoucherAccounts.hold(order.id()), to, amount, "VOID",
					"order:" + order.id()));
			if (!grant.state().equals("ACTIVE")) {
				events.publishEvent(new VoucherMoneyLapsed(grantId, order.id(), new Money(amount)));
			}
		}
	}

	private void markCancelled(OrderRow order, String reason, String by, @Nullable UUID byOrgId) {
		Instant now = clock.instant();
		jdbc.sql("""
				update voucher.service_order set state = 'CANCELLED', cancel_reason = :reason, cancelled_by = :by,
				    cancelled_at = :at, updated_at = :at where id = :id""")
			.param("reason", reason).param("by", by).param("at", Timestamp.from(now)).param("id", order.id()).update();
		jdbc.sql("delete from voucher.open_hold where order_id = :id").param("id", order.id()).update();
		events.publishEvent(new OrderCancelled(order.id(), order.enterpriseOrgId(), order.providerOrgId(), order.number(),
				byOrgId, reason));
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
			params.put("state", state.strip().toUpperCase(Locale.ROOT));
		}
		return rows.views(where, params, 500).stream().map(view -> view.seenBy(actor)).toList();
	}

	@Transactional(readOnly = true)
	public OrderView order(UUID id, Actor actor) {
		OrderView view = rows.view(id);
		if (!OrderRows.visibleTo(actor, view.enterpriseOrgId(), view.providerOrgId(), view.providerRegion(),
				view.enterpriseRegion(), view.issuerRegion())) {
			throw KejiaoException.notFound("order.not-found", id);
		}
		return view.seenBy(actor);
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

	private OrderView changed(OrderRow before, String action) {
		OrderView view = rows.view(before.id());
		audit.recordAll(List.of(OrderSteps.auditChange(Actors.current().orElse(null), Actors.clientAddress().orElse(null),
				before, view, action)));
		return view.seenBy(Actors.current().orElse(null));
	}
}
