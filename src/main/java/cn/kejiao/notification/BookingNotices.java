package cn.kejiao.notification;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.booking.BookingApproved;
import cn.kejiao.booking.BookingCancelled;
import cn.kejiao.booking.BookingNoShow;
import cn.kejiao.booking.BookingRejected;
import cn.kejiao.booking.BookingReminder;
import cn.kejiao.booking.BookingRequested;
import cn.kejiao.booking.WaitingOffered;
import cn.kejiao.platform.ChinaTime;

/**
 * What the two sides of an instrument booking are told: the owner's organisation, of a booking to approve and of a
 * booking its booker cancelled; the booker alone (not the whole organisation), of the booking confirmed, approved or
 * rejected with why, cancelled by the owner, marked no-show, and of the booking the day before; the person waiting,
 * of time offered until when. Each notice has a once-key, so an event delivered again tells nobody twice. The link
 * opens the booking on "my bookings".
 */
@Component
class BookingNotices {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Notifications notifications;
	private final Accounts accounts;

	BookingNotices(Notifications notifications, Accounts accounts) {
		this.notifications = notifications;
		this.accounts = accounts;
	}

	/** The owner approves: told when the rules ask for approval (a booking confirmed at once is the booker's news). */
	@ApplicationModuleListener
	void on(BookingRequested event) {
		if (event.needsApproval()) {
			notifications.tell(new Notice(event.ownerOrgId(), "booking", "booking-requested",
					List.of(event.number(), event.bookerOrgName(), event.instrumentTitle(), period(event.start(), event.end())),
					link(event.number()), "booking-requested:" + event.bookingId()));
		}
	}

	@ApplicationModuleListener
	void on(BookingApproved event) {
		toBooker(event.bookerUserId(), event.atOnce() ? "booking-confirmed" : "booking-approved",
				List.of(event.number(), event.instrumentTitle(), period(event.start(), event.end())), event.number(),
				"booking-approved:" + event.bookingId());
	}

	@ApplicationModuleListener
	void on(BookingRejected event) {
		toBooker(event.bookerUserId(), "booking-rejected",
				List.of(event.number(), event.instrumentTitle(), period(event.start(), event.end()), event.reason()),
				event.number(), "booking-rejected:" + event.bookingId());
	}

	/** The other side: the booker when the owner cancelled, the owner's organisation when the booker did. */
	@ApplicationModuleListener
	void on(BookingCancelled event) {
		List<String> args = List.of(event.number(), event.instrumentTitle(), period(event.start(), event.end()),
				event.reason().isBlank() ? "-" : event.reason());
		if (event.byOwner()) {
			toBooker(event.bookerUserId(), "booking-cancelled-by-owner", args, event.number(),
					"booking-cancelled:" + event.bookingId());
		}
		else {
			notifications.tell(new Notice(event.ownerOrgId(), "booking", "booking-cancelled-by-booker", args,
					link(event.number()), "booking-cancelled:" + event.bookingId()));
		}
	}

	@ApplicationModuleListener
	void on(BookingNoShow event) {
		toBooker(event.bookerUserId(), "booking-no-show",
				List.of(event.number(), event.instrumentTitle(), period(event.start(), event.end())), event.number(),
				"booking-no-show:" + event.bookingId());
	}

	@ApplicationModuleListener
	void on(BookingReminder event) {
		toBooker(event.bookerUserId(), "booking-reminder-" + event.mode().name().toLowerCase(java.util.Locale.ROOT),
				List.of(event.number(), event.instrumentTitle(), period(event.start(), event.end())), event.number(),
				"booking-reminder:" + event.bookingId());
	}

	/** The person waiting alone; an entry offered again (after someone else booked its time) is told again. */
	@ApplicationModuleListener
	void on(WaitingOffered event) {
		notifications.tell(Notice.toUser(event.username(), "booking", "booking-waiting-offer",
				List.of(event.instrumentTitle(), period(event.start(), event.end()), local(event.expiresAt())),
				"/bookings#waiting-" + event.waitingId(),
				"booking-waiting-offer:" + event.waitingId() + ":" + event.offeredAt().toEpochMilli()));
	}

	private void toBooker(UUID userId, String message, List<String> args, String number, String onceKey) {
		accounts.find(userId).map(UserView::username).ifPresent(username -> notifications
			.tell(Notice.toUser(username, "booking", message, args, link(number), onceKey)));
	}

	private static String link(String number) {
		return "/bookings#" + number;
	}

	private static String local(Instant instant) {
		return MINUTES.format(instant.atZone(ChinaTime.ZONE));
	}

	/** 2026-12-08 09:00–11:00 (China time), with both dates when it runs over midnight. */
	static String period(Instant start, Instant end) {
		ZonedDateTime from = start.atZone(ChinaTime.ZONE);
		ZonedDateTime until = end.atZone(ChinaTime.ZONE);
		return MINUTES.format(from) + "–"
				+ (from.toLocalDate().equals(until.toLocalDate()) ? TIME.format(until) : MINUTES.format(until));
	}
}
