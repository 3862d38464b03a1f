package cn.kejiao.booking;

import java.time.Instant;
import java.util.UUID;

/** Time someone waited for became free: it is offered to them until {@code expiresAt}, then to the next in line. */
public record WaitingOffered(UUID waitingId, UUID instrumentId, String instrumentTitle, String username, Instant start,
		Instant end, Instant offeredAt, Instant expiresAt) {
}
