package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.voucher.BookingOrderBilled;
import cn.kejiao.voucher.GrantApproved;
import cn.kejiao.voucher.OrderConfirmed;
import cn.kejiao.voucher.OrderStepsTaken;
import cn.kejiao.voucher.PeriodSettled;
import cn.kejiao.voucher.VoucherFlows;
import cn.kejiao.voucher.VoucherMoneyLapsed;

/**
 * Voucher money issued, spent, settled and lapsed ({@link VoucherFlows}): served is the holding enterprise's
 * region and serving the issuing region, except for settlements (the issuing region pays the provider's region).
 * Every step counts on the day it is taken, so each event marks today.
 */
@Component
class VoucherSource implements FactSource {

	private static final List<String> EVERY_REGION = List.of();

	private final VoucherFlows vouchers;
	private final StaleDays stale;

	VoucherSource(VoucherFlows vouchers, StaleDays stale) {
		this.vouchers = vouchers;
		this.stale = stale;
	}

	@Override
	public Set<InsightKind> kinds() {
		return EnumSet.of(InsightKind.VOUCHERS_ISSUED, InsightKind.VOUCHERS_SPENT, InsightKind.VOUCHERS_SETTLED,
				InsightKind.VOUCHERS_LAPSED);
	}

	@Override
	public List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to) {
		return switch (kind) {
			case VOUCHERS_ISSUED -> vouchers.issued(from, to, EVERY_REGION);
			case VOUCHERS_SPENT -> vouchers.spent(from, to, EVERY_REGION);
			case VOUCHERS_SETTLED -> vouchers.settled(from, to, EVERY_REGION);
			case VOUCHERS_LAPSED -> vouchers.lapsed(from, to, EVERY_REGION);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@Override
	public List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return switch (kind) {
			case VOUCHERS_ISSUED -> vouchers.issuedRows(from, to, served, serving, offset, limit);
			case VOUCHERS_SPENT -> vouchers.spentRows(from, to, served, serving, offset, limit);
			case VOUCHERS_SETTLED -> vouchers.settledRows(from, to, served, serving, offset, limit);
			case VOUCHERS_LAPSED -> vouchers.lapsedRows(from, to, served, serving, offset, limit);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@EventListener
	void on(GrantApproved approved) {
		stale.markToday(InsightKind.VOUCHERS_ISSUED);
	}

	@EventListener
	void on(OrderConfirmed confirmed) {
		if (confirmed.voucherPart().fen() > 0) {
			stale.markToday(InsightKind.VOUCHERS_SPENT);
		}
	}

	@EventListener
	void on(OrderStepsTaken steps) {
		if (steps.confirmed().stream().anyMatch(confirmed -> confirmed.voucherPart().fen() > 0)) {
			stale.markToday(InsightKind.VOUCHERS_SPENT);
		}
	}

	@EventListener
	void on(BookingOrderBilled billed) {
		if (billed.voucherPart().fen() > 0) {
			stale.markToday(InsightKind.VOUCHERS_SPENT);
		}
	}

	@EventListener
	void on(VoucherMoneyLapsed lapsed) {
		stale.markToday(InsightKind.VOUCHERS_LAPSED);
	}

	@EventListener
	void on(PeriodSettled settled) {
		stale.markToday(InsightKind.VOUCHERS_SETTLED);
	}
}
