package cn.kejiao.voucher;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.kejiao.audit.AuditChange;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.ledger.Account;
import cn.kejiao.ledger.InsufficientBalance;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Outcome;
import cn.kejiao.ledger.Transfer;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.database.GroupCommit;
import cn.kejiao.voucher.OrderRows.GrantRow;
import cn.kejiao.voucher.OrderRows.Movement;
import cn.kejiao.voucher.OrderRows.OrderRow;

/**
 * Accept, deliver and confirm of many requests, taken together in one transaction by {@link GroupCommit}
 * (decision 0006): each step is checked as a request of its own would be, with the same codes, and the batch
 * then writes with a statement each for all its steps.
 */
@Component
class OrderSteps {

	/** A step of the money path, taken on its caller's behalf. */
	sealed interface Step permits Accept, Deliver, Confirm {

		UUID orderId();

		Actor actor();

		@Nullable String address();
	}

	/** The enterprise accepts the quote it saw ({@code quotedAmount}), with a voucher part of a grant or none. */
	record Accept(UUID orderId, Actor actor, @Nullable String address, @Nullable Money quotedAmount,
			@Nullable UUID grantId, @Nullable Money voucherAmount, @Nullable String key) implements Step {
	}

	record Deliver(UUID orderId, Actor actor, @Nullable String address, @Nullable String reportName,
			byte @Nullable [] report, @Nullable String note) implements Step {
	}

	record Confirm(UUID orderId, Actor actor, @Nullable String address) implements Step {
	}

	/** What a step changes: the order's row (and its open hold, in the same statement), its audit entry, its money. */
	private record Change(Step step, OrderRow before, String action, String sql, MapSqlParameterSource params,
			@Nullable Movement movement) {
	}

	private final OrderRows rows;
	private final NamedParameterJdbcTemplate named;
	private final Ledger ledger;
	private final VoucherPart part;
	private final AuditLog audit;
	private final Clock clock;
	private final Duration holdFor;
	private final ApplicationEventPublisher events;

	OrderSteps(OrderRows rows, NamedParameterJdbcTemplate named, Ledger ledger, VoucherPart part, AuditLog audit,
			Clock clock, @Value("${kejiao.voucher.hold-for:P60D}") Duration holdFor, ApplicationEventPublisher events) {
		this.events = events;
		this.rows = rows;
		this.named = named;
		this.ledger = ledger;
		this.part = part;
		this.audit = audit;
		this.clock = clock;
		this.holdFor = holdFor;
	}

