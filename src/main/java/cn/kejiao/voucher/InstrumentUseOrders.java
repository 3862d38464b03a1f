package cn.kejiao.voucher;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.database.SqlArrays;
import cn.kejiao.voucher.OrderRows.GrantRow;
import cn.kejiao.voucher.OrderRows.Movement;
import cn.kejiao.voucher.OrderRows.OrderRow;
import cn.kejiao.voucher.OrderState.Step;

/**
 * Service orders for the metered use of an instrument, moved by its booking instead of by its parties (decision
 * 0017). The booker's organisation is the order's enterprise, the instrument's owner its provider, the kind
 * {@value #TESTING}. Opened at the booking's approval already accepted, at the estimate (the booker's price × the
 * booked time), holding the most of it a grant allows ({@link VoucherPart}, the one rule of every order); billed
 * at the actual fee, delivered and confirmed in one step, posting the ratio of that fee at most what was held and
 * giving the rest of the hold back; cancelled with the booking, giving all of it back. The same accounts, keys
 * ({@code hold:}, {@code post:}, {@code void:} and the order) and states as any order, so it shows in both parties'
 * orders and counts in the settlements like any other. At most one order per booking (a unique column).
 */
@Service
public class InstrumentUseOrders {

	/** The kind of service machine time on an instrument is, as the sharing platforms count it. */
	public static final String TESTING = "检验检测";

	/**
	 * A booking's use of an instrument to be paid through an order.
	 * @param period the booked time as the order describes it ("2026-12-08 09:00–11:00")
	 * @param end the booked end: the hold is kept until the voucher module's hold period after it
	 * @param estimate the booker's price × the booked time (or one sample or run), above zero
	 * @param grantId the booker's grant to pay part of the fee with, or null
	 */
	public record Use(UUID bookingId, String bookingNumber, String period, Instant end, UUID bookerOrgId,
			UUID ownerOrgId, UUID instrumentId, String instrumentTitle, Money estimate, @Nullable UUID grantId) {
	}

	private final JdbcClient jdbc;
	private final OrderRows rows;
	private final ServiceOrders orders;
	private final ActingEnterprise enterprises;
	private final VoucherPart part;
	private final Ledger ledger;
	private final Organisations organisations;
	private final AuditLog audit;
	private final Clock clock;
	private final Duration holdFor;
	private final ApplicationEventPublisher events;

	InstrumentUseOrders(JdbcClient jdbc, OrderRows rows, ServiceOrders orders, ActingEnterprise enterprises,
			VoucherPart part, Ledger ledger, Organisations organisations, AuditLog audit, Clock clock,
			@Value("${kejiao.voucher.hold-for:P60D}") Duration holdFor, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.rows = rows;
		this.orders = orders;
		this.enterprises = enterprises;
		this.part = part;
		this.ledger = ledger;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.holdFor = holdFor;
	}

	/**
	 * Whether the acting booker may pay part of a use of the owner's instrument with the grant, before anything is
	 * booked: the booker acts as an enterprise ({@code voucher.enterprises-only}), the grant is its own
	 * ({@code voucher.grant-not-found}), {@link VoucherPart}'s rule holds for the owner's region and kind
	 * {@value #TESTING}, and the grant still holds money ({@code voucher.grant-empty}).
	 */
	@Transactional(readOnly = true)
	public void checkGrant(UUID grantId, UUID ownerOrgId) {
		Actor actor = Actors.require();
		OrganisationView enterprise = enterprises.of(actor);
		GrantRow grant = ownGrant(grantId, enterprise.id());
		part.check(grant, organisation(ownerOrgId).regionCode(), TESTING);
		if (ledger.balance(VoucherAccounts.grant(grantId)) <= 0) {
			throw KejiaoException.conflict("voucher.grant-empty");
		}
	}

