package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.kejiao.booking.BookingFlows;
import cn.kejiao.booking.BookingItems;
import cn.kejiao.booking.BookingUsed;
import cn.kejiao.challenge.ChallengePanelFormed;
import cn.kejiao.challenge.InvitationAnswered;
import cn.kejiao.challenge.PanelItems;
import cn.kejiao.challenge.PanelFlows;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.trading.ContractFigures;
import cn.kejiao.trading.ContractItems;
import cn.kejiao.trading.ContractStepTaken;
import cn.kejiao.voucher.BookingOrderBilled;
import cn.kejiao.voucher.OrderConfirmed;
import cn.kejiao.voucher.OrderFlows;
import cn.kejiao.voucher.OrderItems;
import cn.kejiao.voucher.OrderStepsTaken;

/**
 * The flows between regions the modules already answer in one shape (decision 0028): confirmed service orders and
 * the voucher money spent on them, outside bookings used, experts seated on challenge panels, registered
 * contracts. Each is marked stale by the event of the step that makes it count, on the day that step counts it.
 */
@Component
class FlowSources implements FactSource {

	private static final List<String> EVERY_REGION = List.of();

	private final OrderFlows orders;
	private final BookingFlows bookings;
	private final PanelFlows panels;
	private final ContractFigures contracts;
	private final StaleDays stale;
	private final FlowItems items;

	/** The modules' rows behind these flows, by the same rules. */
	record FlowItems(OrderItems orders, BookingItems bookings, PanelItems panels, ContractItems contracts) {
	}

	FlowSources(OrderFlows orders, BookingFlows bookings, PanelFlows panels, ContractFigures contracts,
			StaleDays stale, OrderItems orderItems, BookingItems bookingItems, PanelItems panelItems,
			ContractItems contractItems) {
		this.items = new FlowItems(orderItems, bookingItems, panelItems, contractItems);
		this.orders = orders;
		this.bookings = bookings;
		this.panels = panels;
		this.contracts = contracts;
		this.stale = stale;
	}

	@Override
	public Set<InsightKind> kinds() {
		return EnumSet.of(InsightKind.ORDERS, InsightKind.VOUCHER_SPENDING, InsightKind.BOOKINGS,
				InsightKind.PANEL_SEATS, InsightKind.CONTRACTS);
	}

	@Override
	public List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to) {
		return switch (kind) {
			case ORDERS -> orders.orders(from, to, EVERY_REGION);
			case VOUCHER_SPENDING -> orders.voucherSpending(from, to, EVERY_REGION);
			case BOOKINGS -> bookings.flows(from, to, EVERY_REGION);
			case PANEL_SEATS -> panels.flows(from, to, EVERY_REGION);
			case CONTRACTS -> contracts.daily(from, to, EVERY_REGION);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@Override
	public List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return switch (kind) {
			case ORDERS -> items.orders().orders(from, to, served, serving, offset, limit);
			case VOUCHER_SPENDING -> items.orders().voucherSpending(from, to, served, serving, offset, limit);
			case BOOKINGS -> items.bookings().outsideUse(from, to, served, serving, offset, limit);
			case PANEL_SEATS -> items.panels().seats(from, to, served, serving, offset, limit);
			case CONTRACTS -> items.contracts().registered(from, to, served, serving, offset, limit);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@EventListener
	void on(OrderConfirmed confirmed) {
		stale.markToday(InsightKind.ORDERS, InsightKind.VOUCHER_SPENDING);
	}

	@EventListener
	void on(OrderStepsTaken steps) {
		if (!steps.confirmed().isEmpty()) {
			stale.markToday(InsightKind.ORDERS, InsightKind.VOUCHER_SPENDING);
		}
	}

	/** A booking's order billed is confirmed in the same step: its voucher part is voucher money spent today. */
	@EventListener
	void on(BookingOrderBilled billed) {
		stale.markToday(InsightKind.VOUCHER_SPENDING);
	}

	@EventListener
	void on(BookingUsed used) {
		if (used.external()) {
			stale.mark(InsightKind.BOOKINGS, used.actualEnd());
		}
	}

	@EventListener
	void on(ChallengePanelFormed formed) {
		stale.markToday(InsightKind.PANEL_SEATS);
	}

	@EventListener
	void on(InvitationAnswered answered) {
		stale.markToday(InsightKind.PANEL_SEATS);
	}

	/** Registered counts today; a terminated contract leaves the day it was registered on. */
	@EventListener
	void on(ContractStepTaken step) {
		switch (step.step()) {
			case "registered" -> stale.markToday(InsightKind.CONTRACTS);
			case "terminated" -> contracts.registeredDay(step.contractId())
				.ifPresent(day -> stale.mark(InsightKind.CONTRACTS, day));
			default -> {
			}
		}
	}
}
