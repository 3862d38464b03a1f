package cn.kejiao.trading;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every watcher of a lot is told when it changes: {@code bid} (a new leading amount) or {@code closed}
 * (the result; {@code state} SOLD or UNSOLD). {@code at} is the server's instant of the change; {@code bidCount}
 * the number of price steps so far, which a watcher can use to notice one it missed.
 */
public record LotChange(UUID lotId, String kind, int bidCount, @Nullable String leadingAmount, String leader,
		Instant closesAt, Instant at, @Nullable String state) {

	LotChange(UUID lotId, String kind, int bidCount, @Nullable String leadingAmount, String leader, Instant closesAt,
			Instant at) {
		this(lotId, kind, bidCount, leadingAmount, leader, closesAt, at, null);
	}
}
