package cn.kejiao.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.booking.Mode;
import cn.kejiao.booking.Rules;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;

/**
 * Instruments that get used, as their owners and bookers would do it: an owner lists an instrument (prices per hour,
 * original value) open round the clock and confirmed at once; bookers book it over the API; then {@link #useAll}
 * walks the {@link MutableClock} through the bookings, each booker checking in at its start and the owner recording
 * the booked time as used (and billed) just after its end.
 */
public final class InstrumentUse {

	/** A booking made, to be used. */
	public record Booked(UUID id, UUID instrumentId, String booker, String owner, Instant start, Instant end) {
	}

	private final Personas personas;
	private final Catalog catalog;
	private final BookingRules rules;
	private final MutableClock clock;
	private final Map<String, String> passwords = new HashMap<>();
	private final Map<UUID, String> owners = new HashMap<>();
	private final List<Booked> booked = new ArrayList<>();

	public InstrumentUse(Personas personas, Catalog catalog, BookingRules rules, MutableClock clock) {
		this.personas = personas;
		this.catalog = catalog;
		this.rules = rules;
		this.clock = clock;
	}

	/** A user who is not a demo persona (a {@link NewOrganisation}'s), with its password. */
	public InstrumentUse user(String username, String password) {
		passwords.put(username, password);
		return this;
	}

	/**
	 * A published instrument of the owner's organisation, priced per hour in yuan (external and internal), of the
	 * original value in yuan, open every day round the clock in whole hours, bookings confirmed at once.
	 */
	public EntryView instrument(String owner, String title, String originalValue, String externalPrice,
			String internalPrice) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("originalValue", originalValue);
		details.put("internalPrice", internalPrice);
		details.put("bookingMode", "AUTO");
		details.put("model", "T-1");
		EntryView entry = personas.as(owner, () -> {
			EntryView created = catalog.create(EntryType.INSTRUMENT, new EntryForm("SHR-" + Markers.digits(8), title,
					title + "，用于统计共享情况。", title, null, new BigDecimal(externalPrice), "HOUR", null, null,
					Confidentiality.PUBLIC, null, details));
			return catalog.publish(created.id());
		});
		personas.as(owner, () -> rules.save(new Rules(entry.id(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
				List.of(1, 2, 3, 4, 5, 6, 7), false, 60, 60, 1440, 366, false, false, 0, Mode.SELF, true)));
		owners.put(entry.id(), owner);
		return entry;
	}

	/** An instant of a day in China time. */
	public static Instant at(LocalDate day, int hour) {
		return day.atStartOfDay(ChinaTime.ZONE).plusHours(hour).toInstant();
	}

	/** Books the instrument as the booker over the API (confirmed at once); used later by {@link #useAll}. */
	public Booked book(String booker, UUID instrumentId, Instant start, Instant end) {
		Http.Response response = api(booker).post("/api/v1/bookings", Map.of("instrumentId", instrumentId.toString(),
				"start", start.toString(), "end", end.toString(), "purpose", "共享统计测试"));
		if (response.status() != 201 || !"APPROVED".equals(response.json().get("state").asString())) {
			throw new AssertionError("booking refused: " + response.status() + " " + response.body());
		}
		Booked one = new Booked(UUID.fromString(response.json().get("id").asString()), instrumentId, booker,
				owners.get(instrumentId), start, end);
		booked.add(one);
		return one;
	}

	/**
	 * Moves the clock through every booking made, in the order of time: the booker checks in at the start, the owner
	 * records the booked time as used and bills it a minute after the end. The clock stays after the last.
	 */
	public void useAll() {
		record Step(Instant at, Booked booking, boolean checkIn) {
		}
		List<Step> steps = new ArrayList<>();
		for (Booked one : booked) {
			steps.add(new Step(one.start(), one, true));
			steps.add(new Step(one.end().plus(Duration.ofMinutes(1)), one, false));
		}
		steps.sort(Comparator.comparing(Step::at).thenComparing(Step::checkIn));
		for (Step step : steps) {
			clock.set(step.at());
			Http.Response response = step.checkIn()
					? api(step.booking().booker()).post("/api/v1/bookings/" + step.booking().id() + "/check-in", Map.of())
					: api(step.booking().owner()).post("/api/v1/bookings/" + step.booking().id() + "/complete", Map.of());
			String expected = step.checkIn() ? "CHECKED_IN" : "BILLED";
			if (response.status() != 200 || !expected.equals(response.json().get("state").asString())) {
				throw new AssertionError((step.checkIn() ? "check-in" : "completion") + " refused: " + response.status()
						+ " " + response.body());
			}
		}
		booked.clear();
	}

	/** A fresh token each time: the clock may have moved past the last one's life. */
	private Http api(String username) {
		return Http.as(personas.port(), username, passwords.getOrDefault(username, Personas.DEMO_PASSWORD));
	}
}
