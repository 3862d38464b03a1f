package cn.kejiao.booking;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * Bookings as iCalendar (RFC 5545) feeds for calendar apps: a user's own bookings (with the session, or at a private
 * address holding a token, since calendar apps cannot sign in), and an instrument's bookings for its owner, the only
 * feed that says who booked. Times in UTC; cancelled, rejected and missed bookings stay in as cancelled events, so a
 * subscribed calendar drops them.
 */
@Service
public class BookingFeeds {

	/** How far back a feed reaches. */
	static final Duration PAST = Duration.ofDays(90);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final ReservationRows rows;
	private final Instruments instruments;
	private final Catalog catalog;
	private final Clock clock;

	BookingFeeds(JdbcClient jdbc, ReservationRows rows, Instruments instruments, Catalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.instruments = instruments;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The signed-in user's own bookings. */
	@Transactional(readOnly = true)
	public String mine() {
		return ofUser(Actors.require().userId());
	}

	/** The bookings of the user a private feed token belongs to; not found for an unknown or replaced token. */
	@Transactional(readOnly = true)
	public String byToken(String token) {
		UUID user = jdbc.sql("select user_id from booking.calendar_feed where token = :token").param("token", token)
			.query(UUID.class).optional().orElseThrow(() -> KejiaoException.notFound("booking.feed-not-found"));
		return ofUser(user);
	}

	/** The user's private feed token, made on first use. */
	@Transactional
	public String token() {
		UUID user = Actors.require().userId();
		Optional<String> known = jdbc.sql("select token from booking.calendar_feed where user_id = :user")
			.param("user", user).query(String.class).optional();
		return known.orElseGet(() -> newToken(user));
	}

	/** A new private feed token for the user; the old address stops working. */
	@Transactional
	public String renewToken() {
		return newToken(Actors.require().userId());
	}

	private String newToken(UUID user) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		jdbc.sql("""
				insert into booking.calendar_feed (user_id, token, created_at) values (:user, :token, :at)
				on conflict (user_id) do update set token = excluded.token, created_at = excluded.created_at""")
			.param("user", user).param("token", token).param("at", Timestamp.from(clock.instant())).update();
		return token;
	}

	/** An instrument's bookings with who booked them, for the organisation owning it only. */
	@Transactional(readOnly = true)
	public String instrument(UUID instrumentId) {
		Actor actor = Actors.require();
		Instrument instrument = instruments.ownedBy(instrumentId, actor);
		List<BookingView> bookings = rows.where("instrument_id = :id and upper(period) >= :from",
				Map.of("id", instrumentId, "from", Timestamp.from(clock.instant().minus(PAST))), 2000);
		return calendar(instrument.title(), bookings, true);
	}

	private String ofUser(UUID user) {
		List<BookingView> bookings = rows.where("booker_user_id = :user and upper(period) >= :from",
				Map.of("user", user, "from", Timestamp.from(clock.instant().minus(PAST))), 2000);
		return calendar("科教预约 Kejiao bookings", bookings, false);
	}

	private String calendar(String name, List<BookingView> bookings, boolean forOwner) {
		Instant stamp = clock.instant();
		Map<UUID, String> locations = new HashMap<>();
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//Kejiao//Instrument booking//ZH");
		line(ics, "CALSCALE:GREGORIAN");
		line(ics, "METHOD:PUBLISH");
		line(ics, "X-WR-CALNAME:" + text(name));
		line(ics, "X-WR-TIMEZONE:Asia/Shanghai");
		for (BookingView booking : bookings) {
			line(ics, "BEGIN:VEVENT");
			line(ics, "UID:" + booking.id() + "@kejiao.cn");
			line(ics, "DTSTAMP:" + UTC.format(stamp));
			line(ics, "DTSTART:" + UTC.format(booking.start()));
			line(ics, "DTEND:" + UTC.format(booking.end()));
			line(ics, "SUMMARY:" + text(forOwner ? booking.instrumentTitle() + " · " + booking.bookerOrgName()
					: booking.instrumentTitle()));
			line(ics, "LOCATION:" + text(locations.computeIfAbsent(booking.instrumentId(),
					id -> location(id, booking.ownerOrgName()))));
			String description = booking.number() + " · " + booking.state().name()
					+ (forOwner ? " · " + booking.bookerName() + "（" + booking.bookerOrgName() + "）" : " · " + booking.ownerOrgName())
					+ (booking.purpose().isBlank() ? "" : "\n" + booking.purpose());
			line(ics, "DESCRIPTION:" + text(description));
			line(ics, "STATUS:" + status(booking.state()));
			line(ics, "END:VEVENT");
		}
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	private String location(UUID instrumentId, String ownerName) {
		return catalog.instrument(instrumentId).map(entry -> entry.details().get("location"))
			.map(Object::toString).filter(l -> !l.isBlank()).orElse(ownerName);
	}

	private static String status(BookingState state) {
		return switch (state) {
			case REQUESTED -> "TENTATIVE";
			case CANCELLED, REJECTED, NO_SHOW -> "CANCELLED";
			default -> "CONFIRMED";
		};
	}

	/** TEXT as RFC 5545 §3.3.11 escapes it. */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
			.replace("\n", "\\n");
	}

	/** A content line, folded at 75 octets (§3.1) without splitting a character, ended by CRLF. */
	static void line(StringBuilder ics, String content) {
		int octets = 0;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				ics.append("\r\n ");
				octets = 1;
			}
			ics.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		ics.append("\r\n");
	}
}