	/**
	 * Takes the steps in the current transaction: locks their orders (in id order), checks each step, updates
	 * the orders and records the audit entries a statement each for all, then makes all their transfers in one
	 * round trip. A step refused by a rule writes nothing and the others go ahead; a grant that cannot cover a
	 * hold throws, so that the steps run again alone and only that one fails.
	 */
	List<GroupCommit.Result<OrderView>> take(List<Step> batch) {
		Map<UUID, OrderRow> orders = rows.lockAll(batch.stream().map(Step::orderId).toList());
		Map<UUID, GrantRow> grants = rows.grants(batch.stream()
			.map(step -> step instanceof Accept accept ? accept.grantId() : null).filter(Objects::nonNull).toList());
		Map<UUID, Long> unplanned = new HashMap<>();
		List<GroupCommit.Result<OrderView>> results = new ArrayList<>(Collections.nCopies(batch.size(), null));
		Map<Integer, Change> changes = new LinkedHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			Step step = batch.get(i);
			try {
				OrderRow order = OrderRows.visible(orders.get(step.orderId()), step.orderId(), step.actor());
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
		List<UUID> read = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (results.get(i) == null) {
				read.add(batch.get(i).orderId());
			}
		}
		Map<UUID, OrderView> views = rows.views(read);
		audit.recordAll(changes.values().stream().map(change -> auditChange(change.step().actor(), change.step().address(),
				change.before(), views.get(change.before().id()), change.action())).toList());
		// the money last, so the accounts (a provider's receivable is shared by all its orders) stay locked only until
		// the commit; a grant that cannot cover its hold fails the batch, and each step then runs alone
		List<Change> moving = changes.values().stream().filter(change -> change.movement() != null).toList();
		List<Outcome> outcomes = ledger.transferAll(moving.stream().map(change -> change.movement().transfer()).toList(),
				moving.stream().map(change -> change.movement().open()).filter(Objects::nonNull).toList());
		for (int m = 0; m < moving.size(); m++) {
			InsufficientBalance refused = outcomes.get(m).refused();
			if (refused != null) {
				throw moving.get(m).step() instanceof Accept ? KejiaoException.conflict("voucher.grant-insufficient",
						Money.yuan(refused.balance()), Money.yuan(moving.get(m).movement().transfer().amount())) : refused;
			}
		}
		// in the batch's transaction: stored with it, or gone with it when the steps run again alone
		List<Object> taken = changes.values().stream().map(change -> event(change.step(), views.get(change.before().id()))).toList();
		if (taken.size() == 1) {
			events.publishEvent(taken.getFirst());
		}
		else if (!taken.isEmpty()) {
			events.publishEvent(new OrderStepsTaken(only(taken, OrderAccepted.class), only(taken, OrderDelivered.class),
					only(taken, OrderConfirmed.class)));
		}
		for (int i = 0; i < batch.size(); i++) {
			if (results.get(i) == null) {
				results.set(i, GroupCommit.Result.of(views.get(batch.get(i).orderId())));
			}
		}
		return results;
	}

