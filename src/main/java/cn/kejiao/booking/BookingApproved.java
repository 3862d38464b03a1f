package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner approved a booking (or it was confirmed at once): the booker may come.
 * @param atOnce confirmed when requested, by the instrument's rules, without the owner deciding
 */
public record BookingApproved(UUID bookingId, String number, UUID instrumentId, String instrumentTitle, UUID bookerUserId, Instant start, Instant end, boolean atOnce) {
}
