package cn.kejiao.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.BookingState;
import cn.kejiao.booking.BookingView;
import cn.kejiao.booking.Bookings;
import cn.kejiao.booking.Mode;
import cn.kejiao.booking.Rules;
import cn.kejiao.booking.Unit;
import cn.kejiao.booking.WorkingCalendar;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.TimeShift;
import cn.kejiao.voucher.GrantView;
import cn.kejiao.voucher.VoucherGrants;

/**
 * Bookings of the demo instruments in every state, after the catalog is in: the last weeks' use of instruments in
 * 上海 and 云南 by their own people and by outside enterprises (used and billed, so that the sharing figures have
 * something to count), a no-show, a booking checked in and waiting for its use to be entered, and ahead: bookings
 * requested, approved, rejected and cancelled, and {@code ent-ws}'s booking paid partly with its Yunnan voucher.
 * One instrument of {@code provider-jd} is open to any verified enterprise without training, 09:00–17:00 on working
 * days, 60 days ahead, confirmed at once ({@link #OPEN_RULES}).
 * <p>
 * Everything goes through the facades as the people would do it. What happened in the past is replayed at the time
 * it happened ({@link TimeShift}, on this thread only): booked two days ahead, checked in at the start, the use
 * entered after the end. Once: a later start finds the bookings and does nothing.
 */
@Component
class BookingDemo {

	static final String USED_PURPOSE = "演示：赤泥与铝土矿样品表征";
	static final String VOUCHER_PURPOSE = "氧化铝赤泥样品物相分析（云南科技创新券支付部分费用）";

	private static final Logger log = LoggerFactory.getLogger(BookingDemo.class);

	/** The users who book for the organisations they belong to (their own instruments: internal use). */
	private static final Map<String, String> MEMBERS = Map.of("上海嘉定汽车零部件检测技术有限公司", "provider-jd",
			"云南省科学技术院", "provider-yn", "同济大学", "expert-sh");

	private final Bookings bookings;
	private final BookingRules rules;
	private final WorkingCalendar calendar;
	private final Catalog catalog;
	private final Organisations organisations;
	private final VoucherGrants grants;
	private final DemoActors actors;
	private final TransactionTemplate transactions;
	private final Clock clock;

