package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

/** The booker did not come: the booking is marked no-show and its time released. */
public record BookingNoShow(UUID bookingId, String number, UUID instrumentId, String instrumentTitle, UUID bookerUserId, Instant start, Instant end) {
}
