package cn.kejiao.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.BookingState;
import cn.kejiao.booking.BookingView;
import cn.kejiao.booking.Bookings;
import cn.kejiao.booking.Mode;
import cn.kejiao.booking.Rules;
import cn.kejiao.booking.Unit;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.GrantView;
import cn.kejiao.voucher.VoucherGrants;

/**
 * Enterprises book providers' shared instruments: two verified enterprises in five book one, some weeks after they
 * were verified, 2–10 days ahead, 1–4 hours between 08:00 and 20:00 (about 2,000 bookings at 5,000 enterprises). The
 * owner keeps the instrument's rules (samples sent in, booked at once, any day) when it is first booked, receives the
 * sample on the day (checks the booking in) and records the use the day after; two uses in three are billed. One
 * booking in twenty is cancelled by the enterprise instead. Half the bookers holding an innovation voucher accepted at
 * the owner pay part of the fee with it (held when the booking is confirmed, spent when billed). A time already taken is refused ({@code booking.clash}).
 */
@Component
class BookingActivity implements SimulatedActivity {

	private final Bookings bookings;
	private final BookingRules rules;
	private final Catalog catalog;
	private final VoucherGrants grants;
	private final Regions regions;
	private final Set<UUID> ruled = new HashSet<>();

	BookingActivity(Bookings bookings, BookingRules rules, Catalog catalog, VoucherGrants grants, Regions regions) {
		this.grants = grants;
		this.regions = regions;
		this.bookings = bookings;
		this.rules = rules;
		this.catalog = catalog;
	}

	@Override
	public void setUp(SimulationSteps steps) {
		ruled.clear();
	}

	@Override
	public void enterpriseVerified(SimulationSteps steps, SimulationSteps.SimulatedEnterprise enterprise) {
		if (steps.random().nextInt(5) < 2) {
			steps.later(3 + steps.random().nextInt(Math.max(1, steps.plan().days() / 3)), () -> book(steps, enterprise));
		}
	}

	private void book(SimulationSteps steps, SimulationSteps.SimulatedEnterprise enterprise) {
		SimulationCast.Provider owner = steps.providers().get(steps.random().nextInt(steps.providers().size()));
		List<EntryView> instruments = steps.as(owner.actor(), () -> catalog.mine(EntryType.INSTRUMENT)).stream()
			.filter(e -> e.state() == EntryState.PUBLISHED).sorted(Comparator.comparing(EntryView::externalCode)).toList();
		if (instruments.isEmpty()) {
			steps.done("bookings without an instrument");
			return;
		}
		EntryView instrument = instruments.get(steps.random().nextInt(instruments.size()));
		if (ruled.add(instrument.id())) {
			steps.as(owner.actor(), () -> rules.save(new Rules(instrument.id(), LocalTime.of(8, 0), LocalTime.of(20, 0),
					List.of(1, 2, 3, 4, 5, 6, 7), false, 30, 60, 480, 90, false, false, 2, Mode.SAMPLE, true)));
		}
		int ahead = 2 + steps.random().nextInt(9);
		LocalDate day = steps.today().plusDays(ahead);
		int from = 8 + steps.random().nextInt(9);
		int hours = 1 + steps.random().nextInt(4);
		Instant start = day.atTime(from, 0).atZone(ChinaTime.ZONE).toInstant();
		Instant end = day.atTime(from + hours, 0).atZone(ChinaTime.ZONE).toInstant();
		UUID grant = voucher(steps, enterprise, owner);
		BookingView booking = steps.as(enterprise.actor(), () -> bookings.request(new Bookings.Request(instrument.id(),
				start, end, enterprise.industry() + "样品检测", grant)));
		steps.done(grant == null ? "bookings requested" : "bookings requested with voucher");
		if (steps.random().nextInt(20) == 0) {
			steps.later(1, () -> {
				steps.as(enterprise.actor(), () -> bookings.cancel(booking.id(), "试验计划推迟"));
				steps.done("bookings cancelled");
			});
			return;
		}
		steps.later(ahead, () -> {
			BookingView current = steps.as(owner.actor(), () -> bookings.booking(booking.id()));
			if (current.state() == BookingState.REQUESTED) {
				steps.as(owner.actor(), () -> bookings.approve(booking.id()));
			}
			steps.as(owner.actor(), () -> bookings.checkIn(booking.id()));
			steps.done("bookings checked in");
			steps.later(1, () -> use(steps, owner, booking));
		});
	}

	/** Half the bookers holding a voucher accepted at the owner (balance left) pay part of the fee with it. */
	private @Nullable UUID voucher(SimulationSteps steps, SimulationSteps.SimulatedEnterprise enterprise,
			SimulationCast.Provider owner) {
		if (steps.random().nextInt(2) == 0) {
			return null;
		}
		return steps.as(enterprise.actor(), () -> grants.grants(enterprise.actor())).stream()
			.filter(g -> g.state().equals("ACTIVE") && new BigDecimal(g.balance()).signum() > 0)
			.filter(g -> g.acceptedZone() == null || regions.zoneCovers(g.acceptedZone(), owner.regionCode()))
			.sorted(Comparator.comparing(GrantView::grantedAt)).map(GrantView::id).findFirst().orElse(null);
	}

	/**
	 * The owner records the use (the booked time; three samples or runs for an instrument priced by the sample) and
	 * bills two in three.
	 */
	private void use(SimulationSteps steps, SimulationCast.Provider owner, BookingView booked) {
		UUID booking = booked.id();
		BigDecimal quantity = booked.unit() == Unit.HOUR ? null : BigDecimal.valueOf(3);
		steps.as(owner.actor(), () -> bookings.complete(booking, null, null, quantity));
		steps.done("bookings used");
		if (steps.random().nextInt(3) < 2) {
			steps.as(owner.actor(), () -> bookings.bill(booking));
			steps.done("bookings billed");
		}
	}
}
