package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.trading.LotFlows;
import cn.kejiao.trading.LotSold;

/**
 * Lots sold at auction ({@link InsightKind#LOTS_SOLD}): served the buyer's region, serving the seller's, with the
 * hammer price, on the day the lot closed ({@link LotFlows}). Marked on that day when the lot is sold.
 */
@Component
class TradingSource implements FactSource {

	private static final List<String> EVERY_REGION = List.of();

	private final LotFlows lots;
	private final StaleDays stale;

	TradingSource(LotFlows lots, StaleDays stale) {
		this.lots = lots;
		this.stale = stale;
	}

	@Override
	public Set<InsightKind> kinds() {
		return Set.of(InsightKind.LOTS_SOLD);
	}

	@Override
	public List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to) {
		return lots.daily(from, to, EVERY_REGION);
	}

	@Override
	public List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return lots.rows(from, to, served, serving, offset, limit);
	}

	@EventListener
	void on(LotSold sold) {
		stale.mark(InsightKind.LOTS_SOLD, sold.closedAt());
	}
}
