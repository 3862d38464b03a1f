package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

/** A booking was cancelled by its booker or by the owner; its time is free again. */
public record BookingCancelled(UUID bookingId, String number, UUID instrumentId, String instrumentTitle, UUID ownerOrgId, UUID bookerUserId, Instant start, Instant end, boolean byOwner, String reason) {
}