	private static <T> List<T> only(List<Object> events, Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** What the step's change tells the other side of the order. */
	private static Object event(Step step, OrderView after) {
		return switch (step) {
			case Accept accept -> new OrderAccepted(after.id(), after.providerOrgId(), after.number(),
					Money.ofYuan(after.quote(), "quote"), Money.ofYuan(after.voucherAmount(), "voucherAmount"));
			case Deliver deliver -> new OrderDelivered(after.id(), after.enterpriseOrgId(), after.number());
			case Confirm confirm -> new OrderConfirmed(after.id(), after.providerOrgId(), after.number(),
					Money.ofYuan(after.voucherAmount(), "voucherAmount"));
		};
	}

	private @Nullable Change accepting(Accept step, OrderRow order, Map<UUID, GrantRow> grants, Map<UUID, Long> unplanned) {
		requireEnterprise(step.actor(), order);
		Money quoted = step.quotedAmount();
		if (quoted == null) {
			throw KejiaoException.invalid("order.quoted-amount-required");
		}
		long seen = quoted.fen();
		if (!order.state().allows(OrderState.Step.ACCEPT) && step.key() != null && step.key().equals(order.acceptKey())
				&& Objects.equals(order.quote(), seen)) {
			return null;
		}
		order.requireTakenByHand();
		order.state().take(OrderState.Step.ACCEPT);
		// under the order's row lock: a quote made since the enterprise looked cannot slip in before the hold
		long quote = Objects.requireNonNull(order.quote());
		if (quote != seen) {
			throw KejiaoException.conflict("order.quote-changed", Money.yuan(quote), Money.yuan(seen));
		}
		long voucher = 0;
		String issuer = null;
		UUID grantId = step.grantId();
		if (grantId != null) {
			Long asked = step.voucherAmount() == null ? null : Money.positiveFen(step.voucherAmount(), "voucherAmount");
			GrantRow grant = Optional.ofNullable(grants.get(grantId))
				.filter(g -> g.enterpriseOrgId().equals(order.enterpriseOrgId()))
				.orElseThrow(() -> KejiaoException.notFound("voucher.grant-not-found", grantId));
			part.check(grant, order);
			// what the grant holds less what earlier accepts of this batch take from it
			voucher = VoucherPart.held(quote, grant.subsidyRatio(), asked,
					() -> unplanned.computeIfAbsent(grantId, id -> ledger.balance(VoucherAccounts.grant(id))));
			if (asked == null) {
				unplanned.merge(grantId, -voucher, Long::sum);
			}
			issuer = grant.regionCode();
		}
		else if (step.voucherAmount() != null) {
			throw KejiaoException.invalid("voucher.grant-required");
		}
		Instant now = clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("voucher", voucher)
			.addValue("at", Timestamp.from(now)).addValue("expires", Timestamp.from(now.plus(holdFor)))
			.addValue("id", order.id()).addValue("grant", grantId, Types.OTHER)
			.addValue("issuer", issuer, Types.VARCHAR).addValue("key", step.key(), Types.VARCHAR);
		String hold = VoucherAccounts.hold(order.id());
		return new Change(step, order, "order.accepted", """
				with accepted as (
				    update voucher.service_order set state = 'ACCEPTED', grant_id = :grant, voucher_amount = :voucher,
				        issuer_region = :issuer, accept_key = :key, accepted_at = :at, hold_expires_at = :expires,
				        updated_at = :at
				    where id = :id returning id, hold_expires_at)
				insert into voucher.open_hold (order_id, expires_at) select id, hold_expires_at from accepted""", params,
				voucher == 0 ? null : new Movement(new Transfer("hold:" + order.id(),
						VoucherAccounts.grant(Objects.requireNonNull(grantId)), hold, voucher, "HOLD", "order:" + order.id()),
						new Account(hold, VoucherAccounts.HOLD, issuer, order.enterpriseOrgId(), true)));
	}

	private Change delivering(Deliver step, OrderRow order) {
		requireProvider(step.actor(), order);
		order.requireTakenByHand();
		order.state().take(OrderState.Step.DELIVER);
		byte[] report = step.report();
		String note = step.note();
		if ((report == null || report.length == 0) && (note == null || note.isBlank())) {
			throw KejiaoException.invalid("order.report-required");
		}
		boolean file = report != null && report.length > 0;
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("name", file ? step.reportName() : null, Types.VARCHAR)
			.addValue("content", file ? report : null, Types.BINARY)
			.addValue("note", note == null ? null : note.strip(), Types.VARCHAR)
			.addValue("at", Timestamp.from(clock.instant())).addValue("id", order.id());
		return new Change(step, order, "order.delivered", """
				with delivered as (
				    update voucher.service_order set state = 'DELIVERED', report_name = :name, report_content = :content,
				        report_note = :note, delivered_at = :at, updated_at = :at where id = :id returning id)
				delete from voucher.open_hold h using delivered where h.order_id = delivered.id""", params, null);
	}

	private @Nullable Change confirming(Confirm step, OrderRow order) {
		requireEnterprise(step.actor(), order);
		if (order.state() == OrderState.CONFIRMED) {
			return null;
		}
		order.requireTakenByHand();
		order.state().take(OrderState.Step.CONFIRM);
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("at", Timestamp.from(clock.instant()))
			.addValue("id", order.id());
		return new Change(step, order, "order.confirmed",
				"update voucher.service_order set state = 'CONFIRMED', confirmed_at = :at, updated_at = :at where id = :id",
				params, order.posting());
	}

	static void requireProvider(Actor actor, OrderRow order) {
		if (!order.providerOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("order.provider-only");
		}
	}

	static void requireEnterprise(Actor actor, OrderRow order) {
		if (!order.enterpriseOrgId().equals(actor.organisationId())) {
			throw KejiaoException.forbidden("order.enterprise-only");
		}
	}

	/** An order's audit entry, the same for a step alone and in a batch: its state before, and after. */
	static AuditChange auditChange(@Nullable Actor actor, @Nullable String address, OrderRow before, OrderView after,
			String action) {
		return new AuditChange(actor, address, action, "service-order", before.id().toString(), before.number(),
				before.providerRegion(), Map.of("state", before.state().name()), Map.of("state", after.state(), "quote",
						String.valueOf(after.quote()), "voucherAmount", after.voucherAmount()));
	}
}
