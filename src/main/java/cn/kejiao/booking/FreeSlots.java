package cn.kejiao.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.kejiao.catalog.CatalogSearch;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.SearchQuery;
import cn.kejiao.catalog.SearchResult;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;

/**
 * "An SEM in 长三角, free next Tuesday afternoon": the catalog's search for instruments (its words, region and
 * cooperation zone filters, what the reader may see), then for each of the first hits whether it has a free time of
 * the length asked for in the window, with the earliest such starts on its slot grid. Hits with free time come
 * first, earliest first; the rest follow in the catalog's order.
 */
@Service
public class FreeSlots {

	/** At most this many instruments are looked at. */
	public static final int MOST = 30;

	/** The question: what (catalog words), where (region code, zone code), when (a day, from, until), how long. */
	public record Query(@Nullable String text, @Nullable String region, @Nullable String zone, LocalDate date,
			LocalTime from, LocalTime until, int minutes, int limit) {
	}

	public record Slot(Instant start, Instant end) {
	}

	/**
	 * One instrument: {@code slots} the earliest free starts (empty when none), {@code minutes} the length they are
	 * offered for (the length asked, rounded up to the instrument's slot and its shortest booking).
	 */
	public record Hit(UUID instrumentId, String title, String organisation, String regionCode, @Nullable BigDecimal price,
			@Nullable String priceUnit, boolean bookable, int minutes, List<Slot> slots) {

		public boolean free() {
			return !slots.isEmpty();
		}
	}

	public record Result(Instant from, Instant to, long found, List<Hit> hits) {

		public long withFreeTime() {
			return hits.stream().filter(Hit::free).count();
		}
	}

	private static final int SLOTS_SHOWN = 3;

	private final CatalogSearch search;
	private final Instruments instruments;
	private final BookingRules rules;
	private final Availability availability;
	private final Clock clock;

	FreeSlots(CatalogSearch search, Instruments instruments, BookingRules rules, Availability availability, Clock clock) {
		this.search = search;
		this.instruments = instruments;
		this.rules = rules;
		this.availability = availability;
		this.clock = clock;
	}

	public Result search(Query query) {
		if (query.minutes() < 5 || query.minutes() > 24 * 60) {
			throw KejiaoException.invalid("booking.free-minutes", query.minutes());
		}
		Instant from = query.date().atTime(query.from()).atZone(ChinaTime.ZONE).toInstant();
		Instant to = (query.until().equals(LocalTime.MIDNIGHT) ? query.date().plusDays(1).atStartOfDay()
				: query.date().atTime(query.until())).atZone(ChinaTime.ZONE).toInstant();
		if (!to.isAfter(from)) {
			throw KejiaoException.invalid("booking.period-invalid");
		}
		@Nullable Actor reader = Actors.current().orElse(null);
		int size = Math.max(1, Math.min(query.limit(), MOST));
		SearchResult found = search.search(new SearchQuery(query.text(), Set.of(EntryType.INSTRUMENT), query.region(),
				query.zone(), null, null, null, null, null, SearchQuery.Sort.RELEVANCE, 0, size), reader, false);
		Instant now = clock.instant();
		List<Hit> hits = new ArrayList<>();
		for (SearchResult.Hit hit : found.hits()) {
			Instrument instrument;
			try {
				instrument = instruments.whole(hit.id());
			}
			catch (KejiaoException gone) {
				continue;
			}
			Rules rule = rules.rules(instrument);
			int minutes = length(rule, query.minutes());
			List<Slot> slots = instrument.bookable() && minutes <= rule.maxMinutes()
					? slots(instrument, rule, from, to, now, minutes, reader) : List.of();
			hits.add(new Hit(hit.id(), hit.title(), hit.organisation(), hit.regionCode(), hit.price(), hit.priceUnit(),
					instrument.bookable(), minutes, slots));
		}
		List<Hit> ordered = new ArrayList<>(hits.stream().filter(Hit::free)
			.sorted(Comparator.comparing(h -> h.slots().getFirst().start())).toList());
		hits.stream().filter(h -> !h.free()).forEach(ordered::add);
		return new Result(from, to, found.total(), ordered);
	}

	/** The length offered: what was asked, rounded up to whole slots, at least the shortest booking. */
	static int length(Rules rule, int asked) {
		int slot = rule.slotMinutes();
		int rounded = (asked + slot - 1) / slot * slot;
		return Math.max(rounded, rule.minMinutes());
	}

	private List<Slot> slots(Instrument instrument, Rules rule, Instant from, Instant to, Instant now, int minutes,
			@Nullable Actor reader) {
		Instant start = from.isBefore(now) ? now : from;
		Instant horizon = now.plus(Duration.ofDays(rule.horizonDays()));
		if (!to.isAfter(start)) {
			return List.of();
		}
		Duration length = Duration.ofMinutes(minutes);
		List<Slot> slots = new ArrayList<>();
		for (Interval interval : availability.intervals(instrument, rule, start, to, reader)) {
			if (interval.kind() != Interval.Kind.FREE) {
				continue;
			}
			for (Instant at = onGrid(rule, interval.start()); !at.plus(length).isAfter(interval.end())
					&& !at.isAfter(horizon) && slots.size() < SLOTS_SHOWN; at = at.plus(length)) {
				slots.add(new Slot(at, at.plus(length)));
			}
			if (slots.size() >= SLOTS_SHOWN) {
				break;
			}
		}
		return slots;
	}

	/** The first start on the instrument's slot grid (counted from its opening each day) at or after a time. */
	static Instant onGrid(Rules rule, Instant time) {
		ZonedDateTime at = time.atZone(ChinaTime.ZONE);
		ZonedDateTime opens = at.toLocalDate().atStartOfDay(ChinaTime.ZONE).plusMinutes(rule.openFrom().toSecondOfDay() / 60);
		long seconds = ChronoUnit.SECONDS.between(opens, at);
		long slot = rule.slotMinutes() * 60L;
		long up = Math.floorMod(seconds, slot) == 0 ? seconds : (Math.floorDiv(seconds, slot) + 1) * slot;
		return opens.plusSeconds(up).toInstant();
	}
}
