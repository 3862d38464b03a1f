package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

/** A booking was asked for: the owner is to approve it (or it was confirmed at once). */
public record BookingRequested(UUID bookingId, String number, UUID instrumentId, String instrumentTitle, UUID ownerOrgId, UUID bookerUserId, String bookerOrgName, Instant start, Instant end, boolean needsApproval) {
}