	BookingDemo(Bookings bookings, BookingRules rules, WorkingCalendar calendar, Catalog catalog,
			Organisations organisations, VoucherGrants grants, DemoActors actors, TransactionTemplate transactions,
			Clock clock) {
		this.bookings = bookings;
		this.rules = rules;
		this.calendar = calendar;
		this.catalog = catalog;
		this.organisations = organisations;
		this.grants = grants;
		this.actors = actors;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The rules of provider-jd's instrument that any verified enterprise books at once. */
	static Rules openRules(UUID instrumentId) {
		return new Rules(instrumentId, LocalTime.of(9, 0), LocalTime.of(17, 0), List.of(1, 2, 3, 4, 5), true, 30, 30, 480,
				60, false, false, 24, Mode.SELF, true);
	}

	/** Staff-operated, each booking approved by the owner. */
	private static Rules staffRules(UUID instrumentId) {
		return new Rules(instrumentId, LocalTime.of(9, 0), LocalTime.of(17, 0), List.of(1, 2, 3, 4, 5), true, 30, 60, 480,
				60, true, false, 24, Mode.STAFF, true);
	}

	void load() {
		try {
			if (!done(USED_PURPOSE)) {
				transactions.executeWithoutResult(status -> seed());
				log.info("Demo bookings loaded");
			}
			if (!done(VOUCHER_PURPOSE)) {
				voucherBooking();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Demo bookings not loaded", ex);
		}
	}

	private boolean done(String purpose) {
		return actors.as("ent-ws", () -> bookings.mine(null)).stream().anyMatch(b -> b.purpose().equals(purpose));
	}

	/** An instrument with the organisation that owns it. */
	record Owned(UUID id, OrganisationView owner) {
	}

	private void seed() {
		List<Owned> shanghai = instruments("31", "上海嘉定汽车零部件检测技术有限公司", 4);
		List<Owned> yunnan = instruments("53", "云南省科学技术院", 4);
		Owned open = shanghai.getFirst();
		asOwner(open.owner(), () -> rules.save(openRules(open.id())));
		for (Owned instrument : concat(shanghai.subList(1, shanghai.size()), yunnan)) {
			asOwner(instrument.owner(), () -> rules.save(staffRules(instrument.id())));
		}
		List<LocalDate> past = workingDays(-1, 12);
		List<LocalDate> ahead = workingDays(2, 6);

		// the last weeks: each instrument used by outside enterprises and by its own people, most of it billed
		for (int k = 0; k < shanghai.size() + yunnan.size(); k++) {
			boolean inShanghai = k < shanghai.size();
			Owned instrument = inShanghai ? shanghai.get(k) : yunnan.get(k - shanghai.size());
			String outsider = inShanghai ? "ent-jd" : "ent-ws";
			String other = inShanghai ? "ent-ws" : "ent-jd";
			String member = MEMBERS.get(instrument.owner().name());
			int d = k % 3;
			used(instrument, outsider, past.get(d), 9, 12, USED_PURPOSE, true);
			used(instrument, other, past.get(d + 3), 9, 13, "演示：材料成分与形貌检测", k % 2 == 0);
			if (member != null) {
				used(instrument, member, past.get(d), 13, 15, "内部科研测试", true);
				used(instrument, member, past.get(d + 6), 14, 16, "内部方法验证", false);
			}
		}
		Owned staffed = shanghai.size() > 1 ? shanghai.get(1) : yunnan.getFirst();
		// a no-show and a booking checked in yesterday whose use is not entered yet
		BookingView missed = booked(open, "ent-jd", past.get(2), 10, 12, "演示：未到场的预约");
		at(past.get(2), 10, 40, () -> asOwner(open.owner(), () -> bookings.noShow(missed.id())));
		BookingView checkedIn = booked(open, "ent-ws", past.getFirst(), 15, 17, "演示：已签到，待录入使用");
		at(past.getFirst(), 15, 5, () -> asOwner(open.owner(), () -> bookings.checkIn(checkedIn.id())));

		// ahead: confirmed at once, cancelled by the booker, waiting for approval, rejected with a reason
		actors.as("ent-jd", () -> bookings.request(request(open, ahead.get(0), 9, 11, "演示：零部件材料检测")));
		BookingView cancelled = actors.as("ent-jd", () -> bookings.request(request(open, ahead.get(1), 10, 12, "演示：计划变更")));
		actors.as("ent-jd", () -> bookings.cancel(cancelled.id(), "试验计划推迟"));
		actors.as("ent-ws", () -> bookings.request(request(staffed, ahead.get(2), 9, 12, "演示：赤泥样品微观形貌观察")));
		BookingView rejected = actors.as("ent-jd", () -> bookings.request(request(staffed, ahead.get(3), 13, 16, "演示：待补充样品信息")));
		asOwner(staffed.owner(), () -> bookings.reject(rejected.id(), "样品信息不全，请补充样品成分与数量后重新预约"));
	}

	/**
	 * ent-ws books provider-jd's open instrument and pays part with its Yunnan voucher (held when confirmed). Until
	 * the booking fees take a voucher, the grant is refused and the booking is made without it.
	 */
	private void voucherBooking() {
		Owned open = instruments("31", "上海嘉定汽车零部件检测技术有限公司", 1).getFirst();
		LocalDate day = workingDays(2, 6).get(4);
		UUID grant = actors.as("ent-ws", () -> grants.grants(Actors.require())).stream()
			.filter(g -> g.schemeName().equals(VoucherDemo.YUNNAN)).map(GrantView::id).findFirst().orElse(null);
		try {
			transactions.executeWithoutResult(status -> actors.as("ent-ws",
					() -> bookings.request(request(open, day, 13, 16, VOUCHER_PURPOSE, grant))));
		}
		catch (KejiaoException ex) {
			if (!"booking.grant-not-accepted".equals(ex.code())) {
				throw ex;
			}
			log.info("Booking fees take no voucher yet: ent-ws's demo booking is made without its Yunnan grant");
			transactions.executeWithoutResult(status -> actors.as("ent-ws",
					() -> bookings.request(request(open, day, 13, 16, VOUCHER_PURPOSE, null))));
		}
	}

	/** Booked two days ahead, checked in at the start, the use entered after the end, billed or not yet. */
	private void used(Owned instrument, String booker, LocalDate day, int from, int until, String purpose, boolean bill) {
		BookingView booking = booked(instrument, booker, day, from, until, purpose);
		at(day, from, 0, () -> asOwner(instrument.owner(), () -> bookings.checkIn(booking.id())));
		at(day, until, 20, () -> asOwner(instrument.owner(), () -> {
			// priced per sample or run: three of them; per hour: the booked hours
			BookingView used = bookings.complete(booking.id(), null, null,
					booking.unit() == Unit.HOUR ? null : BigDecimal.valueOf(3));
			return bill ? bookings.bill(booking.id()) : used;
		}));
	}

	/** Requested two days before the day (and approved the same day when the owner approves each booking). */
	private BookingView booked(Owned instrument, String booker, LocalDate day, int from, int until, String purpose) {
		return at(day.minusDays(2), 10, 0, () -> {
			BookingView booking = actors.as(booker, () -> bookings.request(request(instrument, day, from, until, purpose)));
			return booking.state() == BookingState.REQUESTED
					? asOwner(instrument.owner(), () -> bookings.approve(booking.id())) : booking;
		});
	}

	private static Bookings.Request request(Owned instrument, LocalDate day, int from, int until, String purpose) {
		return request(instrument, day, from, until, purpose, null);
	}

	private static Bookings.Request request(Owned instrument, LocalDate day, int from, int until, String purpose,
			@Nullable UUID grant) {
		return new Bookings.Request(instrument.id(), time(day, from, 0), time(day, until, 0), purpose, grant);
	}

	private static Instant time(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ChinaTime.ZONE).toInstant();
	}

	private <T> T at(LocalDate day, int hour, int minute, Supplier<T> step) {
		return TimeShift.at(time(day, hour, minute), clock, step);
	}

	/**
	 * Working days counted from today (China time): {@code from} -1 goes back from yesterday, 2 forward from the
	 * day after tomorrow.
	 */
	private List<LocalDate> workingDays(int from, int count) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		List<LocalDate> days = new ArrayList<>();
		int step = from < 0 ? -1 : 1;
		for (LocalDate day = today.plusDays(from); days.size() < count; day = day.plusDays(step)) {
			if (calendar.isWorkingDay(day)) {
				days.add(day);
			}
		}
		return days;
	}

