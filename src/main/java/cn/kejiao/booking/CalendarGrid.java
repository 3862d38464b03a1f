package cn.kejiao.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;

/**
 * An instrument's week as the booking calendar draws it: each day's open hours cut into the instrument's slots, each
 * slot free, taken (the reader's own marked, nobody else's named), closed, or out of reach (past, or beyond how far
 * ahead it may be booked). Built on {@link Availability}'s intervals, so the grid and the API never disagree.
 */
@Service
public class CalendarGrid {

	/** What a slot is to the reader. */
	public enum State {
		FREE, TAKEN, MINE, CLOSED, OUT_OF_REACH
	}

	public record Cell(Instant start, Instant end, State state) {

		public boolean free() {
			return state == State.FREE;
		}
	}

	/** A day: closed all day when it has no cells ({@code holiday} names a public holiday). */
	public record Day(LocalDate date, @Nullable String holiday, List<Cell> cells) {

		public boolean open() {
			return !cells.isEmpty();
		}

		public boolean anyFree() {
			return cells.stream().anyMatch(Cell::free);
		}
	}

	/** A week from Monday: the rules in force, the days, whether the instrument takes bookings at all. */
	public record Week(UUID instrumentId, String title, LocalDate monday, Rules rules, boolean bookable, List<Day> days) {

		public LocalDate previous() {
			return monday.minusWeeks(1);
		}

		public LocalDate next() {
			return monday.plusWeeks(1);
		}

		/** The booking durations offered, in minutes: the slot's multiples from the shortest to the longest. */
		public List<Integer> durations() {
			List<Integer> offered = new ArrayList<>();
			for (int m = rules.minMinutes(); m <= rules.maxMinutes() && offered.size() < 24; m += rules.slotMinutes()) {
				offered.add(m);
			}
			return offered;
		}
	}

	private final Instruments instruments;
	private final BookingRules rules;
	private final Availability availability;
	private final WorkingCalendar calendar;
	private final Clock clock;

	CalendarGrid(Instruments instruments, BookingRules rules, Availability availability, WorkingCalendar calendar,
			Clock clock) {
		this.instruments = instruments;
		this.rules = rules;
		this.availability = availability;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The week (Monday to Sunday, China time) holding {@code day}, as the reader may see it. */
	@Transactional(readOnly = true)
	public Week week(UUID instrumentId, LocalDate day) {
		@Nullable Actor reader = Actors.current().orElse(null);
		Instrument instrument = instruments.seenBy(instrumentId, reader);
		Rules rule = rules.rules(instrument);
		LocalDate monday = day.with(DayOfWeek.MONDAY);
		Instant from = monday.atStartOfDay(ChinaTime.ZONE).toInstant();
		Instant to = monday.plusWeeks(1).atStartOfDay(ChinaTime.ZONE).toInstant();
		List<Interval> intervals = availability.intervals(instrument, rule, from, to, reader);
		Map<LocalDate, WorkingCalendar.Day> special = calendar.between(monday.minusDays(1), monday.plusWeeks(1));
		Instant now = clock.instant();
		Instant horizon = now.plus(Duration.ofDays(rule.horizonDays()));
		List<Day> days = new ArrayList<>();
		for (LocalDate date = monday; date.isBefore(monday.plusWeeks(1)); date = date.plusDays(1)) {
			List<Cell> cells = new ArrayList<>();
			for (Instant[] window : rule.openWindows(date, special)) {
				Duration slot = Duration.ofMinutes(rule.slotMinutes());
				for (Instant start = window[0]; !start.plus(slot).isAfter(window[1]); start = start.plus(slot)) {
					Instant end = start.plus(slot);
					State state = state(intervals, start, end);
					if (state == State.FREE && (start.isBefore(now) || start.isAfter(horizon))) {
						state = State.OUT_OF_REACH;
					}
					cells.add(new Cell(start, end, state));
				}
			}
			WorkingCalendar.Day known = special.get(date);
			days.add(new Day(date, known != null && known.kind() == WorkingCalendar.Kind.HOLIDAY ? known.name() : null, cells));
		}
		return new Week(instrumentId, instrument.title(), monday, rule, instrument.bookable(), days);
	}

	/** What the intervals make of a slot: taken or closed when any of it is, else free. */
	private static State state(List<Interval> intervals, Instant start, Instant end) {
		State found = State.FREE;
		for (Interval interval : intervals) {
			if (interval.kind() == Interval.Kind.FREE || !interval.start().isBefore(end) || !interval.end().isAfter(start)) {
				continue;
			}
			if (interval.kind() == Interval.Kind.CLOSED) {
				return State.CLOSED;
			}
			found = interval.mine() ? State.MINE : State.TAKEN;
		}
		return found;
	}
}