	/**
	 * Opens the order of an approved booking, accepted at the estimate, and holds the voucher part: the grant's ratio
	 * of the estimate, at most what it holds. Opening it again (a retried approval) returns the order opened first.
	 * @return the order's id
	 * @throws KejiaoException the refusals of {@link #checkGrant} but the first (the grant may have lapsed or been
	 * spent since the request), {@code voucher.grant-insufficient} when another order took the money meanwhile
	 */
	@Transactional
	public UUID open(Use use) {
		Optional<UUID> opened = orderOf(use.bookingId());
		if (opened.isPresent()) {
			return opened.get();
		}
		long estimate = Money.positiveFen(use.estimate(), "estimate");
		OrganisationView booker = organisation(use.bookerOrgId());
		OrganisationView owner = organisation(use.ownerOrgId());
		long voucher = 0;
		GrantRow grant = null;
		if (use.grantId() != null) {
			grant = ownGrant(use.grantId(), booker.id());
			part.check(grant, owner.regionCode(), TESTING);
			UUID grantId = grant.id();
			voucher = VoucherPart.held(estimate, grant.subsidyRatio(), null, () -> ledger.balance(VoucherAccounts.grant(grantId)));
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expires = (use.end().isAfter(now) ? use.end() : now).plus(holdFor);
		int inserted = jdbc.sql("""
				insert into voucher.service_order (id, number, enterprise_org_id, enterprise_name, enterprise_region,
				    provider_org_id, provider_name, provider_region, service_id, service_title, service_kind, description,
				    state, quote, grant_id, voucher_amount, issuer_region, flags, created_at, quoted_at, accepted_at,
				    hold_expires_at, updated_at, booking_id)
				values (:id, :number, :eorg, :ename, :eregion, :porg, :pname, :pregion, :service, :title, :kind, :description,
				    'ACCEPTED', :quote, :grant, :voucher, :issuer, :flags, :at, :at, :at, :expires, :at, :booking)
				on conflict (booking_id) do nothing""")
			.param("id", id).param("number", rows.nextNumber(LocalDate.now(clock.withZone(ChinaTime.ZONE))))
			.param("eorg", booker.id()).param("ename", booker.name()).param("eregion", booker.regionCode())
			.param("porg", owner.id()).param("pname", owner.name()).param("pregion", owner.regionCode())
			.param("service", use.instrumentId()).param("title", use.instrumentTitle()).param("kind", TESTING)
			.param("description", use.bookingNumber() + " · " + use.period()).param("quote", estimate)
			.param("grant", grant == null ? null : grant.id(), Types.OTHER).param("voucher", voucher)
			.param("issuer", grant == null ? null : grant.regionCode(), Types.VARCHAR)
			.param("flags", SqlArrays.texts(AbuseFlags.onRequest(AbuseFlags.Party.of(booker), AbuseFlags.Party.of(owner))))
			.param("at", Timestamp.from(now)).param("expires", Timestamp.from(expires)).param("booking", use.bookingId())
			.update();
		if (inserted == 0) { // opened meanwhile by another transaction, which holds its own part
			return orderOf(use.bookingId()).orElseThrow();
		}
		jdbc.sql("insert into voucher.open_hold (order_id, expires_at) values (:id, :expires)").param("id", id)
			.param("expires", Timestamp.from(expires)).update();
		if (voucher > 0) {
			String hold = VoucherAccounts.hold(id);
			try {
				ledger.transfer(new Transfer("hold:" + id, VoucherAccounts.grant(Objects.requireNonNull(grant).id()), hold,
						voucher, "HOLD", "order:" + id), new Account(hold, VoucherAccounts.HOLD, grant.regionCode(), booker.id(), true));
			}
			catch (InsufficientBalance refused) {
				throw KejiaoException.conflict("voucher.grant-insufficient", Money.yuan(refused.balance()), Money.yuan(voucher));
			}
		}
		OrderView view = rows.view(id);
		audit.record("order.accepted", "service-order", id.toString(), view.number(), view.providerRegion(), null, view);
		return id;
	}

	/**
	 * Bills the booking's use at the actual fee: the order is delivered and confirmed in one step at that amount,
	 * the voucher posts the grant's ratio of it (rounded down to the fen) but no more than it held, and the rest of
	 * the hold goes back to the grant. A fee of nothing cancels the order instead. Billing again moves nothing.
	 */
	@Transactional
	public OrderView bill(UUID bookingId, Money fee) {
		OrderRow order = rows.lockOfBooking(bookingId)
			.orElseThrow(() -> KejiaoException.notFound("order.not-found", bookingId));
		if (order.state() == OrderState.CONFIRMED || order.state() == OrderState.CANCELLED && fee.fen() <= 0) {
			return rows.view(order.id());
		}
		if (fee.fen() <= 0) {
			return cancelled(order, "no-fee");
		}
		order.state().take(Step.DELIVER);
		long posted = order.voucherAmount() == 0 ? 0 : Math.min(order.voucherAmount(),
				VoucherPart.most(fee.fen(), rows.grant(Objects.requireNonNull(order.grantId())).orElseThrow().subsidyRatio()));
		Instant now = clock.instant();
		jdbc.sql("""
				update voucher.service_order set state = 'CONFIRMED', quote = :fee, voucher_amount = :posted,
				    delivered_at = :at, confirmed_at = :at, updated_at = :at where id = :id""")
			.param("fee", fee.fen()).param("posted", posted).param("at", Timestamp.from(now)).param("id", order.id())
			.update();
		jdbc.sql("delete from voucher.open_hold where order_id = :id").param("id", order.id()).update();
		Movement posting = order.withVoucherAmount(posted).posting();
		if (posting != null) {
			ledger.transfer(posting.transfer(), posting.open());
		}
		orders.voidHold(order, order.voucherAmount() - posted);
		events.publishEvent(new BookingOrderBilled(order.id(), bookingId, fee, new Money(posted)));
		return changed(order, "order.confirmed");
	}

	/** The booking was cancelled, rejected or not come to: its order is cancelled and all its hold given back. */
	@Transactional
	public void cancel(UUID bookingId, String reason) {
		Optional<OrderRow> order = rows.lockOfBooking(bookingId);
		if (order.isPresent() && order.get().state() != OrderState.CANCELLED) {
			cancelled(order.get(), reason);
		}
	}

	/** The order through which a booking's fee is paid, if one was opened. */
	@Transactional(readOnly = true)
	public Optional<UUID> orderOf(UUID bookingId) {
		return jdbc.sql("select id from voucher.service_order where booking_id = :booking").param("booking", bookingId)
			.query(UUID.class).optional();
	}

	private OrderView cancelled(OrderRow order, String reason) {
		order.state().take(Step.CANCEL);
		Instant now = clock.instant();
		jdbc.sql("""
				update voucher.service_order set state = 'CANCELLED', cancel_reason = :reason, cancelled_by = :by,
				    cancelled_at = :at, updated_at = :at where id = :id""")
			.param("reason", reason).param("by", Actors.current().map(Actor::username).orElse("system"))
			.param("at", Timestamp.from(now)).param("id", order.id()).update();
		jdbc.sql("delete from voucher.open_hold where order_id = :id").param("id", order.id()).update();
		orders.voidHold(order, order.voucherAmount());
		return changed(order, "order.cancelled");
	}

	private GrantRow ownGrant(UUID grantId, UUID enterpriseOrgId) {
		return rows.grant(grantId).filter(g -> g.enterpriseOrgId().equals(enterpriseOrgId))
			.orElseThrow(() -> KejiaoException.notFound("voucher.grant-not-found", grantId));
	}

	private OrganisationView organisation(UUID id) {
		return organisations.find(id).orElseThrow(() -> KejiaoException.invalid("order.provider-unknown", id));
	}

	private OrderView changed(OrderRow before, String action) {
		OrderView view = rows.view(before.id());
		audit.recordAll(List.of(OrderSteps.auditChange(Actors.current().orElse(null), Actors.clientAddress().orElse(null),
				before, view, action)));
		return view;
	}
}
