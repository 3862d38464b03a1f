package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.kejiao.booking.BookingItems;
import cn.kejiao.booking.BookingUsed;
import cn.kejiao.booking.InstrumentHours;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;

/**
 * The use of instruments ({@link InsightKind#INSTRUMENT_HOURS}): every booking whose use was recorded, internal and
 * external, by the owner's region, on the day the use ended. Its count is in minutes ({@link InstrumentHours}); the
 * hours a page shows are the count ÷ 60 (bundle: {@code insight.unit.INSTRUMENT_HOURS}, its {@code .hint}). Marked
 * on the day the recorded use ended.
 */
@Component
class SharingSource implements FactSource {

	private static final List<String> EVERY_REGION = List.of();

	private final InstrumentHours hours;
	private final BookingItems items;
	private final StaleDays stale;

	SharingSource(InstrumentHours hours, BookingItems items, StaleDays stale) {
		this.hours = hours;
		this.items = items;
		this.stale = stale;
	}

	@Override
	public Set<InsightKind> kinds() {
		return Set.of(InsightKind.INSTRUMENT_HOURS);
	}

	@Override
	public List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to) {
		return hours.daily(from, to, EVERY_REGION);
	}

	@Override
	public List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return items.use(from, to, served, serving, offset, limit);
	}

	@EventListener
	void on(BookingUsed used) {
		stale.mark(InsightKind.INSTRUMENT_HOURS, used.actualEnd());
	}
}
