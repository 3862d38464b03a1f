package cn.kejiao.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The use of a booking was recorded: when it really ran, how much was used and what it costs. */
public record BookingUsed(UUID bookingId, String number, UUID instrumentId, String instrumentTitle, UUID ownerOrgId, String ownerRegion, UUID bookerUserId, UUID bookerOrgId, String bookerRegion, boolean external, Instant actualStart, Instant actualEnd, BigDecimal quantity, long feeFen) {
}
