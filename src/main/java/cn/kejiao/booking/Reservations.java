package cn.kejiao.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;

/**
 * Whether a time may be booked, and its reservation row: who may book, the one check of a time against the
 * instrument's rules, closures and training, the insert that PostgreSQL's exclusion constraint decides, and the
 * refusal naming the booking that clashed. Used by {@link Bookings} for a request and by {@link WaitingList} for a
 * place in line.
 */
@Component
class Reservations {

	private final JdbcClient jdbc;
	private final BookingRules rules;
	private final WorkingCalendar calendar;
	private final Organisations organisations;
	private final Clock clock;

	Reservations(JdbcClient jdbc, BookingRules rules, WorkingCalendar calendar, Organisations organisations, Clock clock) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.calendar = calendar;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** Who books: a user of a verified organisation. */
	record Booker(Actor actor, OrganisationView organisation) {
	}

	Booker booker(Actor actor) {
		OrganisationView organisation = Optional.ofNullable(actor.organisationId()).flatMap(organisations::find)
			.filter(OrganisationView::isVerified)
			.orElseThrow(() -> KejiaoException.forbidden("booking.verified-only"));
		return new Booker(actor, organisation);
	}

	/** The time checked for a booker: {@link #checkTime}, then the training a self-operated instrument asks for. */
	void check(Instrument instrument, Rules rule, Booker booker, Instant start, Instant end) {
		checkTime(instrument, rule, start, end);
		if (rule.trainingRequired() && rule.mode() == Mode.SELF) {
			rules.requireTrained(instrument.id(), booker.actor().userId(), start.atZone(ChinaTime.ZONE).toLocalDate());
		}
	}

	/**
	 * Whether the time may be booked on the instrument at all, for anyone: the instrument bookable, the rules
	 * ({@link Rules#check}) and no closure ({@code booking.closed}, with the closure).
	 */
	void checkTime(Instrument instrument, Rules rule, Instant start, Instant end) {
		if (!instrument.bookable()) {
			throw KejiaoException.conflict("booking.not-bookable", instrument.title());
		}
		LocalDate firstDay = start.atZone(ChinaTime.ZONE).toLocalDate();
		LocalDate lastDay = end.atZone(ChinaTime.ZONE).toLocalDate();
		rule.check(start, end, clock.instant(), calendar.between(firstDay, lastDay.plusDays(1)));
		rules.closureDuring(instrument.id(), start, end).ifPresent(closure -> {
			throw KejiaoException.conflict("booking.closed", closure.reason(), Times.shortText(closure.start(), closure.end()))
				.with("closure", Map.of("start", closure.start(), "end", closure.end(), "reason", closure.reason()));
		});
	}

	/** Inserts the booking unless it overlaps a live one; null when it does (nothing inserted). */
	@Nullable
	UUID insert(Instrument instrument, Rules rule, Booker booker, Bookings.Request request, @Nullable UUID series) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		boolean external = !instrument.ownerOrgId().equals(booker.organisation().id());
		Long price = instrument.priceFor(external);
		// the number: YY, China's date and the next of the sequence, taken in the insert itself (one round trip)
		String number = "YY" + LocalDate.now(clock.withZone(ChinaTime.ZONE)).toString().replace("-", "");
		int inserted = jdbc.sql("""
				insert into booking.reservation (id, number, instrument_id, instrument_title, owner_org_id, owner_org_name,
				    owner_region, booker_user_id, booker_username, booker_name, booker_org_id, booker_org_name, booker_region,
				    external, period, state, mode, purpose, grant_id, series_id, unit, unit_price, created_at, updated_at)
				values (:id, (select :number || lpad(n::text, greatest(6, length(n::text)), '0')
				              from nextval('booking.booking_number') n),
				    :instrument, :title, :owner, :ownerName, :ownerRegion, :user, :username, :name, :org,
				    :orgName, :orgRegion, :external, tstzrange(:start, :end), 'REQUESTED', :mode, :purpose, :grant, :series,
				    :unit, :price, :at, :at)
				on conflict do nothing""")
			.param("id", id).param("number", number).param("instrument", instrument.id())
			.param("title", instrument.title()).param("owner", instrument.ownerOrgId())
			.param("ownerName", instrument.ownerOrgName()).param("ownerRegion", instrument.regionCode())
			.param("user", booker.actor().userId()).param("username", booker.actor().username())
			.param("name", booker.actor().displayName()).param("org", booker.organisation().id())
			.param("orgName", booker.organisation().name()).param("orgRegion", booker.organisation().regionCode())
			.param("external", external).param("start", Timestamp.from(request.start()))
			.param("end", Timestamp.from(request.end())).param("mode", rule.mode().name())
			.param("purpose", request.purpose() == null ? "" : request.purpose().strip()).param("grant", request.grantId())
			.param("series", series).param("unit", instrument.unit().name()).param("price", price)
			.param("at", Timestamp.from(now)).update();
		return inserted == 1 ? id : null;
	}

	/** The refusal of a booking that overlaps another: 409 with the first interval it overlaps. */
	KejiaoException clash(UUID instrumentId, Instant start, Instant end) {
		List<Instant[]> taken = jdbc.sql("""
				select lower(period), upper(period) from booking.reservation
				where instrument_id = :id and period && tstzrange(:start, :end)
				  and state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED')
				order by lower(period)""")
			.param("id", instrumentId).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
			.query((rs, n) -> new Instant[] { rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant() }).list();
		Instant[] first = taken.isEmpty() ? new Instant[] { start, end } : taken.get(0);
		return KejiaoException.conflict("booking.clash", Times.shortText(first[0], first[1]))
			.with("clash", Map.of("start", first[0], "end", first[1]));
	}
}
