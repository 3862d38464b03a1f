package cn.kejiao.booking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;

/**
 * An instrument's calendar between two times: its open hours cut into FREE, TAKEN and CLOSED intervals. Who booked
 * is never said; the reader's own bookings are marked {@code mine}.
 */
@Service
public class Availability {

	/** The calendar of an instrument: the rules in force and the intervals, in time order. */
	public record Calendar(UUID instrumentId, String title, Instant from, Instant to, Rules rules, List<Interval> intervals) {
	}

	private static final Duration LONGEST = Duration.ofDays(42);

	private final JdbcClient jdbc;
	private final Instruments instruments;
	private final BookingRules rules;
	private final WorkingCalendar calendar;

	Availability(JdbcClient jdbc, Instruments instruments, BookingRules rules, WorkingCalendar calendar) {
		this.jdbc = jdbc;
		this.instruments = instruments;
		this.rules = rules;
		this.calendar = calendar;
	}

	/** The calendar from {@code from} to {@code to} (at most six weeks: {@code booking.range-too-long}). */
	@Transactional(readOnly = true)
	public Calendar between(UUID instrumentId, Instant from, Instant to) {
		@Nullable Actor reader = Actors.current().orElse(null);
		if (!to.isAfter(from)) {
			throw KejiaoException.invalid("booking.period-invalid");
		}
		if (Duration.between(from, to).compareTo(LONGEST) > 0) {
			throw KejiaoException.invalid("booking.range-too-long", LONGEST.toDays());
		}
		Instrument instrument = instruments.seenBy(instrumentId, reader);
		Rules rule = rules.rules(instrument);
		return new Calendar(instrumentId, instrument.title(), from, to, rule, intervals(instrument, rule, from, to, reader));
	}

	List<Interval> intervals(Instrument instrument, Rules rule, Instant from, Instant to, @Nullable Actor reader) {
		LocalDate firstDay = from.atZone(ChinaTime.ZONE).toLocalDate().minusDays(1);
		LocalDate lastDay = to.atZone(ChinaTime.ZONE).toLocalDate();
		Map<LocalDate, WorkingCalendar.Day> special = calendar.between(firstDay, lastDay);
		List<Interval> busy = new ArrayList<>();
		jdbc.sql("""
				select lower(period), upper(period), booker_org_id = :org from booking.reservation
				where instrument_id = :id and period && tstzrange(:from, :to)
				  and state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')""")
			.param("id", instrument.id()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("org", reader == null || reader.organisationId() == null ? new UUID(0, 0) : reader.organisationId())
			.query((rs, n) -> new Interval(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
					Interval.Kind.TAKEN, rs.getBoolean(3)))
			.list().forEach(busy::add);
		rules.closures(instrument.id(), from, to)
			.forEach(c -> busy.add(new Interval(c.start(), c.end(), Interval.Kind.CLOSED, false)));
		busy.sort(Comparator.comparing(Interval::start));
		List<Interval> result = new ArrayList<>();
		for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
			for (Instant[] window : rule.openWindows(day, special)) {
				Instant start = max(window[0], from);
				Instant end = min(window[1], to);
				if (!end.isAfter(start)) {
					continue;
				}
				Instant cursor = start;
				for (Interval taken : busy) {
					if (!taken.end().isAfter(cursor) || !taken.start().isBefore(end)) {
						continue;
					}
					if (taken.start().isAfter(cursor)) {
						result.add(new Interval(cursor, taken.start(), Interval.Kind.FREE, false));
					}
					cursor = max(cursor, taken.end());
				}
				if (end.isAfter(cursor)) {
					result.add(new Interval(cursor, end, Interval.Kind.FREE, false));
				}
			}
		}
		for (Interval taken : busy) {
			result.add(new Interval(max(taken.start(), from), min(taken.end(), to), taken.kind(), taken.mine()));
		}
		result.sort(Comparator.comparing(Interval::start).thenComparing(Interval::kind));
		return result;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
