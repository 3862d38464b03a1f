package cn.kejiao.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryState;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Personas;

/**
 * For tests that book: an instrument of provider-jd that any verified enterprise may book (published, no training,
 * used by the booker), and a run of free slots on it some weeks ahead, read from its calendar so that what other
 * tests booked is stepped around. Made by a test from the context's beans.
 */
public class BookableInstruments {

	private final Personas personas;
	private final Catalog catalog;
	private final BookingRules rules;
	private final CalendarGrid grid;
	private final Clock clock;

	public BookableInstruments(Personas personas, Catalog catalog, BookingRules rules, CalendarGrid grid, Clock clock) {
		this.personas = personas;
		this.catalog = catalog;
		this.rules = rules;
		this.grid = grid;
		this.clock = clock;
	}

	/** The {@code n}-th such instrument of provider-jd (0 the first), so that tests can keep out of each other's way. */
	public EntryView ofProviderJd(int n) {
		List<EntryView> bookable = personas.as("provider-jd", () -> catalog.mine(EntryType.INSTRUMENT)).stream()
			.filter(e -> e.state() == EntryState.PUBLISHED)
			.filter(e -> {
				Rules rule = rules.rules(e.id());
				return !rule.trainingRequired() && rule.mode() != Mode.SAMPLE && rule.slotMinutes() <= 60;
			})
			.toList();
		return bookable.get(n % bookable.size());
	}

	/** The first start, from {@code weeksAhead} weeks on, of {@code slots} free slots in a row on one day. */
	public Instant freeRun(UUID instrumentId, int weeksAhead, int slots) {
		LocalDate day = LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusWeeks(weeksAhead);
		for (int week = 0; week < 6; week++) {
			for (CalendarGrid.Day d : grid.week(instrumentId, day.plusWeeks(week)).days()) {
				List<CalendarGrid.Cell> cells = d.cells();
				for (int i = 0; i + slots <= cells.size(); i++) {
					if (cells.subList(i, i + slots).stream().allMatch(CalendarGrid.Cell::free)) {
						return cells.get(i).start();
					}
				}
			}
		}
		throw new IllegalStateException("no free run of " + slots + " slots on " + instrumentId);
	}

	public Rules rules(UUID instrumentId) {
		return rules.rules(instrumentId);
	}

	/** The start as the calendar writes it (China time to the minute). */
	public static String local(Instant at) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ChinaTime.ZONE).format(at);
	}
}
