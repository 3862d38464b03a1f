package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

/** The owner turned a booking down, with why. */
public record BookingRejected(UUID bookingId, String number, String instrumentTitle, UUID bookerUserId, Instant start, Instant end, String reason) {
}
