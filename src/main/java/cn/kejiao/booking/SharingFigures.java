package cn.kejiao.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.booking.SharingArithmetic.Counted;
import cn.kejiao.booking.SharingReport.InstrumentFigures;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/**
 * The sharing figures of a region (and everything below it) for a period of days in China time: per instrument the
 * effective hours of use (the actual use recorded for used and billed bookings, clipped to the period), the hours
 * used by other organisations, the sharing rate, the internal and external income and the revenue ratio
 * ({@link SharingArithmetic}); every public instrument of the region is listed, used or not. Region admins read
 * their region and below, the platform admin any; an owner organisation reads its own instruments' figures.
 */
@Service
public class SharingFigures {

	/** The longest period one report covers. */
	static final int MAX_YEARS = 5;

	private static final List<String> COUNTED = List.of(BookingState.USED.name(), BookingState.BILLED.name());

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final Regions regions;
	private final Clock clock;
	private final BigDecimal lowUseShare;

	SharingFigures(JdbcClient jdbc, Catalog catalog, Regions regions, Clock clock,
			@Value("${kejiao.sharing.low-use-share:0.25}") BigDecimal lowUseShare) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.regions = regions;
		this.clock = clock;
		this.lowUseShare = lowUseShare;
	}

	/** A period of days, both included, China time. */
	public record Period(LocalDate from, LocalDate to) {
	}

	/**
	 * The period asked for, this year so far for what is left out: refused when it ends before it starts
	 * ({@code sharing.period-order}) or spans more than {@value #MAX_YEARS} years ({@code sharing.period-too-long}).
	 */
	public Period period(@Nullable LocalDate from, @Nullable LocalDate to) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.withDayOfYear(1) : from;
		if (end.isBefore(start)) {
			throw KejiaoException.invalid("sharing.period-order", start.toString(), end.toString());
		}
		if (start.plusYears(MAX_YEARS).isBefore(end)) {
			throw KejiaoException.invalid("sharing.period-too-long", MAX_YEARS);
		}
		return new Period(start, end);
	}

	/**
	 * The region the reader reads when it names none: the one an admin governs, an owner's own region. Refused
	 * ({@code sharing.forbidden}) for a reader who is neither an admin nor an owner of instruments.
	 */
	public String defaultRegion(Actor actor) {
		requireReader(actor);
		return actor.regionCode();
	}

	/**
	 * The figures of the region for the period. A region that is no region: {@code sharing.region-unknown} (400); an
	 * admin outside the region: {@code sharing.region-forbidden} (403); an owner gets its own instruments only.
	 */
	@Transactional(readOnly = true)
	public SharingReport figures(@Nullable String region, Period period) {
		Actor actor = Actors.require();
		String code = region == null || region.isBlank() ? defaultRegion(actor) : region.strip();
		requireReader(actor);
		if (!RegionCodes.isWellFormed(code) || !regions.exists(code)) {
			throw KejiaoException.invalid("sharing.region-unknown", code);
		}
		boolean governed = actor.governs(code);
		if (!governed && (actor.isRegionAdmin() || actor.isPlatformAdmin())) {
			throw KejiaoException.forbidden("sharing.region-forbidden", regions.fullName(code));
		}
		List<InstrumentFigures> all = SharingArithmetic.rows(counted(code, period), lowUseShare);
		List<InstrumentFigures> shown = governed ? all
				: all.stream().filter(row -> row.ownerOrgId().equals(actor.organisationId())).toList();
		BigDecimal median = SharingArithmetic.median(all.stream().map(InstrumentFigures::effectiveHours).toList());
		return new SharingReport(code, regions.fullName(code), period.from(), period.to(), !governed, median,
				lowUseShare.setScale(2, RoundingMode.HALF_UP), shown, SharingArithmetic.organisations(shown),
				SharingArithmetic.sum(shown));
	}

	private static void requireReader(Actor actor) {
		boolean admin = actor.isRegionAdmin() || actor.isPlatformAdmin();
		if (!admin && !(actor.has(Role.PROVIDER) && actor.organisationId() != null)) {
			throw KejiaoException.forbidden("sharing.forbidden");
		}
	}

	/** What was used, per instrument and by whom. */
	private record Use(UUID instrumentId, String title, UUID ownerOrgId, String ownerOrgName, String regionCode,
			long seconds, long externalSeconds, long internalFen, long externalFen) {
	}

	/** The region's public instruments, and any other of the region that was used in the period, with their use. */
	private List<Counted> counted(String region, Period period) {
		Map<UUID, Use> used = new HashMap<>();
		uses(region, period).forEach(use -> used.put(use.instrumentId(), use));
		Map<UUID, EntryView> listed = new LinkedHashMap<>();
		catalog.publicInstrumentsIn(region).forEach(entry -> listed.put(entry.id(), entry));
		for (UUID id : used.keySet()) {
			if (!listed.containsKey(id)) {
				catalog.instrument(id).ifPresent(entry -> listed.put(id, entry));
			}
		}
		Map<String, String> regionNames = new HashMap<>();
		List<Counted> counted = new ArrayList<>();
		for (EntryView entry : listed.values()) {
			Instrument instrument = Instrument.of(entry);
			Use use = used.remove(entry.id());
			counted.add(new Counted(entry.id(), entry.title(), entry.ownerOrgId(), entry.ownerOrgName(),
					entry.regionCode(), regionNames.computeIfAbsent(entry.regionCode(), regions::fullNameOrCode),
					fen(instrument.originalValue()), use == null ? 0 : use.seconds(),
					use == null ? 0 : use.externalSeconds(), use == null ? 0 : use.internalFen(),
					use == null ? 0 : use.externalFen()));
		}
		for (Use use : used.values()) {
			// used in the period, no longer in the catalog: counted under the names the bookings kept
			counted.add(new Counted(use.instrumentId(), use.title(), use.ownerOrgId(), use.ownerOrgName(),
					use.regionCode(), regionNames.computeIfAbsent(use.regionCode(), regions::fullNameOrCode), null,
					use.seconds(), use.externalSeconds(), use.internalFen(), use.externalFen()));
		}
		return counted;
	}

	/**
	 * The recorded use of the region's instruments overlapping the period: its seconds inside the period; the fee
	 * counts in the period in which the use ended.
	 */
	private List<Use> uses(String region, Period period) {
		Timestamp from = Timestamp.from(period.from().atStartOfDay(ChinaTime.ZONE).toInstant());
		Timestamp to = Timestamp.from(period.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
		return jdbc.sql("""
				with used as (
				    select instrument_id, instrument_title, owner_org_id, owner_org_name, owner_region, external,
				           extract(epoch from least(actual_end, :to) - greatest(actual_start, :from))::bigint as seconds,
				           case when actual_end >= :from and actual_end < :to then coalesce(fee, 0) else 0 end as fee
				    from booking.reservation
				    where owner_region like :region and state in (:states)
				      and actual_start < :to and actual_end > :from)
				select instrument_id, max(instrument_title), (array_agg(owner_org_id))[1], max(owner_org_name),
				       max(owner_region), sum(seconds), sum(seconds) filter (where external),
				       sum(fee) filter (where not external), sum(fee) filter (where external)
				from used group by instrument_id""")
			.param("from", from).param("to", to).param("region", RegionCodes.likePattern(region))
			.param("states", COUNTED)
			.query((rs, n) -> new Use(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
			.list();
	}

	private static @Nullable Long fen(@Nullable BigDecimal yuan) {
		return yuan == null ? null : yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}
}
