package cn.kejiao.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/**
 * A booking as its booker, the instrument's owner and the admins of either region see it. {@code unitPrice} and
 * {@code fee} are the booker's price group; {@code quantity} is hours, samples or runs used; {@code orderId} is the
 * service order the fee is paid through (with a voucher part where the booker chose a grant).
 */
public record BookingView(UUID id, String number, UUID instrumentId, String instrumentTitle, UUID ownerOrgId,
		String ownerOrgName, String ownerRegion, String bookerUsername, String bookerName, UUID bookerOrgId,
		String bookerOrgName, String bookerRegion, boolean external, Instant start, Instant end, BookingState state,
		Mode mode, String purpose, @Nullable UUID grantId, @Nullable UUID seriesId, Unit unit,
		@Nullable Money unitPrice, @Nullable BigDecimal quantity, @Nullable Money fee, @Nullable UUID orderId,
		@Nullable Instant actualStart, @Nullable Instant actualEnd, @Nullable String reason, Instant createdAt) {
}