	/** Up to {@code count} published instruments of the providers in a region, those of {@code first} first. */
	private List<Owned> instruments(String regionPrefix, String first, int count) {
		List<OrganisationView> owners = organisations.verified(EnumSet.of(OrganisationType.TESTING_AGENCY,
				OrganisationType.RESEARCH_INSTITUTE, OrganisationType.UNIVERSITY, OrganisationType.ENGINEERING_CENTRE))
			.stream().filter(o -> o.regionCode().startsWith(regionPrefix))
			.sorted(Comparator.comparing((OrganisationView o) -> !o.name().equals(first))
				.thenComparing(o -> !MEMBERS.containsKey(o.name())).thenComparing(OrganisationView::name))
			.toList();
		List<Owned> found = new ArrayList<>();
		for (OrganisationView owner : owners) {
			asOwner(owner, () -> catalog.mine(EntryType.INSTRUMENT)).stream()
				.filter(e -> e.state() == EntryState.PUBLISHED).sorted(Comparator.comparing(EntryView::externalCode))
				.limit(2).forEach(e -> found.add(new Owned(e.id(), owner)));
			if (found.size() >= count) {
				break;
			}
		}
		if (found.isEmpty() || !found.getFirst().owner().name().equals(first)) {
			throw new IllegalStateException("no published instrument of " + first + " in the demo catalog");
		}
		return found.subList(0, Math.min(count, found.size()));
	}

	/** The owner's step: as its demo user where it has one, otherwise as its organisation (as the catalog demo does). */
	private <T> T asOwner(OrganisationView owner, Supplier<T> step) {
		String member = MEMBERS.get(owner.name());
		if (member != null) {
			return actors.as(member, step);
		}
		Actor actor = new Actor(UUID.nameUUIDFromBytes(owner.id().toString().getBytes(StandardCharsets.UTF_8)), "demo",
				"演示数据", owner.id(), owner.name(), owner.regionCode(), Set.of(Role.PROVIDER));
		return Actors.runAs(actor, step);
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		List<T> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
