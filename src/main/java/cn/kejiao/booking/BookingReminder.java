package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

/** An approved booking starts tomorrow (China time): its booker is reminded, once. */
public record BookingReminder(UUID bookingId, String number, UUID instrumentId, String instrumentTitle, UUID bookerUserId,
		Instant start, Instant end, Mode mode) {
}
